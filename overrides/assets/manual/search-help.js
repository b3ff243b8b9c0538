/* The search panel never stays empty: when a search finds nothing or little, "Menade du …?" offers
 * (and whenever a word is not in the index) the query with its unknown words replaced by the nearest words of the index (search/words.js, most
 * frequent first, loaded on first need), and an empty result shows ways on (rendered by
 * overrides/main.html). Same suggestions as `manual search` (build_tools/search/language.py). */
(function () {
  const input = document.querySelector("input[data-md-component=search-query]")
  const suggest = document.querySelector(".manual-search-suggest")
  const help = document.querySelector(".manual-search-help")
  const list = document.querySelector(".md-search-result__list")
  if (!input || !suggest || !help || !list)
    return
  const FUZZY_MIN = 5    // words this long may be two edits away, shorter ones one
  const MIN_WORD = 3
  const WORD = /[\p{L}\p{N}]+/gu
  let known = null       // word -> rank (0 = most frequent)
  let loading = false
  let timer = 0

  function loadWords(then) {
    if (known)
      return then()
    if (loading)
      return
    loading = true
    const script = document.createElement("script")
    script.src = suggest.dataset.words
    script.onload = () => {
      known = new Map((window.__manualWords || []).map((word, rank) => [word, rank]))
      then()
    }
    document.head.appendChild(script)
  }

  /* optimal string alignment distance; limit + 1 once it is beyond limit */
  function distance(a, b, limit) {
    a = [...a]; b = [...b]
    if (Math.abs(a.length - b.length) > limit)
      return limit + 1
    let before = [], previous = Array.from({length: b.length + 1}, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const current = [i]
      for (let j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] !== b[j - 1]))
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          current[j] = Math.min(current[j], before[j - 2] + 1)
      }
      if (Math.min(...current) > limit)
        return limit + 1
      before = previous
      previous = current
    }
    return previous[b.length]
  }

  function suggestions(query, limit = 3) {
    const typed = query.match(WORD) || []
    const options = typed.map(word => {
      const lowered = word.toLowerCase()
      if (known.has(lowered) || [...lowered].length < MIN_WORD)
        return null
      const allowed = [...lowered].length < FUZZY_MIN ? 1 : 2
      const near = []
      for (const [candidate, rank] of known) {
        const d = distance(lowered, candidate, allowed)
        if (d <= allowed)
          near.push([d, rank, candidate])
      }
      near.sort((x, y) => x[0] - y[0] || x[1] - y[1])
      return near.length ? near.slice(0, limit).map(entry => entry[2]) : null
    })
    const pivot = options.findIndex(choices => choices)
    if (pivot < 0)
      return []
    return options[pivot].map(choice =>
      typed.map((word, i) => i === pivot ? choice : options[i] ? options[i][0] : word).join(" "))
  }

  function run(text) {
    input.value = text
    input.focus()
    for (const type of ["input", "keyup"])
      input.dispatchEvent(new Event(type, {bubbles: true}))
  }

  function showSuggestions(query, found) {
    suggest.replaceChildren()
    if (found.length) {
      suggest.append(`${suggest.dataset.didYouMean} `)
      found.forEach((text, index) => {
        const button = document.createElement("button")
        button.type = "button"
        button.className = "manual-search-suggest__option"
        button.textContent = text
        button.addEventListener("click", () => run(text))
        if (index)
          suggest.append(index === found.length - 1 ? " / " : ", ")
        suggest.append(button)
      })
      suggest.append("?")
    }
    suggest.hidden = !found.length
  }

  function update() {
    const query = input.value.trim()
    const count = list.children.length
    help.hidden = !(query && count === 0)
    if (!query) {
      suggest.hidden = true
      return
    }
    loadWords(() => {
      if (input.value.trim() === query)
        showSuggestions(query, suggestions(query))
    })
  }

  /* after Material has rendered the results of what was typed */
  function later() {
    clearTimeout(timer)
    timer = setTimeout(update, 120)
  }
  new MutationObserver(later).observe(list, {childList: true})
  input.addEventListener("input", later)
  input.addEventListener("keyup", later)
})()
