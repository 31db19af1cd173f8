"""Which files of the content folder the portal reads, and files left where nothing reads them."""

from pathlib import Path

SYNONYMS_FILE = "tu-dong-nghia.yaml"  # at the top of the content folder; read by search/synonyms.py


def files(folder: Path, suffix: str) -> list:
    """Files under `folder` (recursively) ending in `suffix`, sorted; hidden files skipped.
    [] when the folder does not exist."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob(f"*{suffix}") if not p.name.startswith("."))


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
