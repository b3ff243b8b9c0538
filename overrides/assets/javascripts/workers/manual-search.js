/* Search worker of the manual: Material's own worker, with stemming before prefix matching.
 *
 * Material appends a wildcard to every query term ("betänketiden*"), and lunr skips its pipeline
 * for wildcard terms: inflected words never met the stemmed index ("betänketid"), and stop words
 * ("av*") matched every word they begin ("avgör", "avtal"). Here each such term is stemmed as the
 * query is parsed ("betänketid*"), so Material's own analysis of the query (the "missing" words
 * under a result) agrees, and stop words are dropped unless the query has nothing else.
 * The page passes the name of Material's worker (it changes with every release) as `?material=`
 * and its language as `?lang=` (overrides/assets/manual/search-setup.js).
 */
const params = new URL(self.location.href).searchParams
importScripts(params.get("material"))

const lunr = self.lunr
const language = params.get("lang")

/* lunr's English stemmer and stop words live on lunr itself; Material loads the others at setup */
function languageSupport(name) {
  return language === "en" ? lunr[name] : lunr[language]?.[name]
}

function isStopWord(word) {
  const filter = languageSupport("stopWordFilter")
  return typeof filter === "function" && filter(new lunr.Token(word)) === undefined
}

function stem(word) {
  const stemmer = languageSupport("stemmer")
  return typeof stemmer === "function" ? stemmer(new lunr.Token(word)).toString() || word : word
}

const nextClause = lunr.QueryParser.prototype.nextClause
lunr.QueryParser.prototype.nextClause = function () {
  const clause = this.currentClause
  const prefix = /^([^*]+)\*$/.exec(clause.term ?? "")
  if (prefix && clause.usePipeline === false) {
    clause.stopWord = isStopWord(prefix[1])
    clause.term = `${stem(prefix[1])}*`
  }
  return nextClause.call(this)
}

const query = lunr.Index.prototype.query
lunr.Index.prototype.query = function (build) {
  return query.call(this, clauses => {
    build(clauses)
    const words = clauses.clauses.filter(clause => !clause.stopWord)
    if (words.length)
      clauses.clauses = words
  })
}
