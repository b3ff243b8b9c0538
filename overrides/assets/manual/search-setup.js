/* Runs before Material's bundle: swap its search worker for ours (manual-search.js next to it),
 * which loads Material's worker and stems prefix queries in the page's language. */
(function () {
  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  if (!config.search)  // the search plugin is off
    return
  // The offline edition (file://) runs workers through iframe-worker's shim, where a worker cannot
  // read its own URL's parameters: keep Material's worker there (the stemmed index still helps).
  if (location.protocol === "file:")
    return
  const material = new URL(config.search, document.baseURI)
  const name = material.pathname.split("/").pop()
  const worker = new URL("manual-search.js", material)
  worker.searchParams.set("material", name)
  worker.searchParams.set("lang", document.documentElement.lang)
  config.search = worker.href
  element.textContent = JSON.stringify(config)
})()
