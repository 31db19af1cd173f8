/* Folding Vietnamese text for search: the browser twin of text.fold() in
 * plugins/pelican/plugins/portal/text.py. Both are tested against the same table,
 * tests/search/fold_cases.json: change them together.
 *
 * "Chuyển đổi số!" -> "chuyen doi so"; NFD input, old-style tone placement ("hoà" /
 * "hòa") and "đ" fold to the same letters. */
(function (root) {
  "use strict";

  var INVISIBLE = /[\u00ad\u200c-\u200f\u2060\ufeff]/g;
  var MARKS = /[\u0300-\u036f]/g;
  var NON_WORD = /[^0-9a-z]+/g;

  function fold(text) {
    var out = String(text == null ? "" : text)
      .replace(INVISIBLE, "")
      .replace(/\u200b/g, " ")
      .toLowerCase()
      .normalize("NFKD")
      .replace(MARKS, "")
      .replace(/\u0111/g, "d");
    return out.replace(NON_WORD, " ").trim();
  }

  /* The words of a folded text, in order. */
  function words(text) {
    var folded = fold(text);
    return folded ? folded.split(" ") : [];
  }

  var ACCENT_WORD = /[\p{L}\p{N}]+/gu;

  /* Lowercase NFC words of `text` that carry diacritics: "Hộ tịch và tin" -> ["hộ", "tịch", "và"].
   * The twin of accent_terms() in search/terms.py. */
  function accentWords(text) {
    var out = String(text == null ? "" : text).replace(INVISIBLE, "").replace(/\u200b/g, " ")
      .normalize("NFC").toLowerCase();
    return (out.match(ACCENT_WORD) || []).filter(function (word) { return fold(word) !== word; });
  }

  var api = { fold: fold, words: words, accentWords: accentWords };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.portalFold = api;
  }
})(this);
