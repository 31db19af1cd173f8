"""The state colours as CSS, written from vocabulary.py so that pills, bars and charts use the
same colours as badges and share cards: theme/css/states.css."""

from .. import vocabulary

# CSS class prefix -> the vocabulary table whose keys follow it.
_CLASSES = (
    ("pill-", vocabulary.TARGET_STATES),
    ("task-", vocabulary.TASK_STATUSES),
    ("fill-", vocabulary.TARGET_STATES),
    ("fill-", vocabulary.TASK_BUCKETS),
)


def state_css() -> str:
    """:root colour variables (--met, --no-data, …) and one rule per state class:
    `.pill-<state>` and `.task-<status>` set a background, `.fill-<state|bucket>` set fill and
    background (SVG bars and their legends)."""
    lines = ["/* Written by the build from vocabulary.py (pages/stylesheet.py): do not edit. */", ":root {"]
    lines += [f"  --{name}: {colour};" for name, colour in vocabulary.STYLES.items()]
    lines.append("}")
    for prefix, table in _CLASSES:
        for key, term in table.items():
            if not term.style:
                continue
            colour = f"var(--{term.style})"
            rule = f"fill: {colour}; background: {colour};" if prefix == "fill-" else f"background: {colour};"
            lines.append(f".{prefix}{key} {{ {rule} }}")
    lines.append(f".pill-late {{ background: var(--{vocabulary.TASK_BUCKETS[vocabulary.LATE].style}); }}")
    return "\n".join(lines) + "\n"
