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
      const written = day.toLocaleDateString(lang === "en" ? "en-GB" : "sv-SE",
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

  document.querySelectorAll(".manual-process").forEach(stepByStep)
  document.querySelectorAll("form.manual-deadline").forEach(deadlines)
  serviceWorker()
})()
