"""Share cards: drawn once, keyed by what they show, fonts covering Vietnamese."""

from dataclasses import replace

from pelican.plugins.portal.outputs import cards
from pelican.plugins.portal.outputs.writer import OutputFiles

SPEC = cards.CardSpec("Chỉ tiêu · 1/KH", "Tối thiểu 80% hồ sơ được xử lý trực tuyến toàn trình", "Sở Tư pháp",
                      (("on-track", "Đúng tiến độ"),), "Mới nhất 60,5% · Mục tiêu ≥ 80%", "Cổng thử")


def test_card_is_1200_by_630_and_drawn_once(tmp_path):
    key = cards.card_key(SPEC)
    cached, drawn = cards.cached_card(SPEC, key, str(tmp_path / "cache"))
    assert drawn is True
    out = OutputFiles(str(tmp_path / "out")).place_file("the/card.png", cached, "test")
    from PIL import Image

    with Image.open(out) as image:
        assert image.size == (1200, 630) and image.format == "PNG"
    cached_again, drawn = cards.cached_card(SPEC, key, str(tmp_path / "cache"))
    assert drawn is False and cached_again == cached  # reused
    again = OutputFiles(str(tmp_path / "out2")).place_file("the/card.png", cached_again, "test")
    assert open(again, "rb").read() == open(out, "rb").read()


def test_card_key_changes_with_what_the_card_shows():
    assert cards.card_key(SPEC) == cards.card_key(replace(SPEC))
    assert cards.card_key(SPEC) != cards.card_key(replace(SPEC, pills=(("at-risk", "Có nguy cơ chậm"),)))
    assert cards.card_key(SPEC) != cards.card_key(replace(SPEC, sample=True))


def test_card_font_covers_vietnamese():
    from PIL import ImageFont

    regular, bold = cards._fonts()
    font = ImageFont.truetype(str(bold), 40)
    missing = font.getmask("\uffff").getbbox()  # the font's "no glyph" box
    for char in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ":
        assert font.getmask(char).getbbox() != missing, char
