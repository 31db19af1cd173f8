"""Feed entries: the unit as author, the reported figures with their units in the summary."""

from datetime import date

from factories import PLAN, target, task, unit
from pelican.plugins.portal.model import TargetReport, TaskReport, Update
from pelican.plugins.portal.outputs.feeds import FeedItem, category_label


class Article:
    url = "cap-nhat/bai/"
    date = None

    def get_content(self, siteurl):
        return "<p>Nội dung</p>"


def test_summary_lists_figures_with_their_units_and_statuses():
    owner = unit("so-a", name="Sở A")
    count_target = target("t-dv", owner, goal="25 dịch vụ")
    item = task("n-1", "31/12/2025", [owner])
    update = Update(path="u.md", kind="cap-nhat", title="Tháng 11", date=date(2025, 11, 20), unit=owner,
                    summary="Tóm tắt <b>đậm</b>")
    update.target_reports.append(TargetReport(count_target, 1500.0, date(2025, 11, 15), "", update))
    update.task_reports.append(TaskReport(item, "dang-thuc-hien", 40.0, "", update))
    update.article = Article()
    entry = FeedItem(update, "[Số liệu mẫu] ")
    assert entry.title == "[Số liệu mẫu] Tháng 11" and entry.author == "Sở A"
    assert entry.category == "Cập nhật tiến độ"
    assert entry.summary == ("<p>Tóm tắt &lt;b&gt;đậm&lt;/b&gt;</p><ul><li>text: 1.500 dịch vụ (tính đến 15/11/2025)</li>"
                             f"<li>Nhiệm vụ 1 ({PLAN.number}): Đang thực hiện</li></ul>")


def test_news_category():
    assert category_label(Update(path="n.md", kind="tin-tuc", title="", date=date(2025, 1, 1), unit=None)) == "Tin tuyên truyền"
