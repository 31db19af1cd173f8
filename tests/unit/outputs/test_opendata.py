"""Open data rows and CSV: pure functions on hand-made model objects."""

import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest

from factories import JUDGING, PLAN, target, task, unit  # noqa: F401
from pelican.plugins.portal.outputs import opendata  # noqa: F401


def test_open_data_csv_has_a_bom_and_one_header_row():
    item = task("t1", "31/10/2025", [unit("a")])
    records = opendata.rows("nhiem-vu", [item], lambda url: "https://x.vn/" + url)
    text = opendata.to_csv("nhiem-vu", records)
    assert text.startswith("\ufeffma,ke_hoach,so,")
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert row["qua_han"] == "có" and row["so_ngay_qua_han"] == "30" and row["han_cuoi"] == "2025-10-31"
    payload = json.loads(opendata.to_json("nhiem-vu", records, "toàn cổng", JUDGING))
    assert payload["ban_ghi"][0]["qua_han"] is True and payload["ngay_danh_gia"] == "2025-11-30"
    assert [c["ten"] for c in payload["cot"]] == [c.key for c in opendata.KINDS["nhiem-vu"].columns]
