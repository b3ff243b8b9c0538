/* Runs before Material's bundle: swap its search worker for ours (manual-search.js next to it),
 * which loads Material's worker and adds stemming of prefix queries. */
(function () {
  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  const material = new URL(config.search, document.baseURI)
  const name = material.pathname.split("/").pop()
  config.search = new URL(`manual-search.js?material=${encodeURIComponent(name)}`, material).href
  element.textContent = JSON.stringify(config)
})()
