/* The search engine: loads the index that search/index.py builds and ranks documents.
 *
 * The index (search/index.py) is cut by term into shards of sorted terms and their postings
 * (document numbers and lunr's BM25 weights); a query loads the manifest, then only the
 * shards its words fall in, and the document-store chunks of the results shown. Needs
 * fold.js loaded before it.
 *
 *   var engine = portalSearchEngine.create(manifestUrl);
 *   engine.manifest().then(meta => engine.run(meta, engine.plan(meta, "dữ liệu")))
 *
 * What the build and the browser must agree on comes from the manifest: kinds in the
 * order equal scores are listed (kindOrder), filter slugs (kindSlugs), the document-store
 * row layout (row), labels.
 */
(function (root) {
  "use strict";

  var MAX_WORDS = 10;
  var PAIR_BOOST = 3; // two query words found side by side
  var WHOLE_BOOST = 4; // all query words found as one key ("3183_kh_stp")
  var WILDCARD_SHARDS = 3; // a word being typed matches as a prefix if its range spans few shards
  // A query of this many words or more may miss one in three (a Vietnamese word is often two
  // syllables: «hội nghị truyền hình trực tuyến» finds «hội nghị trực tuyến»), ranked after the rest.
  var MISSING_FROM = 4;

  function create(manifestUrl) {
    var fold = root.portalFold.fold;
    manifestUrl = new URL(manifestUrl, document.baseURI);

    /* ---- data ------------------------------------------------------------------- */

    var manifest = null;
    var shardCache = {};
    var chunkCache = {};

    function getJson(name) {
      return fetch(new URL(name, manifestUrl).href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(name + ": " + response.status);
        }
        return response.json();
      });
    }

    function loadManifest() {
      if (!manifest) {
        manifest = getJson(manifestUrl.href).then(function (data) {
          data.unitIds = {};
          data.units.forEach(function (unit, number) {
            data.unitIds[unit[0]] = number;
          });
          return data;
        });
      }
      return manifest;
    }

    function loadShard(meta, number) {
      if (!shardCache[number]) {
        shardCache[number] = getJson(meta.termFiles[number]).then(function (data) {
          data.decoded = new Array(data.terms.length); // postings decoded on first use
          return data;
        });
      }
      return shardCache[number];
    }

    function loadChunk(meta, number) {
      if (!chunkCache[number]) {
        chunkCache[number] = getJson(meta.docFiles[number]);
      }
      return chunkCache[number];
    }

    /* The shard holding `term`: the last one whose first term is not after it. */
    function shardOf(meta, term) {
      var low = 0;
      var high = meta.bounds.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (meta.bounds[middle] <= term) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      return low;
    }

    /* Shards holding terms that start with `prefix` ("~" sorts after every index character). */
    function shardRange(meta, prefix) {
      var first = shardOf(meta, prefix);
      var last = shardOf(meta, prefix + "~");
      var out = [];
      for (var n = first; n <= last; n++) {
        out.push(n);
      }
      return out;
    }

    /* ---- query ------------------------------------------------------------------ */

    /* The shards holding the terms that begin with `term`, or null when they span too many. */
    function prefix(meta, term) {
      var shards = shardRange(meta, term);
      return shards.length > WILDCARD_SHARDS ? null : shards;
    }

    /* Clauses for the engine. Each written word is one group, required: a word ("chuyen"), or a
     * code written as one token ("4.3" -> 4_3, "stp-nv-3-1" -> stp_nv_3_1), matched whole as
     * the index joins it. The last word is a prefix, typed or submitted ("chuy" finds
     * "chuyển"); a one-letter last word is looked up with the word before it
     * ("số h" -> so_h*). Optional: the pairs of neighbouring words (phrases rank first), all
     * the words joined, and the accented spelling of each word typed with diacritics. */
    function plan(meta, text) {
      var tokens = String(text == null ? "" : text).split(/\s+/).map(function (token) {
        return { words: fold(token).split(" ").filter(Boolean), accents: root.portalFold.accentWords(token) };
      }).filter(function (token) { return token.words.length; }).slice(0, MAX_WORDS);
      if (!tokens.length) {
        return null;
      }
      var clauses = [];
      function add(kind, term, boost, shards, wildcard, group) {
        clauses.push({ kind: kind, term: term, boost: boost, wildcard: wildcard, shards: shards, group: group });
      }
      var last = tokens.length - 1;
      var all = [];
      tokens.forEach(function (token, i) {
        var term = token.words.join("_");
        var before = i > 0 ? tokens[i - 1].words[tokens[i - 1].words.length - 1] : "";
        var shards = i === last && term.length >= 2 ? prefix(meta, term) : null;
        if (shards) {
          add("word", term, 1, shards, true, i);
        } else if (i === last && term.length === 1 && before && (shards = prefix(meta, before + "_" + term))) {
          add("word", before + "_" + term, PAIR_BOOST, shards, true, i);
        } else {
          add("word", term, 1, [shardOf(meta, term)], false, i);
        }
        if (before) {
          var pair = before + "_" + token.words[0];
          var pairShards = i === last && token.words.length === 1 ? prefix(meta, pair) : null;
          add("pair", pair, PAIR_BOOST, pairShards || [shardOf(meta, pair)], !!pairShards, i);
        }
        token.accents.forEach(function (word) {
          add("accent", word, 1, [shardOf(meta, word)], false, i);
        });
        all = all.concat(token.words);
      });
      if (all.length >= 3) {
        add("whole", all.join("_"), WHOLE_BOOST, [shardOf(meta, all.join("_"))], false, -1);
      }
      var codes = 0;
      tokens.forEach(function (token, i) {
        if (token.words.length > 1) {
          codes |= 1 << i;
        }
      });
      return {
        words: all, clauses: clauses, groups: tokens.length, codes: codes,
        missing: tokens.length >= MISSING_FROM ? Math.floor(tokens.length / 3) : 0
      };
    }

    /* Position of the first term of a shard's sorted `terms` that is not before `term`. */
    function lowerBound(terms, term) {
      var low = 0;
      var high = terms.length;
      while (low < high) {
        var middle = (low + high) >> 1;
        if (terms[middle] < term) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }

    /* Positions of the terms a clause matches in one shard: itself, or every term it begins
     * (a one-word prefix matches words only, not the pairs that start with that word). */
    function expand(shard, clause) {
      var out = [];
      var first = lowerBound(shard.terms, clause.term);
      if (!clause.wildcard) {
        return shard.terms[first] === clause.term ? [first] : [];
      }
      var wordOnly = clause.term.indexOf("_") < 0;
      for (var i = first; i < shard.terms.length && shard.terms[i].lastIndexOf(clause.term, 0) === 0; i++) {
        if (!wordOnly || shard.terms[i].indexOf("_") < 0) {
          out.push(i);
        }
      }
      return out;
    }

    /* The postings of term number `t` of a shard, one {refs, weights} per field that has it
     * (document numbers ascending), decoded once from [field, gap, weight, gap, weight, …]. */
    function decoded(shard, t) {
      if (!shard.decoded[t]) {
        shard.decoded[t] = shard.postings[t].map(function (row) {
          var count = (row.length - 1) / 2;
          var refs = new Int32Array(count);
          var weights = new Float64Array(count);
          var doc = 0;
          for (var i = 0; i < count; i++) {
            doc += row[1 + 2 * i];
            refs[i] = doc;
            weights[i] = row[2 + 2 * i];
          }
          return { field: row[0], refs: refs, weights: weights };
        });
      }
      return shard.decoded[t];
    }

    /* Postings of a clause over its shards: [{field, refs, weights}]. */
    function postings(indexes, clause) {
      var out = [];
      clause.shards.forEach(function (n) {
        var shard = indexes[n];
        expand(shard, clause).forEach(function (t) {
          out.push.apply(out, decoded(shard, t));
        });
      });
      return out;
    }

    function contains(refs, doc) {
      var low = 0;
      var high = refs.length - 1;
      while (low <= high) {
        var middle = (low + high) >> 1;
        if (refs[middle] === doc) {
          return true;
        }
        if (refs[middle] < doc) {
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return false;
    }

    function size(list) {
      return list.reduce(function (sum, p) { return sum + p.refs.length; }, 0);
    }

    function bits(mask) {
      var count = 0;
      for (; mask; mask &= mask - 1) {
        count++;
      }
      return count;
    }

    /* Ranks documents. A document must have every word group (a long query may miss one in
     * three, never a code); each clause adds its boost times the BM25 weight lunr stored for the
     * term (field boosts included). Order: fewer missing words, then more neighbouring pairs
     * found (a phrase in a body outranks the same syllables scattered in a title), then
     * more words in the accented spelling typed, then score, then kind. Scores span shards
     * and are not divided by the query vector's length (a constant per query). lunr's own
     * query allocates several objects per matching document (100–300 ms when common words
     * match 10,000 documents); this allocates one. Returns [{n, ref, score, missing}]. */
    function score(meta, query, indexes) {
      var clauses = query.clauses.map(function (clause) {
        var list = postings(indexes, clause);
        return { clause: clause, postings: list, size: size(list) };
      });
      var required = clauses.filter(function (c) { return c.clause.kind === "word"; });
      required.sort(function (a, b) { return a.size - b.size; });
      var optional = clauses.filter(function (c) { return c.clause.kind !== "word"; });
      var found = new Map();
      required.forEach(function (entry, k) {
        var bit = 1 << entry.clause.group;
        entry.postings.forEach(function (p) {
          for (var i = 0; i < p.refs.length; i++) {
            var doc = found.get(p.refs[i]);
            if (doc === undefined) {
              if (k > query.missing) {
                continue; // it already lacks more words than allowed
              }
              doc = { score: 0, words: 0, pairs: 0, accents: 0 };
              found.set(p.refs[i], doc);
            }
            doc.score += entry.clause.boost * p.weights[i];
            doc.words |= bit;
          }
        });
      });
      optional.forEach(function (entry) {
        var bit = 1 << entry.clause.group;
        entry.postings.forEach(function (p) {
          for (var i = 0; i < p.refs.length; i++) {
            var doc = found.get(p.refs[i]);
            if (doc !== undefined) {
              doc.score += entry.clause.boost * p.weights[i];
              if (entry.clause.kind === "pair") {
                doc.pairs |= bit;
              } else if (entry.clause.kind === "accent") {
                doc.accents |= bit;
              }
            }
          }
        });
      });
      var hits = [];
      var order = meta.kindOrder;
      found.forEach(function (doc, ref) {
        var missing = query.groups - bits(doc.words);
        if (missing <= query.missing && (doc.words & query.codes) === query.codes) {
          hits.push({ n: ref, ref: ref, score: doc.score, missing: missing,
                      pairs: bits(doc.pairs), accents: bits(doc.accents) });
        }
      });
      return hits.sort(function (a, b) {
        return a.missing - b.missing || b.pairs - a.pairs || b.accents - a.accents || b.score - a.score ||
          order.indexOf(meta.kinds[a.n]) - order.indexOf(meta.kinds[b.n]) || a.n - b.n;
      });
    }

    /* Runs a planned query: loads its shards, scores. Returns {hits, indexes}. */
    function run(meta, query) {
      var numbers = [];
      query.clauses.forEach(function (clause) {
        clause.shards.forEach(function (n) {
          if (numbers.indexOf(n) < 0) {
            numbers.push(n);
          }
        });
      });
      return Promise.all(numbers.map(function (n) { return loadShard(meta, n); })).then(function (loaded) {
        var indexes = {};
        numbers.forEach(function (n, k) { indexes[n] = loaded[k]; });
        return { hits: score(meta, query, indexes), indexes: indexes, query: query };
      });
    }

    /* Folded words a shown result (document number `doc`) matched, for highlighting. */
    function matchedWords(found, doc) {
      var words = {};
      found.query.clauses.forEach(function (clause) {
        clause.shards.forEach(function (n) {
          var shard = found.indexes[n];
          expand(shard, clause).forEach(function (t) {
            if (decoded(shard, t).some(function (p) { return contains(p.refs, doc); })) {
              shard.terms[t].split("_").forEach(function (word) { words[word] = true; });
            }
          });
        });
      });
      return words;
    }

    /* The document-store rows of `hits` ([kind, title, url, unit, body, context, status, date]). */
    function rows(meta, hits) {
      var chunks = [];
      hits.forEach(function (hit) {
        var c = Math.floor(hit.n / meta.chunk);
        if (chunks.indexOf(c) < 0) {
          chunks.push(c);
        }
      });
      return Promise.all(chunks.map(function (c) { return loadChunk(meta, c); })).then(function (loaded) {
        return hits.map(function (hit) {
          var chunk = loaded[chunks.indexOf(Math.floor(hit.n / meta.chunk))];
          return chunk[hit.n % meta.chunk];
        });
      });
    }

    return { manifest: loadManifest, plan: plan, run: run, rows: rows, matchedWords: matchedWords };
  }

  root.portalSearchEngine = { create: create };
})(this);
