"""What search finds: one small document per plan, plan section, task, target, unit and update.

Documents hold what people search for: titles, ids and numbers (keys), the whole text of
tasks, sections and news (indexed, `text`; only a short excerpt, `body`, is stored and shown),
and at a low weight the context a reader knows a thing by (`related`: a task's plan number
and units, a target's plan and owner). Text stays as written (with diacritics): folding
happens when the index is built (terms.py) and in the browser.
"""

import re
from dataclasses import dataclass, field

import lxml.html

from .. import vocabulary
from ..pages.names import has_number

# Kinds, in the order results of equal score are listed. The one-letter codes go to the browser.
KINDS = {key: term.style for key, term in vocabulary.SEARCH_KINDS.items()}
# The search page's ?loai= value for each kind (the browser reads them from the manifest).
FILTER_SLUGS = {"plan": "ke-hoach", "section": "muc", "task": "nhiem-vu", "target": "chi-tieu",
                "unit": "don-vi", "update": "cap-nhat"}

TITLE_WORDS = 40  # a task's text is its title; longer texts go on in the body
BODY_WORDS = 45  # excerpt stored and shown for sections, summaries and the rest of a task
TEXT_WORDS = 1500  # words of a section's or an article's text that are indexed

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`+|~~)")
_HEADING_MARK = re.compile(r"^\s{0,3}(#{1,6}|>|[-+*]|\d+[.)])\s+", re.M)
_SPACES = re.compile(r"\s+")


@dataclass(eq=False)
class SearchDoc:
    """One search result: kind (a key of vocabulary.SEARCH_KINDS), title, URL with anchor,
    the unit it is shown under, a short plain-text body, keys and context words."""
    kind: str  # a key of KINDS
    title: str
    url: str  # relative to the site root, with #anchor for sections and tasks
    unit: object = None  # model.Unit the result is shown under
    body: str = ""  # a short plain-text excerpt, searched and shown as the snippet
    keys: list = field(default_factory=list)  # numbers and short names, ranked first
    context: str = ""  # shown under the title: "Nhiệm vụ 4.3 · Kế hoạch 3183/KH-STP"
    status: str = ""  # keys of the labels given to the browser (task status, badge state), space-separated
    date: str = ""  # dd/mm/yyyy, for updates
    names: list = field(default_factory=list)  # names ranked first when typed whole (words are in the title)
    # the whole text indexed beside the title when longer than `body` ("" = index `body`), or a
    # DeferredText: made when the index reads it (indexed_text), so that not every article's
    # text is held at once, and not made at all when its counts are kept (term_counts.py)
    text: object = ""
    related: str = ""  # context indexed at a low weight: plan number, unit names


@dataclass(frozen=True)
class DeferredText:
    """A text made when asked for: make(*sources). `sources` (strings) are everything it is
    made from, so a digest of them stands for the text (term_counts.doc_key) without making
    it; `make` is a module-level function of the plugin."""
    make: object
    sources: tuple

    def __call__(self):
        return self.make(*self.sources)


def indexed_text(doc):
    """The text the index reads for a SearchDoc beside its title: `text` (made when it is a
    DeferredText), else `body`."""
    text = doc.text() if isinstance(doc.text, DeferredText) else doc.text
    return text or doc.body


def one_line(text):
    """Runs of white space to one space, trimmed; "" for None."""
    return _SPACES.sub(" ", text or "").strip()


def plain(markdown_text):
    """A Markdown field (a task's text) to one line of plain text, cheaply (no rendering)."""
    text = _LINK.sub(r"\1", markdown_text or "")
    text = _TAG.sub(" ", text)
    text = _HEADING_MARK.sub("", text)
    text = _EMPHASIS.sub("", text)
    return one_line(text)


def html_text(html):
    """Rendered HTML (an article's content) to one line of text."""
    if not (html or "").strip():
        return ""
    return one_line(lxml.html.fragment_fromstring(html, create_parent="div").text_content())


def cut_words(text, limit):
    """(first `limit` words, the rest); "" when nothing is left."""
    words = text.split()
    return " ".join(words[:limit]), " ".join(words[limit:])


def excerpt(text, limit=BODY_WORDS):
    """The first `limit` words, with « …» when there were more."""
    head, rest = cut_words(text, limit)
    return head + (" …" if rest else "")


def unit_docs(portal):
    """A SearchDoc per unit: its name, short name and aliases as keys."""
    for unit in portal.units.values():
        keys = [name for name in (unit.short_name, *unit.aliases) if name]
        parts = [(vocabulary.UNIT_KINDS[unit.kind].label if unit.kind in vocabulary.UNIT_KINDS else "").capitalize()]
        if unit.parent is not None:
            parts.append(f"thuộc {unit.parent.name}")
        context = ", ".join(p for p in parts if p)
        body = " ".join(p for p in (unit.english_name, unit.description) if p)
        yield SearchDoc("unit", unit.name, unit.url, unit, excerpt(one_line(body)), keys + [unit.id], context,
                        names=[unit.name], text=one_line(body))


def plan_docs(plan):
    """A SearchDoc for the plan and one per h2–h4 section of its full text."""
    context = f"Kế hoạch {plan_ref(plan)}"
    yield SearchDoc("plan", plan.title, plan.url, plan.issuer, excerpt(one_line(plan.summary)),
                    [plan.number], context, date=_date(plan.issued), text=one_line(plan.summary),
                    related=plan.issuer.name if plan.issuer else "")
    for anchor, title, text in plan_sections(plan):
        yield SearchDoc("section", title, f"{plan.url}#{anchor}", plan.issuer, excerpt(text),
                        context=f"Mục trong kế hoạch {plan_ref(plan)}", text=cut_words(text, TEXT_WORDS)[0],
                        related=plan.number)


def plan_sections(plan):
    """(anchor, heading text, text until the next heading) for each h2–h4 of the full text."""
    html = "".join(value for layout, value in plan.parts if layout == "html")
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    wanted = {anchor for _, anchor, _ in plan.sections}
    sections, current = [], None
    for element in root:
        if not isinstance(element.tag, str):
            continue
        if element.tag in ("h2", "h3", "h4") and element.get("id") in wanted:
            current = [element.get("id"), _SPACES.sub(" ", element.text_content()).strip(), []]
            sections.append(current)
        elif current is not None:
            current[2].append(element.text_content())
    return [(anchor, title, _SPACES.sub(" ", " ".join(texts)).strip()) for anchor, title, texts in sections]


def plan_ref(plan):
    """How a result names its plan: «số 3183/KH-STP», or the plan's label when the document
    has no number («KH CĐS UBND phường Thạch Khôi 6 tháng cuối 2025»)."""
    return f"số {plan.number}" if has_number(plan.number) else plan.label


def task_docs(portal):
    """A SearchDoc per task: its text, number, plan number and units."""
    for task in portal.tasks.values():
        title, rest = cut_words(plain(task.text), TITLE_WORDS)
        title += " …" if rest else ""
        body = " ".join(p for p in (rest, one_line(task.expected_result)) if p)
        unit = task.leads[0] if task.leads else task.plan.issuer
        status = ""
        if task.state is not None:
            status = f"task-{task.state.status}" + (" task-late" if task.state.late else "")
        context = f"Nhiệm vụ {task.number} · Kế hoạch {plan_ref(task.plan)}"
        keys = [f"nhiệm vụ {task.number}", task.id]
        if task.portal_number:  # the number the page shows beside an unreadable one
            keys.append(f"nhiệm vụ {task.portal_number}")
        related = " ; ".join([task.plan.number, *(u.name for u in (*task.leads, *task.supports))])
        yield SearchDoc("task", title, task.url, unit,
                        excerpt(body), keys, context, status, text=body, related=related)


def target_docs(portal):
    """A SearchDoc per target: its text, goal, deadline, plan and owner."""
    for target in portal.targets.values():
        body = f"Mục tiêu {target.goal_text}, thời hạn {target.deadline.text}. {one_line(target.note)}"
        status = f"badge-{target.judgement.state}" if target.judgement else ""
        related = " ; ".join(p for p in (target.plan.number, target.plan.title,
                                         target.unit.name if target.unit else "") if p)
        yield SearchDoc("target", one_line(target.text), target.url, target.unit, excerpt(body.strip()),
                        [target.id], f"Chỉ tiêu · Kế hoạch {plan_ref(target.plan)}", status, text=body.strip(),
                        related=related)


def update_docs(portal):
    """A SearchDoc per update and news article that has a page."""
    for update in portal.updates:
        if not update.url:
            continue
        summary = one_line(update.summary)
        html = update.article.content if update.article else ""
        shown = summary or html_text(html)
        label = vocabulary.UPDATE_KINDS[update.kind].label
        yield SearchDoc("update", one_line(update.title), update.url, update.unit, excerpt(shown),
                        context=label, date=_date(update.date), text=DeferredText(_update_text, (summary, html)),
                        related=update.unit.name if update.unit else "")


def _update_text(summary, html):
    """What is indexed of an update: its summary and its article's text (`html`: the
    article's rendered content), TEXT_WORDS words at most."""
    full = html_text(html)
    return cut_words(" ".join(p for p in (summary, full) if p), TEXT_WORDS)[0]


def _date(value):
    return value.strftime("%d/%m/%Y") if value else ""


def build_docs(portal):
    """Every search document, plans (with their sections) first, then tasks, targets, units, updates."""
    docs = []
    for plan in portal.plans:
        docs.extend(plan_docs(plan))
    docs.extend(task_docs(portal))
    docs.extend(target_docs(portal))
    docs.extend(unit_docs(portal))
    docs.extend(update_docs(portal))
    return docs
