"""HTML fragments rendered once per build and reused by every page that shows them.

A task's row is the same on its plan's page, on each of its units' pages and in every
filtered list it belongs to (about 30,000 rows from 3,000 tasks at city scale), as long as
the page's SITEURL and the list's options are the same. A template wraps such a fragment in

    {% call fragment("task-row", task.id, SITEURL, full, late) %}…{% endcall %}

and its body is rendered the first time that key is seen; later calls return the same text.
"""

from markupsafe import Markup


class Fragments:
    """Rendered fragments of one build by key. Call it from a template's `{% call %}` block:
    `fragment(*key, caller)` -> Markup; the key (strings, numbers, booleans) must name
    everything the body shows. `clear()` drops them (the generator does, once its pages are
    written)."""

    def __init__(self):
        self._made = {}

    def __call__(self, *key, caller):
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = Markup(caller())
        return made

    def __len__(self):
        return len(self._made)

    def clear(self):
        """Forget every fragment."""
        self._made.clear()
