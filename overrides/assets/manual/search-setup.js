/* Runs before Material's bundle: swap its search worker for ours (manual-search.js next to it, which
 * is Material's worker with our query handling appended at build time). The same file runs over http
 * and from file://, where iframe-worker's shim runs it in a hidden frame. */
(function () {
  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  if (!config.search)  // the search plugin is off
    return
  config.search = new URL("manual-search.js", new URL(config.search, document.baseURI)).href
  element.textContent = JSON.stringify(config)
})()
