"""The editors' table of abbreviations (content/tu-dong-nghia.yaml), read and checked.

The file maps each abbreviation to its full form, one per line:

    CNTT: công nghệ thông tin
    UBND: [ủy ban nhân dân, uỷ ban nhân dân]

The search index applies it both ways (index.py): a text that says «CNTT» is also found
by «công nghệ thông tin», and the other way round. Every abbreviation must be the
initials of each of its full forms (after folding: «CĐS» = «chuyển đổi số»), so a typo
or an invented pair is caught; problems are reported with file:line like other content.
"""

import os

from ..content import yamlsource
from ..content.files import SYNONYMS_FILE as FILE_NAME  # in the content folder; optional
from ..text import fold


def synonyms_path(content_path):
    """content_path/tu-dong-nghia.yaml (it may not exist)."""
    return os.path.join(content_path, FILE_NAME)


def _keep_key(text):
    return text  # abbreviations keep their spelling; duplicates are compared folded below


def read_synonyms(path, problems):
    """{folded abbreviation: [folded full form, …]} from the table at `path`.

    An absent file gives {}. Each bad entry adds one problem to `problems` (a ProblemLog)
    naming path:line, the abbreviation and what is expected; the entry is left out."""
    if not os.path.isfile(path):
        return {}
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    record = yamlsource.load(text, path, problems, _keep_key)
    if record is None:
        return {}
    if not isinstance(record, yamlsource.Record):
        problems.add(path, getattr(record, "line", 1), "", "bảng từ viết tắt không phải danh sách «viết tắt: đầy đủ»",
                     "mỗi dòng dạng «CNTT: công nghệ thông tin»")
        return {}
    table, first_line = {}, {}
    for abbreviation, value in record.items():
        line = record.key_lines[abbreviation]
        short = fold(abbreviation)
        if not short or " " in short:
            problems.add(path, line, abbreviation, "từ viết tắt phải là một từ",
                         "viết liền, không dấu cách, ví dụ «CNTT»")
            continue
        if len(short) < 3:
            problems.add(path, line, abbreviation, "từ viết tắt quá ngắn (dưới 3 chữ cái dễ trùng một tiếng, như «ĐU» với «dữ»)",
                         "chỉ ghi từ viết tắt từ 3 chữ cái trở lên")
            continue
        if short in first_line:
            problems.add(path, line, abbreviation, "từ viết tắt đã có trong bảng",
                         f"chỉ khai báo một lần (lần đầu ở dòng {first_line[short]})")
            continue
        forms = value if isinstance(value, yamlsource.Items) else [value]
        if not forms or any(not isinstance(form, str) or not form.strip() for form in forms):
            problems.add(path, line, abbreviation, "thiếu dạng đầy đủ",
                         "viết «CNTT: công nghệ thông tin», hoặc nhiều dạng trong [ , ]")
            continue
        good = []
        for form in forms:
            words = fold(form).split()
            initials = "".join(word[0] for word in words)
            if len(words) < 2 or initials != short:
                problems.add(path, getattr(form, "line", line), abbreviation,
                             f"«{form}» không phải dạng đầy đủ của «{abbreviation}»",
                             f"các chữ cái đầu của dạng đầy đủ phải ghép thành «{abbreviation}» "
                             "(ví dụ «CĐS: chuyển đổi số»)")
                continue
            if " ".join(words) not in good:
                good.append(" ".join(words))
        if good:
            table[short] = good
            first_line[short] = line
    return table


class Expander:
    """Applies the table to folded word lists: what to index beside the words themselves.

    `extra(words)` -> [[word, …], …]: for each abbreviation in `words`, its full forms'
    words; for each full form found as consecutive words, its abbreviation (as a one-word
    list). The caller indexes each returned list's words and adjacent pairs."""

    def __init__(self, table):
        self.full = table
        self.short = {}  # first word of a full form -> [(full form words, abbreviation)]
        for short, forms in table.items():
            for form in forms:
                words = form.split()
                self.short.setdefault(words[0], []).append((words, short))

    def __bool__(self):
        return bool(self.full)

    def extra(self, words):
        """The synonym terms to add for a list of folded words."""
        out = []
        for i, word in enumerate(words):
            for form in self.full.get(word, ()):
                out.append(form.split())
            for form, short in self.short.get(word, ()):
                if words[i:i + len(form)] == form:
                    out.append([short])
        return out
