/* "Mina lokala kontakter": the reader's own numbers for the social services out-of-hours service,
 * the social services office, the local police and an interpreter service. Kept only in this
 * browser's localStorage (never sent), merged into the action cards where a card says "lokalt
 * nummer" and into the pocket card, exportable and importable as a JSON file. A classic deferred
 * script (modules do not load from file://); it works offline like the rest of the site. */
(function () {
  "use strict"

  const KEY = "manualen.local-contacts"
  const FORMAT = "manualen-local-contacts/1"
  const KINDS = ["socialjouren", "socialkontoret", "polis", "tolk"]
  // where each kind joins an action card: the card's line for that contact
  const CARD_LINE = {socialjouren: "socialjouren", socialkontoret: "socialkontoret", polis: "polisen-11414"}
  const PHONE = /^\+?[0-9][0-9 ()-]{1,28}$/
  const labelData = document.getElementById("manual-local")
  const labels = labelData ? JSON.parse(labelData.textContent) : {}

  function validPhone(value) {
    return PHONE.test(value) && value.replace(/[^0-9]/g, "").length >= 3
  }

  // Only what this script itself wrote: known kinds, a valid phone, a short note.
  function clean(value) {
    const contacts = {}
    if (!value || typeof value !== "object" || Array.isArray(value))
      return null
    for (const kind of Object.keys(value)) {
      const entry = value[kind]
      if (KINDS.indexOf(kind) === -1 || !entry || typeof entry !== "object")
        return null
      const phone = typeof entry.phone === "string" ? entry.phone.trim() : ""
      const note = typeof entry.note === "string" ? entry.note.trim().slice(0, 80) : ""
      if (!validPhone(phone))
        return null
      contacts[kind] = {phone: phone, note: note}
    }
    return contacts
  }

  function read() {
    try {
      const saved = JSON.parse(localStorage.getItem(KEY) || "null")
      return (saved && saved.format === FORMAT && clean(saved.contacts)) || {}
    } catch (error) {
      return {}
    }
  }

  function write(contacts) {
    try {
      if (Object.keys(contacts).length)
        localStorage.setItem(KEY, JSON.stringify({format: FORMAT, contacts: contacts}))
      else
        localStorage.removeItem(KEY)
      return true
    } catch (error) {
      return false // storage disabled: the numbers hold for this page only
    }
  }

  function telOf(phone) {
    return "tel:" + phone.replace(/[^0-9+]/g, "")
  }

  function callLink(entry, name) {
    const link = document.createElement("a")
    link.href = entry.tel || telOf(entry.phone) // the data's own tel: address, or one made from the number
    link.className = "manual-local__call"
    link.textContent = entry.phone
    link.setAttribute("aria-label", name + " " + entry.phone)
    return link
  }

  // "Mitt nummer (note) 08-…": the reader's number, in a line of its own kind
  function mineLine(label, entry, name, joiner) {
    const line = document.createElement("span")
    line.className = "manual-local__line"
    line.append(document.createTextNode(joiner + label + (entry.note ? " (" + entry.note + ")" : "") + " "))
    line.append(callLink(entry, [name, label].filter(Boolean).join(", ")))
    return line
  }

  /* The action cards, in the page and in the aid's player: the reader's number joins the card's line
   * for that contact (the link that explains how to find a local number steps aside), and the
   * interpreter service joins the list of whom to call. */
  function mergeCards(contacts) {
    document.querySelectorAll(".manual-local__line, .manual-local__item").forEach(function (old) { old.remove() })
    document.querySelectorAll(".aid-card__call a.manual-local__found").forEach(function (link) {
      link.hidden = false
      link.classList.remove("manual-local__found")
    })
    Object.keys(CARD_LINE).forEach(function (kind) {
      const entry = contacts[kind]
      if (!entry)
        return
      document.querySelectorAll('.aid-card__call li[data-contact="' + CARD_LINE[kind] + '"]').forEach(function (item) {
        const name = item.querySelector("strong") ? item.querySelector("strong").textContent : ""
        const find = item.querySelector('a:not([href^="tel:"])')
        if (find) { // the reader's number takes the place of "lokalt nummer"
          find.hidden = true
          find.classList.add("manual-local__found")
          find.after(mineLine(labels.mine, entry, name, ""))
        } else { // a national number: the reader's local one follows it
          item.append(mineLine(labels.police, entry, "", "; "))
        }
      })
    })
    document.querySelectorAll("ul.aid-card__call").forEach(function (list) { list.dataset.localMerged = "" })
    if (contacts.tolk) {
      document.querySelectorAll("ul.aid-card__call").forEach(function (list) {
        const item = document.createElement("li")
        item.className = "manual-local__item"
        item.dataset.contact = "mina-tolk"
        const name = document.createElement("strong")
        name.textContent = labels.interpreter
        item.append(name, document.createTextNode(": "), mineLine("", contacts.tolk, labels.interpreter, " "))
        list.append(item)
      })
    }
  }

  /* The pocket card: the reader's numbers, and the coordinator of the county chosen in this browser. */
  function fillPocket(contacts) {
    document.querySelectorAll("[data-pocket-local] li[data-kind]").forEach(function (item) {
      const entry = contacts[item.dataset.kind]
      const name = item.querySelector("strong")
      item.replaceChildren(name)
      if (entry) {
        if (entry.note)
          item.append(document.createTextNode(" " + entry.note))
        item.append(document.createTextNode(" "), callLink(entry, name.textContent))
      } else {
        const blank = document.createElement("span")
        blank.className = "manual-pocket__blank"
        blank.textContent = item.dataset.blank || "…………………………"
        item.append(document.createTextNode(" "), blank)
      }
    })
    const regionsData = document.getElementById("manual-regions")
    const slot = document.querySelector("[data-pocket-region]")
    if (!regionsData || !slot)
      return
    if (!slot.dataset.none)
      slot.dataset.none = slot.innerHTML
    const regions = JSON.parse(regionsData.textContent)
    let county = ""
    try {
      county = localStorage.getItem("manualen.county") || ""
    } catch (error) {
      county = ""
    }
    const region = regions.regions.find(function (r) { return r.counties.indexOf(county) !== -1 })
    if (!region || !region.contacts.length) {
      slot.innerHTML = slot.dataset.none // the template's own link to the regions page
      return
    }
    slot.replaceChildren(document.createTextNode(region.name + ": "))
    region.contacts.forEach(function (contact, index) {
      if (index)
        slot.append(document.createTextNode(" "))
      slot.append(callLink(contact, contact.name))
      const name = document.createElement("span")
      name.className = "manual-pocket__hours"
      name.textContent = " (" + contact.name + ")"
      slot.append(name)
    })
  }

  function refresh() {
    const contacts = read()
    mergeCards(contacts)
    fillPocket(contacts)
  }

  /* The form on the page "Mina lokala kontakter". */
  function form(element) {
    const status = element.querySelector(".manual-local__status")
    const fields = {}
    KINDS.forEach(function (kind) {
      fields[kind] = {
        phone: element.querySelector("#local-" + kind + "-phone"),
        note: element.querySelector("#local-" + kind + "-note"),
        error: element.querySelector("#local-" + kind + "-error"),
      }
    })
    document.querySelectorAll("[data-pocket-local] li[data-kind]").forEach(function (item) {
      const blank = item.querySelector(".manual-pocket__blank")
      if (blank)
        item.dataset.blank = blank.textContent
    })

    function show(contacts) {
      KINDS.forEach(function (kind) {
        const entry = contacts[kind]
        fields[kind].phone.value = entry ? entry.phone : ""
        fields[kind].note.value = entry ? entry.note : ""
        fields[kind].phone.removeAttribute("aria-invalid")
        fields[kind].error.hidden = true
      })
    }

    function say(key) {
      status.textContent = element.dataset[key] || ""
    }

    element.hidden = false
    const nojs = document.querySelector("[data-manual-local-nojs]")
    if (nojs)
      nojs.hidden = true
    show(read())

    element.addEventListener("submit", function (event) {
      event.preventDefault()
      const contacts = {}
      let firstWrong = null
      KINDS.forEach(function (kind) {
        const phone = fields[kind].phone.value.trim()
        const wrong = phone !== "" && !validPhone(phone)
        fields[kind].error.hidden = !wrong
        if (wrong) {
          fields[kind].phone.setAttribute("aria-invalid", "true")
          firstWrong = firstWrong || fields[kind].phone
        } else {
          fields[kind].phone.removeAttribute("aria-invalid")
        }
        if (phone && !wrong)
          contacts[kind] = {phone: phone, note: fields[kind].note.value.trim().slice(0, 80)}
      })
      if (firstWrong) {
        say("invalid")
        firstWrong.focus()
        return
      }
      write(contacts)
      refresh()
      say(Object.keys(contacts).length ? "saved" : "cleared")
    })

    element.querySelector('[data-action="clear"]').addEventListener("click", function () {
      write({})
      show({})
      refresh()
      say("cleared")
    })

    element.querySelector('[data-action="export"]').addEventListener("click", function () {
      const text = JSON.stringify({format: FORMAT, contacts: read()}, null, 2) + "\n"
      const link = document.createElement("a")
      link.href = URL.createObjectURL(new Blob([text], {type: "application/json"}))
      link.download = element.dataset.fileName || "local-contacts.json"
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(function () { URL.revokeObjectURL(link.href) }, 1000)
    })

    const input = element.querySelector('input[type="file"]')
    input.addEventListener("change", function () {
      const file = input.files && input.files[0]
      if (!file)
        return
      const reader = new FileReader()
      reader.onload = function () {
        let contacts = null
        try {
          const data = JSON.parse(String(reader.result))
          contacts = data && data.format === FORMAT ? clean(data.contacts) : null
        } catch (error) {
          contacts = null
        }
        input.value = ""
        if (!contacts) {
          say("importError")
          return
        }
        write(contacts)
        show(contacts)
        refresh()
        say("imported")
      }
      reader.onerror = function () { say("importError") }
      reader.readAsText(file)
    })

    element.querySelector('[data-action="print"]').addEventListener("click", function () {
      window.print()
    })
  }

  document.querySelectorAll("form[data-manual-local]").forEach(form)
  refresh()
  // the county chosen on this page (site.js) changes the pocket card's coordinator
  document.addEventListener("change", function (event) {
    if (event.target.classList && event.target.classList.contains("manual-county__select"))
      fillPocket(read())
  })
  // another tab saved new numbers
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === "manualen.county")
      refresh()
  })
  // the aid's player copies a card when it shows it: merge into the copy too
  document.querySelectorAll(".branching").forEach(function (root) {
    new MutationObserver(function () {
      if (root.querySelector(".branching-player__stage ul.aid-card__call:not([data-local-merged])"))
        mergeCards(read())
    }).observe(root, {childList: true, subtree: true})
  })
})()
