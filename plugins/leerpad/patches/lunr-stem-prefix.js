/* leerpad: stem the words a reader types before they are matched as prefixes.
   Material's search appends "*" to every typed word, and lunr skips the stemmer for
   wildcard terms, so "klanten*" never met the indexed stem "klant". Appended to the
   language file that Material's search worker loads, right after lunr itself. */
(function (lunr) {
  if (!lunr || !lunr.Index || lunr.Index.prototype.leerpadStemPrefix) return;
  var query = lunr.Index.prototype.query;
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var PREFIX = /^[^*]+\*$/;
  lunr.Index.prototype.leerpadStemPrefix = true;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        // A parsed "word*" keeps its star in the term; query builders set a flag instead.
        if (!PREFIX.test(clause.term) && clause.wildcard !== TRAILING) return;
        var stems = pipeline.runString(clause.term.replace(/\*$/, ""));
        if (stems.length === 1 && stems[0]) clause.term = stems[0] + "*";
      });
    });
  };
})(typeof lunr !== "undefined" ? lunr : undefined);
