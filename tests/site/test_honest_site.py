"""Honest figures on the built site (issue 10): what the content states is what the site
prints; lists render as the guide teaches; open data cannot run formulas; feeds link absolutely."""

import csv
import io
import random
import xml.etree.ElementTree as ET

import pytest

from site_support import Site, build, copy_site

SITEURL = "https://example.gov.vn/chuyen-doi-so"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def vietnamese(integer_digits, decimals):
    """A number as an editor writes it, built digit by digit: "1.234.567,5"."""
    groups, digits = [], integer_digits
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups) + (f",{decimals}" if decimals else "")


def random_numbers(count, seed=10):
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        integer = str(rng.randint(0, 10 ** rng.randint(1, 10)))
        decimals = rng.choice(["", str(rng.randint(1, 9)), f"{rng.randint(0, 9)}{rng.randint(1, 9)}"])
        texts.append(vietnamese(integer, decimals))
    return texts


@pytest.fixture(scope="module")
def honest_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("honest")
    content = copy_site("basic", tmp)
    numbers = random_numbers(16)
    for index, text in enumerate(numbers):
        day = 2 + index
        (content / "cap-nhat" / f"2025-09-so-{index:02d}.md").write_text(
            f"---\ntieu_de: Số liệu mẫu {index}\nngay: {day:02d}/09/2025\ndon_vi: Sở A\nchi_tieu:\n"
            f"  - ma: a-ct-moi-nhat\n    gia_tri: \"{text}\"\n    nguon: mau-{index:02d}\n---\n\nSố liệu mẫu.\n",
            encoding="utf-8")
    plan = content / "ke-hoach" / "a.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "noi_dung: Văn phòng Sở chủ trì, Phòng Bổ trợ phối hợp.",
        'noi_dung: |\n  =HYPERLINK("https://example.com","x") Việc cần làm ngay:\n  - việc một\n    - ý con hai dấu cách\n  - việc hai'),
        encoding="utf-8")
    (content / "cap-nhat" / "2025-11-a.md").write_text(
        (content / "cap-nhat" / "2025-11-a.md").read_text(encoding="utf-8").replace(
            "Số liệu mẫu cho kiểm thử.",
            "Ảnh: ![sơ đồ]({static}/hinh-anh/so-do.png), ![cũ](/hinh-anh/so-do.png), [bài trước](../2025-10-a/)."),
        encoding="utf-8")
    (content / "hinh-anh").mkdir(exist_ok=True)
    (content / "hinh-anh" / "so-do.png").write_bytes(PNG)
    site = Site(build(content, tmp / "output", SITEURL=SITEURL, RELATIVE_URLS=False))
    site.numbers = numbers
    return site


def test_no_number_the_site_prints_differs_from_the_content(honest_site):
    """Property: for 16 random figures written the Vietnamese way, the target page prints
    exactly the text the editor wrote, and open data holds exactly its value."""
    page = honest_site.page("chi-tieu/a-ct-moi-nhat/")
    printed = {}
    for row in page.select("table.history-table tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        if cells[2].startswith("mau-"):
            printed[cells[2]] = cells[1]
    assert printed == {f"mau-{i:02d}": f"{text} dịch vụ" for i, text in enumerate(honest_site.numbers)}
    data = honest_site.text("du-lieu/so-lieu-chi-tieu.csv").lstrip("\ufeff")
    rows = {r["nguon"]: r for r in csv.DictReader(io.StringIO(data)) if r["nguon"].startswith("mau-")}
    for i, text in enumerate(honest_site.numbers):
        stated = float(text.replace(".", "").replace(",", "."))
        assert float(rows[f"mau-{i:02d}"]["gia_tri"]) == stated


def test_a_list_right_under_a_line_and_a_two_space_sub_list_are_lists(honest_site):
    task = honest_site.page("ke-hoach/kh-a/").find(id="a-nv-1")
    outer = task.select_one("ul")
    assert [li.contents[0].strip() for li in outer.find_all("li", recursive=False)] == ["việc một", "việc hai"]
    assert outer.select_one("li ul li").get_text(strip=True) == "ý con hai dấu cách"
    assert "- việc" not in task.get_text()


def test_open_data_cells_never_run_as_formulas(honest_site):
    data = honest_site.text("du-lieu/nhiem-vu.csv").lstrip("\ufeff")
    row = next(r for r in csv.DictReader(io.StringIO(data)) if r["ma"] == "a-nv-1")
    assert row["noi_dung"].startswith("'=HYPERLINK(")


def test_feed_links_and_images_are_absolute_under_the_sub_path(honest_site):
    feed = ET.fromstring(honest_site.text("atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in feed.findall("a:entry", ns) if "tháng 11/2025" in e.find("a:title", ns).text)
    content = entry.find("a:content", ns).text
    assert content.count(f'src="{SITEURL}/hinh-anh/so-do.png"') == 2  # {static}/… and /hinh-anh/…
    assert 'src="/' not in content and 'href="/' not in content and 'href="../' not in content


def test_an_image_from_the_guide_shows_on_the_page(honest_site):
    images = [img["src"] for img in honest_site.page(_update_url(honest_site)).select("main img")]
    assert f"{SITEURL}/hinh-anh/so-do.png" in images
    assert (honest_site.path("hinh-anh/so-do.png")).exists()


def _update_url(site):
    feed = ET.fromstring(site.text("atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in feed.findall("a:entry", ns) if "tháng 11/2025" in e.find("a:title", ns).text)
    return entry.find("a:link", ns).get("href").removeprefix(SITEURL + "/")
