/* Manualen on every page: the start page's step-by-step, the deadline calculator, and the offline
 * web app (service worker). A classic deferred script (modules do not load from file://). Nothing
 * is sent anywhere; the step-by-step remembers what was opened in localStorage, only once the
 * reader opens or closes something. */
(function () {
  "use strict"

  /* The step-by-step on the start page: collapsed by default, "show all", remembers what was open. */
  const STEPS_KEY = "manualen.steps-open"

  function readOpen() {
    try {
      const value = JSON.parse(localStorage.getItem(STEPS_KEY) || "[]")
      return Array.isArray(value) ? value : []
    } catch (error) {
      return []
    }
  }

  function saveOpen(ids) {
    try {
      localStorage.setItem(STEPS_KEY, JSON.stringify(ids))
    } catch (error) {
      // storage full or disabled: the steps still open and close
    }
  }

  function setLabel(button, open) {
    const text = button.dataset[open ? "hide" : "show"]
    if (button.firstChild && button.firstChild.nodeType === Node.TEXT_NODE)
      button.firstChild.textContent = text
    else
      button.textContent = text
  }

  function stepByStep(nav) {
    const steps = Array.from(nav.querySelectorAll(".manual-process__step"))
    const all = nav.querySelector(".manual-process__all")
    if (!steps.length || !all)
      return
    const remembered = readOpen()
    const parts = steps.map(function (step) {
      const button = step.querySelector(".manual-process__toggle")
      const details = step.querySelector(".manual-process__details")
      return {id: step.dataset.step, button: button, details: details}
    })

    function show(part, open) {
      part.button.setAttribute("aria-expanded", String(open))
      part.details.hidden = !open
      setLabel(part.button, open)
    }

    function refreshAll() {
      const everything = parts.every(function (part) { return !part.details.hidden })
      all.setAttribute("aria-expanded", String(everything))
      setLabel(all, everything)
    }

    function remember() {
      saveOpen(parts.filter(function (part) { return !part.details.hidden }).map(function (part) { return part.id }))
    }

    parts.forEach(function (part) {
      part.button.hidden = false
      show(part, remembered.indexOf(part.id) !== -1)
      part.button.addEventListener("click", function () {
        show(part, part.details.hidden)
        refreshAll()
        remember()
      })
    })
    all.parentElement.hidden = false
    all.addEventListener("click", function () {
      const open = all.getAttribute("aria-expanded") !== "true"
      parts.forEach(function (part) { show(part, open) })
      refreshAll()
      remember()
    })
    refreshAll()
  }

  /* How a page's language writes a date where the bare tag would pick another country's way ("en" is
   * American by default; the manual writes British English). Any other site language: its own tag. */
  const DATE_LOCALES = {en: "en-GB", sv: "sv-SE"}

  /* The deadline calculator: a date plus a number of days, computed here, never stored. */
  function deadlines(form) {
    form.hidden = false
    const start = form.querySelector("input[type=date]")
    const limit = form.querySelector("select")
    const output = form.querySelector("output")
    const lang = document.documentElement.lang || "sv"
    function update() {
      output.textContent = ""
      if (!start.value || !limit.value)
        return
      const parts = start.value.split("-").map(Number)
      const day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]))
      if (isNaN(day.getTime()))
        return
      day.setUTCDate(day.getUTCDate() + Number(limit.value))
      const iso = day.toISOString().slice(0, 10)
      const written = day.toLocaleDateString(DATE_LOCALES[lang] || lang,
        {weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC"})
      const time = document.createElement("time")
      time.dateTime = iso
      time.textContent = written + " (" + iso + ")"
      const strong = document.createElement("strong")
      strong.append(time)
      output.append(limit.value + " " + form.dataset.daysAfter + " " + start.value + ": ", strong)
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update() })
    start.addEventListener("change", update)
    limit.addEventListener("change", update)
  }

  /* The installable web app: a service worker at the site's root keeps every page for use offline. */
  function serviceWorker() {
    const script = document.querySelector("script[data-manual-sw]")
    if (!script || !("serviceWorker" in navigator) || location.protocol === "file:")
      return
    const url = new URL(script.dataset.manualSw, document.baseURI)
    navigator.serviceWorker.register(url.href, {scope: new URL("./", url).pathname}).catch(function () {
      // no service worker (private mode, old browser): the site works online as before
    })
  }

  /* The reader's county, chosen once and kept only in this browser (never sent): the emergency bar,
   * the contact page and every action card then show that region's coordinator with a number. */
  const COUNTY_KEY = "manualen.county"
  const regionData = document.getElementById("manual-regions")
  const regions = regionData ? JSON.parse(regionData.textContent) : null

  function chosenCounty() {
    try {
      return localStorage.getItem(COUNTY_KEY) || ""
    } catch (error) {
      return ""
    }
  }

  function regionOf(county) {
    return regions && regions.regions.find(function (region) { return region.counties.indexOf(county) !== -1 }) || null
  }

  function callLink(contact) {
    const link = document.createElement("a")
    link.href = contact.tel
    link.className = "manual-county__call"
    link.textContent = contact.phone
    link.setAttribute("aria-label", contact.name + " " + contact.phone)
    return link
  }

  function regionLine(region, withName) {
    const line = document.createElement("span")
    line.className = "manual-county__line"
    if (withName)
      line.append(document.createTextNode(regions.labels.coordinator + ", " + region.name + ": "))
    region.contacts.forEach(function (contact, index) {
      if (index)
        line.append(document.createTextNode(" "))
      line.append(callLink(contact))
    })
    return line
  }

  function picker(id) {
    const wrap = document.createElement("p")
    wrap.className = "manual-county__picker"
    const label = document.createElement("label")
    label.htmlFor = id
    label.textContent = regions.labels.choose
    const select = document.createElement("select")
    select.id = id
    select.className = "manual-county__select"
    const none = document.createElement("option")
    none.value = ""
    none.textContent = regions.labels.none
    select.append(none)
    regions.regions.flatMap(function (region) { return region.counties })
      // county names are written in Swedish on every site: sorted as Swedish (Å Ä Ö last)
      .sort(function (a, b) { return a.localeCompare(b, "sv") })
      .forEach(function (county) {
        const option = document.createElement("option")
        option.value = county
        option.textContent = county
        select.append(option)
      })
    select.value = chosenCounty()
    select.addEventListener("change", function () {
      try {
        if (select.value) localStorage.setItem(COUNTY_KEY, select.value)
        else localStorage.removeItem(COUNTY_KEY)
      } catch (error) {
        // storage disabled: the choice holds for this page only
      }
      showRegion(select.value)
    })
    wrap.append(label, " ", select)
    return wrap
  }

  function showRegion(county) {
    const region = regionOf(county)
    const usable = region && region.contacts.length ? region : null
    document.querySelectorAll(".manual-emergency__region").forEach(function (item) {
      item.replaceChildren()
      item.hidden = !usable
      if (usable) item.append(regionLine(usable, true))
    })
    document.querySelectorAll("[data-manual-county]").forEach(function (slot) {
      let result = slot.querySelector(".manual-county__result")
      if (!result) {
        result = document.createElement("p")
        result.className = "manual-county__result"
        result.setAttribute("aria-live", "polite")
        slot.append(result)
      }
      result.replaceChildren()
      if (usable) result.append(regionLine(usable, true))
    })
    // every action card's line for the regional coordinator, in the page and in the aid's player
    document.querySelectorAll('li[data-contact="regionkoordinator"]').forEach(function (item) {
      let line = item.querySelector(".manual-county__line")
      if (line) line.remove()
      const find = item.querySelector("a:not(.manual-county__call)")
      if (find) find.hidden = !!usable
      if (usable) item.append(regionLine(usable, true))
    })
  }

  function counties() {
    if (!regions)
      return
    document.querySelectorAll("[data-manual-county]").forEach(function (slot, index) {
      slot.hidden = false
      slot.prepend(picker("manual-county-" + index))
    })
    showRegion(chosenCounty())
    // the aid's player copies a card when it shows it: fill in the copy too
    document.querySelectorAll(".branching").forEach(function (root) {
      new MutationObserver(function () {
        const county = chosenCounty()
        if (county && root.querySelector('.branching-player__stage li[data-contact="regionkoordinator"]:not(:has(.manual-county__line))'))
          showRegion(county)
      }).observe(root, {childList: true, subtree: true})
    })
  }

  document.querySelectorAll(".manual-process").forEach(stepByStep)
  counties()
  document.querySelectorAll("form.manual-deadline").forEach(deadlines)
  serviceWorker()
})()
