"""The unit registry: every name, short name and alias resolves to one unit."""

import difflib

from ..text import fold, name_key


class UnitNotFound(LookupError):
    """No unit, or several, answer to a name: `suggestion` is the closest unit, `candidates`
    the units sharing the name."""

    def __init__(self, name, suggestion=None, candidates=()):
        super().__init__(name)
        self.name, self.suggestion, self.candidates = name, suggestion, list(candidates)


class UnitRegistry:
    """Every unit by id, and every name, short name and alias (NFC, case-insensitive)."""

    def __init__(self, units):
        self.units = {unit.id: unit for unit in units}
        self._by_name = {}
        for unit in units:
            for key in {name_key(n) for n in (unit.id, unit.name, unit.short_name, *unit.aliases) if n}:
                self._by_name.setdefault(key, []).append(unit)

    def names(self):
        """Every registered name, sorted."""
        return sorted({name for unit in self.units.values() for name in (unit.name, unit.short_name, *unit.aliases) if name})

    def resolve(self, name, context=None):
        """Find the unit called `name`. A name shared by several units ("Văn phòng Sở")
        is settled by `context`: the unit whose plan or update mentions it."""
        found = self._by_name.get(name_key(name), [])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            near = _nearest(found, context)
            if near is not None:
                return near
            raise UnitNotFound(name, candidates=found)
        by_fold = [u for key, us in self._by_name.items() if fold(key) == fold(name) for u in us]
        if len(set(map(id, by_fold))) == 1:
            return by_fold[0]
        close = difflib.get_close_matches(name_key(name), list(self._by_name), n=1, cutoff=0.5)
        suggestion = self._by_name[close[0]][0] if close else None
        raise UnitNotFound(name, suggestion=suggestion)


def _nearest(units, context):
    """The unit inside the context unit's own tree, searching upward from it."""
    scope = context
    while scope is not None:
        inside = [u for u in units if u is scope or scope in u.ancestors()]
        if len(inside) == 1:
            return inside[0]
        scope = scope.parent
    return None


def suggest_id(wrong, by_id):
    """The hint for a wrong unit id: the closest registered id, if any."""
    close = difflib.get_close_matches(wrong, list(by_id), n=1, cutoff=0.5)
    return f"có phải «{close[0]}»?" if close else "mã của một đơn vị trong don-vi/"


def resolve_or_report(registry, name, context, path, line, field_name, problems):
    """The unit called `name` (see UnitRegistry.resolve), or None with a problem logged at
    path:line for `field_name`."""
    try:
        return registry.resolve(str(name), context)
    except UnitNotFound as error:
        if error.candidates:
            options = "; ".join(f"«{u.id}» ({u.name})" for u in error.candidates)
            problems.add(path, line, field_name, f"tên «{name}» chỉ nhiều đơn vị",
                         f"ghi mã đơn vị cho rõ: {options}")
        else:
            hint = f"có phải «{error.suggestion.name}»?" if error.suggestion else "thêm đơn vị này vào don-vi/"
            problems.add(path, line, field_name, f"không tìm thấy đơn vị «{name}»",
                         f"tên hoặc mã một đơn vị đã đăng ký; {hint}")
        return None
