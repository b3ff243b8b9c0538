/* Search worker of the manual: Material's own worker, with stemming before prefix matching.
 *
 * Material appends a wildcard to every query term ("betänketiden*"), and lunr skips its pipeline
 * for wildcard terms: inflected words never met the stemmed index, and stop words ("av*") matched
 * every word they begin ("avgör", "avtal"). Here each such term is dropped when it is a stop word
 * of the site's language, and stemmed otherwise ("betänketid*"). The page passes the name of
 * Material's worker (it changes with every release) as `?material=` and its language as `?lang=`.
 */
const params = new URL(self.location.href).searchParams
importScripts(params.get("material"))

const language = params.get("lang")

function isStopWord(term) {
  // lunr's English filter lives on lunr itself; the others are loaded by Material at setup
  const filter = language === "en" ? self.lunr.stopWordFilter : self.lunr[language]?.stopWordFilter
  return typeof filter === "function" && filter(term) === undefined
}

const query = self.lunr.Index.prototype.query
self.lunr.Index.prototype.query = function (build) {
  const searchPipeline = this.pipeline
  return query.call(this, function (clauses) {
    build(clauses)
    const terms = clauses.clauses.filter(clause => {
      const prefix = /^([^*]+)\*$/.exec(clause.term)
      if (!prefix || clause.usePipeline)
        return true
      if (isStopWord(prefix[1]))
        return false
      const [stem] = searchPipeline.runString(prefix[1])
      if (stem)
        clause.term = `${stem}*`
      return true
    })
    if (terms.length)  // a query of stop words only ("och") still searches for them
      clauses.clauses = terms
  })
}
