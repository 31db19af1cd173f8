"""HTML fragments rendered once and reused by every page of a kind that shows them.

A task's row is the same in every filtered list it belongs to and on each of its units'
pages (about 30,000 rows from 3,000 tasks at city scale), as long as the page's SITEURL and
the list's options are the same. A template wraps such a fragment in a call whose key names
everything the body shows (components/task_list.html):

    {% call fragment("task-row", task.id, SITEURL, show_plan, show_supports, show_leads, full, late) %}
      <tr …>…</tr>
    {% endcall %}

and its body is rendered the first time that key is seen; later calls return the same text.
The generator (pages/generator.py) drops them after each kind of page, to spare memory.
"""

from markupsafe import Markup


class Fragments:
    """Rendered fragments by key, for one build. Call it from a template's `{% call %}` block:
    `fragment(*key, caller)` -> Markup; the key (strings, numbers, booleans) must name
    everything the body shows. `clear()` drops them (the generator does after each kind of
    page)."""

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
