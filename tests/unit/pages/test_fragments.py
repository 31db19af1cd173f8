"""pages/fragments.py: a fragment is rendered once per key and build, and its text is the
same as rendering it in place (escaping included)."""

from jinja2 import DictLoader, Environment

from pelican.plugins.portal.pages.fragments import Fragments

TEMPLATES = {
    "row.html": ('{% for item in items %}{% call fragment("row", item.id, SITEURL) %}'
                 '<a href="{{ SITEURL }}/{{ item.url }}">{{ item.name }}</a>{% endcall %}{% endfor %}'),
    "plain.html": '{% for item in items %}<a href="{{ SITEURL }}/{{ item.url }}">{{ item.name }}</a>{% endfor %}',
}
ITEMS = [{"id": "a", "url": "a/", "name": "Sở <Tư pháp> & Nội vụ"}, {"id": "b", "url": "b/", "name": "Phường B"}]


def render(name, fragments, siteurl="..", items=ITEMS):
    env = Environment(loader=DictLoader(TEMPLATES), autoescape=True)
    return env.get_template(name).render(items=items, SITEURL=siteurl, fragment=fragments)


def test_a_fragment_reads_as_the_same_markup_rendered_in_place():
    assert render("row.html", Fragments()) == render("plain.html", None)
    assert "Sở &lt;Tư pháp&gt; &amp; Nội vụ" in render("row.html", Fragments())


def test_a_key_seen_before_is_not_rendered_again():
    fragments, calls = Fragments(), []

    def caller():
        calls.append(1)
        return "<tr>1</tr>"

    assert fragments("row", "a", "..", caller=caller) == "<tr>1</tr>"
    assert fragments("row", "a", "..", caller=lambda: "<tr>2</tr>") == "<tr>1</tr>"
    assert len(calls) == 1 and len(fragments) == 1


def test_each_siteurl_gets_its_own_rendering_and_clear_forgets():
    fragments = Fragments()
    deep = render("row.html", fragments, siteurl="../..")
    shallow = render("row.html", fragments, siteurl="..")
    assert 'href="../../a/"' in deep and 'href="../a/"' in shallow and 'href="../../a/"' not in shallow
    assert len(fragments) == 4
    fragments.clear()
    renamed = [{**ITEMS[0], "name": "Sở mới"}, ITEMS[1]]
    assert "Sở mới" in render("row.html", fragments, items=renamed)
