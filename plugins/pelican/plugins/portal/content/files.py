"""Which files of the content folder the portal reads, and files left where nothing reads them."""

import os
import re
from pathlib import Path

from ..text import fold

SYNONYMS_FILE = "tu-dong-nghia.yaml"  # at the top of the content folder; read by search/synonyms.py


def files(folder: Path, suffix: str) -> list:
    """Files under `folder` (recursively) ending in `suffix`, sorted; hidden files and
    anything reached through a symbolic link skipped (check_links reports those).
    [] when the folder does not exist."""
    if not folder.is_dir():
        return []
    real = os.path.realpath(folder)
    return sorted(p for p in folder.rglob(f"*{suffix}") if readable(p, real))


def readable(path: Path, real_folder: str) -> bool:
    """Whether files() reads `path` of the folder whose os.path.realpath is `real_folder`: not
    hidden, not a symbolic link, and inside that folder once links are resolved."""
    return (not path.name.startswith(".") and not path.is_symlink()
            and os.path.realpath(path).startswith(real_folder + os.sep))


def yaml_files(folder: Path) -> list:
    """The .yaml and .yml files under `folder`."""
    return files(folder, ".yaml") + files(folder, ".yml")


def check_stray_files(root: Path, folders: dict, problems) -> None:
    """A Markdown or YAML file outside the known folders would never be published: log it."""
    if not root.is_dir():
        problems.add(root, 1, "", "không tìm thấy thư mục nội dung", "một thư mục chứa don-vi/, ke-hoach/ …")
        return
    known = {folders[k] for k in ("units", "plans", "updates", "news", "pages")}
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".md", ".yaml", ".yml") or path.name.startswith(".") or path == root / SYNONYMS_FILE:
            continue
        top = path.relative_to(root).parts[0]
        expected = folders["units"] if path.suffix != ".md" else None
        if top not in known or (expected and top != expected) or (not expected and top == folders["units"]):
            problems.add(path, 1, "", "tệp nằm ngoài các thư mục nội dung nên sẽ không được xuất bản",
                         "đặt đơn vị trong don-vi/ (.yaml); kế hoạch trong ke-hoach/, cập nhật trong "
                         "cap-nhat/, tin trong tin-tuc/, trang tĩnh trong trang/ (.md)")


# Safety: nothing outside the repository's folders is read or copied ------------------------

def check_links(root: Path, folder_label: str, problems) -> bool:
    """Every entry under `root` must be a regular file or folder, not a symbolic link: a link
    committed to git could publish any file the build machine can read (a CI secret, a key).
    Links pointing inside `root` are refused too (one rule; a copy works everywhere, also on
    Windows checkouts). Walks without following links; logs one problem per link and returns
    True when `root` is safe to read. `folder_label`: how the message names `root` ("content")."""
    safe = True
    if os.path.islink(root):
        _link_problem(root, root, folder_label, problems)
        return False
    if not root.is_dir():
        return True
    real_root = root.resolve()
    folders = [str(root)]
    while folders:  # os.scandir: the entry types come with the listing, no stat per file
        with os.scandir(folders.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.is_symlink():
                    _link_problem(Path(entry.path), real_root, folder_label, problems)
                    safe = False
                elif entry.is_dir():
                    folders.append(entry.path)
                elif not entry.is_file():
                    problems.add(display(entry.path), 1, "", "không phải tệp thường (ống, thiết bị…)",
                                 "chỉ đặt tệp văn bản và ảnh trong thư mục")
                    safe = False
    return safe


def _link_problem(path, real_root, folder_label, problems):
    target = os.readlink(path) if os.path.islink(path) else str(path.resolve())
    resolved = path.resolve()
    if resolved.is_relative_to(real_root) and resolved != real_root:
        problems.add(display(path), 1, "", f"là liên kết (symlink) tới «{target}»",
                     f"thay liên kết bằng một bản chép thật; cổng không đọc liên kết trong thư mục {folder_label}")
    else:
        problems.add(display(path), 1, "", f"liên kết trỏ ra ngoài thư mục {folder_label} (tới «{target}»)",
                     f"chỉ đặt tệp thật trong thư mục {folder_label}; xóa liên kết rồi chép tệp cần dùng vào đây")


# File names: they become addresses ---------------------------------------------------------

_GOOD_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_names(root: Path, folders: dict, problems) -> None:
    """Every file and folder name inside the folders of `folders` (units, plans, updates, news,
    pages, static) follows the guide's rule: lowercase ASCII letters, digits and dashes, then a
    lowercase extension. A name becomes an address, so each bad name is a problem proposing
    the good one; a name that is not valid UTF-8 is a problem too."""
    for kind in ("units", "plans", "updates", "news", "pages", "static"):
        top = root / folders[kind]
        if not top.is_dir() or top.is_symlink():
            continue
        for folder, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(dirs) + sorted(names):
                _check_name(Path(folder, name), name, name in dirs, problems)


def is_good_name(name: str, is_folder=False) -> bool:
    """The guide's rule: "2025-11-so-tu-phap.md", "anh-bia.jpg", "thu-muc" (folders have no extension)."""
    if is_folder or "." not in name.lstrip("."):
        return bool(_GOOD_NAME.fullmatch(name))
    stem, _, extension = name.rpartition(".")
    return bool(_GOOD_NAME.fullmatch(stem) and _GOOD_NAME.fullmatch(extension))


def _check_name(path, name, is_folder, problems):
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        problems.add(display(path), 1, "", "tên tệp không phải chữ UTF-8",
                     "đổi tên tệp, chỉ dùng chữ thường không dấu, số và dấu gạch ngang")
        return
    if is_good_name(name, is_folder):
        return
    if is_folder or "." not in name.lstrip("."):
        stem, extension = name, ""
    else:
        stem, _, extension = name.rpartition(".")
    proposal = "-".join(fold(stem).split())
    proposal_ext = "".join(fold(extension).split())
    what = "thư mục" if is_folder else "tệp"
    expected = "chỉ dùng chữ thường không dấu, số và dấu gạch ngang (tên là địa chỉ trang)"
    if proposal and (not extension or proposal_ext):
        proposal += "." + proposal_ext if extension else ""
        taken = " (đã có tệp tên này: thêm chữ để khác đi)" if os.path.lexists(Path(path).with_name(proposal)) else ""
        expected += f"; đổi tên thành «{proposal}»{taken}"
    problems.add(display(path), 1, "", f"tên {what} «{name}» không hợp lệ", expected)


def display(path) -> str:
    """A path for a message; bytes that are not UTF-8 are shown as \\xNN, never crash a print."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")
