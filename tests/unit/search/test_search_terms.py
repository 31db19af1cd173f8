"""Index terms (codes, synonyms, accents), the editors' abbreviations table and its checks."""

import pytest

from pelican.plugins.portal.cli.check import main as check
from pelican.plugins.portal.problems import ContentError, ProblemLog
from pelican.plugins.portal.search.synonyms import Expander, read_synonyms
from pelican.plugins.portal.search.terms import accent_terms, key_terms, text_terms
from search_support import search_content
from site_support import REPO, build


def test_a_written_code_is_also_one_term():
    assert "stp_nv_3_1" in text_terms("xem nhiệm vụ stp-nv-3-1.")
    assert "iii_2_1" in text_terms("Mục III.2.1 của kế hoạch")
    assert "01_kh_bcd" in text_terms("Kế hoạch số 01-KH/BCĐ")
    assert "4_3" in text_terms("điểm 4.3 Kế hoạch")  # two words: already their pair
    assert "iii_1_2" in key_terms("nhiệm vụ III.1.2")
    assert not any(term.count("_") > 1 for term in text_terms("dữ liệu số dùng chung"))


def test_synonyms_add_the_other_form_both_ways():
    expander = Expander({"cntt": ["cong nghe thong tin"]})
    short = text_terms("Ứng dụng CNTT", expander)
    assert {"cong", "nghe", "thong", "tin", "cong_nghe", "nghe_thong", "thong_tin"} <= set(short)
    assert "cntt" in text_terms("ứng dụng công nghệ thông tin", expander)
    assert "cntt" not in text_terms("công nghệ, thông tin", expander)  # not the phrase
    assert "cntt" in key_terms("Ban CNTT", expander)


def test_accent_terms_keep_the_spelling_of_words_with_diacritics():
    assert accent_terms("Hộ tịch và TIN") == ["hộ", "tịch", "và"]
    assert accent_terms("ho tich") == []


def write(tmp_path, text):
    path = tmp_path / "tu-dong-nghia.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_table_reads_to_folded_forms(tmp_path):
    problems = ProblemLog()
    table = read_synonyms(str(write(tmp_path, "CĐS: chuyển đổi số\nUBND: [ủy ban nhân dân, uỷ ban nhân dân]\n")),
                          problems)
    assert table == {"cds": ["chuyen doi so"], "ubnd": ["uy ban nhan dan"]}
    assert not problems
    assert read_synonyms(str(tmp_path / "none.yaml"), problems) == {}


def test_every_bad_entry_is_one_line_with_file_line_and_what_is_expected(tmp_path):
    path = write(tmp_path, "CNTT: công nghệ tin\nĐU: đảng ủy\nCSDL:\nABC D: a b c\nCNTT: cong nghe thong tin\n")
    problems = ProblemLog()
    assert read_synonyms(str(path), problems) == {}
    assert [line.replace(str(path), "F") for line in problems.report()] == [
        "F:1: trường «CNTT»: «công nghệ tin» không phải dạng đầy đủ của «CNTT» — các chữ cái đầu của dạng "
        "đầy đủ phải ghép thành «CNTT» (ví dụ «CĐS: chuyển đổi số»)",
        "F:2: trường «ĐU»: từ viết tắt quá ngắn (dưới 3 chữ cái dễ trùng một tiếng, như «ĐU» với «dữ») — "
        "chỉ ghi từ viết tắt từ 3 chữ cái trở lên",
        "F:3: trường «CSDL»: thiếu dạng đầy đủ — viết «CNTT: công nghệ thông tin», hoặc nhiều dạng trong [ , ]",
        "F:4: trường «ABC D»: từ viết tắt phải là một từ — viết liền, không dấu cách, ví dụ «CNTT»",
        "F:5: trường «CNTT»: trường bị khai báo hai lần — chỉ khai báo một lần (lần đầu ở dòng 1)",
    ]


def test_the_real_table_is_valid():
    problems = ProblemLog()
    table = read_synonyms(str(REPO / "content" / "tu-dong-nghia.yaml"), problems)
    assert not problems.report()
    assert table["cntt"] == ["cong nghe thong tin"] and table["cds"] == ["chuyen doi so"]


def test_a_bad_table_stops_the_build_and_make_check(tmp_path, capsys):
    content = search_content(tmp_path)
    write(content, "CNTT: công nghệ\n")
    with pytest.raises(ContentError):
        build(content, tmp_path / "output")
    err = capsys.readouterr().err
    assert "tu-dong-nghia.yaml:1: trường «CNTT»: «công nghệ» không phải dạng đầy đủ của «CNTT»" in err
    assert not (tmp_path / "output" / "tim-kiem").exists()
    assert check(["-s", str(REPO / "pelicanconf.py"), str(content)]) == 1
    assert "tu-dong-nghia.yaml:1: trường «CNTT»" in capsys.readouterr().err
