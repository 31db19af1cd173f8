"""Fingerprints of what a page shows, so that a rebuild can reuse a page rendered before.

A fingerprint is a SHA-1 hex digest over a canonical text of values. Three layers:

- `Fingerprints.shallow(entity)`: an entity's own fields (a phase-3 model, see
  model/entities.py), derived ones included (judgement, rollup, chart, rendered parts);
  reports are values, encoded inline.
  A reference to another entity is written as that entity's *identity*: the fields every
  page shows of it wherever it is mentioned (name, label, URL, number, title, date), so a
  renamed unit changes every entity that mentions it.
- `Fingerprints.deep(entity)`: its shallow text plus the shallow texts of every target,
  task and update it references: what a page about it (and the lists on that page) can
  show, one hop away. Units and plans it references count by identity only: pages show
  them as names and links (a unit's rollup shows on its own page).
- `Fingerprints.site`: what every page shows (settings, theme files, plugin source,
  judging date, the menu's pages, every unit's and plan's identity), and
  `Fingerprints.whole`: every entity's shallow text, for pages that summarise the whole
  portal (indexes, late tasks, the home page).

Values the encoder does not know (functions, arbitrary objects) raise `Unknown`: the
caller renders such a page instead of guessing.
"""

import dataclasses
import datetime
import hashlib

from pelican.contents import Content
from pelican.paginator import Page as PaginatedPage
from pelican.urlwrappers import URLWrapper

from ..model.entities import Plan, Target, Task, Unit, Update
from ..cachefiles import files_digest, plugin_digest

ENTITIES = (Unit, Target, Task, Plan, Update)
ITEMS = (Target, Task, Update)  # what lists show in full (units and plans appear as names)
# Settings that name where things are on this machine, not what pages show (OUTPUT_PATH is a
# new staging folder on every `make html`); the theme's files are hashed instead of its path.
PLACE_SETTINGS = frozenset({"OUTPUT_PATH", "CACHE_PATH", "PATH", "THEME", "PLUGIN_PATHS",
                            "JINJA_ENVIRONMENT", "PORTAL_CARD_CACHE", "WRITE_SELECTED"})


class Unknown(TypeError):
    """A value with no canonical text (a function, an object of an unknown type)."""


def identity(entity):
    """The fields of `entity` shown wherever it is mentioned: a tuple of strings and dates."""
    if isinstance(entity, Unit):
        return ("U", entity.id, entity.name, entity.short_name, entity.qualified_label, entity.kind, entity.url,
                entity.filter_url, entity.parent_id)
    if isinstance(entity, Plan):
        return ("P", entity.id, entity.number, entity.label, entity.title, entity.url, entity.filter_url,
                entity.issued, entity.period_start, entity.period_end)
    if isinstance(entity, Target):
        return ("T", entity.id, entity.text, entity.url, entity.badge_url)
    if isinstance(entity, Task):
        return ("N", entity.id, entity.number, entity.portal_number, entity.url)
    return ("D", entity.path, entity.title, entity.date, entity.url)  # Update


class Fingerprints:
    """Digests of one build's model, memoised per entity (the model is not changed after
    the pages phase). `portal`: model.entities.Portal; `settings`: Pelican's settings;
    `context`: Pelican's shared context (for the menu's pages)."""

    def __init__(self, portal, settings, context):
        self.portal = portal
        self._shallow, self._deep, self._refs, self._contents, self._items = {}, {}, {}, {}, {}
        theme = files_digest([settings["THEME"]])
        plugin = plugin_digest()
        simple = {key: value for key, value in settings.items() if key not in PLACE_SETTINGS and key.isupper()}
        parts = [theme, plugin, portal.judging_date, self._settings_text(simple)]
        parts.extend((page.title, page.url) for page in context.get("pages", []))
        # Units and plans are named across the site (breadcrumbs of ancestors, qualified
        # labels, plans found by number): renaming one re-renders every page.
        parts.extend(identity(entity) for entity in [*portal.units.values(), *portal.plans])
        self.site = sha1_hex(repr(parts))
        self._whole = None

    @property
    def whole(self):
        """Every entity's shallow digest, in model order: changes when anything does."""
        if self._whole is None:
            portal = self.portal
            entities = [*portal.units.values(), *portal.plans, *portal.targets.values(), *portal.tasks.values(),
                        *portal.updates]
            self._whole = sha1_hex("".join(self.shallow(entity) for entity in entities))
        return self._whole

    def shallow(self, entity):
        """SHA-1 hex of `entity`'s own fields, references as identities."""
        key = id(entity)
        if key not in self._shallow:
            out, refs = [], []
            for item in dataclasses.fields(entity):
                out.append(item.name)
                self._encode(getattr(entity, item.name), out, refs)
            self._shallow[key], self._refs[key] = sha1_hex("\x1f".join(out)), refs
        return self._shallow[key]

    def deep(self, entity):
        """SHA-1 hex of `entity`'s shallow digest and those of every target, task and update
        it references."""
        key = id(entity)
        if key not in self._deep:
            own = self.shallow(entity)
            seen, parts = {key}, [own]
            for ref in self._refs[key]:
                if id(ref) not in seen and isinstance(ref, ITEMS):
                    seen.add(id(ref))
                    parts.append(self.shallow(ref))
            self._deep[key] = sha1_hex("".join(parts))
        return self._deep[key]

    def item(self, value):
        """value(), memoised by identity: for items shown in many files (a report is in the
        whole portal's, its plan's, its units' and its target's data sets). Only for objects
        that live as long as this Fingerprints (the model's)."""
        key = id(value)
        digest = self._items.get(key)
        if digest is None:
            digest = self._items[key] = self.value(value)
        return digest

    def value(self, value):
        """SHA-1 hex of any value: entities count with their deep digest; raises Unknown."""
        out, refs = [], []
        self._encode(value, out, refs)
        out.extend(self.deep(ref) for ref in refs)
        return sha1_hex("\x1f".join(out))

    # Encoding -------------------------------------------------------------------------

    def _encode(self, value, out, refs):
        if value is None or isinstance(value, (str, bool, int, float, datetime.date)):
            out.append(repr(value))
        elif isinstance(value, ENTITIES):
            out.append(repr(identity(value)))
            refs.append(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
            out.append(f"[{len(items)}")
            for item in items:
                self._encode(item, out, refs)
            out.append("]")
        elif isinstance(value, dict):
            out.append(f"{{{len(value)}")
            for key, item in value.items():
                self._encode(key, out, refs)
                self._encode(item, out, refs)
            out.append("}")
        elif isinstance(value, Content):  # a Pelican article or page
            out.append(self._content_text(value))
            update = getattr(value, "portal_update", None)
            if update is not None:
                self._encode(update, out, refs)
        elif isinstance(value, URLWrapper):  # category, tag, author
            out.append(repr((type(value).__name__, value.name, value.url)))
        elif isinstance(value, PaginatedPage):
            out.append(repr(("page", value.number, value.paginator.num_pages)))
            self._encode(list(value.object_list), out, refs)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out.append(type(value).__name__)
            for item in dataclasses.fields(value):
                self._encode(getattr(value, item.name), out, refs)
        else:
            raise Unknown(type(value).__name__)

    def _content_text(self, content):
        """A Pelican article's or page's source, slug, metadata and body (its URL and summary
        follow from these and the settings), memoised. A body linking other content
        ("{filename}/tin-tuc/a.md", "{static}/…", or Pelican's older "|filename|…") counts
        with those links resolved, so a renamed target changes the pages that link to it."""
        key = id(content)
        if key not in self._contents:
            body = content._content
            if body and ("{" in body or "|" in body):  # resolved again (not memoised) only if it may link
                body = content._update_content(body, "")
            out = [type(content).__name__, content.source_path, content.slug, body]
            metadata = content.metadata
            for name in sorted(metadata):
                out.append(name)
                self._encode(metadata[name], out, [])
            self._contents[key] = sha1_hex("\x1f".join(out))
        return self._contents[key]

    def _settings_text(self, settings):
        out = []
        for key in sorted(settings):
            out.append(key)
            try:
                self._encode(settings[key], out, [])
            except Unknown:  # a function or an object: the plugin's and the theme's files are hashed
                out.append(f"<{type(settings[key]).__name__}>")
        return "\x1f".join(out)


def sha1_hex(text):
    """SHA-1 hex of a text (UTF-8)."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
