"""`list --json` streams: the first items are written while later ones are still being read,
so a 100,000-item catalogue never sits whole in memory; `list` loads no more than it needs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from museum.cli import main
from museum.core.catalogue import Catalogue
from museum.core.demo import fill_demo
from museum.core.items import list_items

REPO = Path(__file__).resolve().parents[2]


class _WatchedOutput(io.StringIO):
    """stdout that notes how many SQL statements had run when the first item was written."""

    def __init__(self, statements: list[str]) -> None:
        super().__init__()
        self.statements = statements
        self.run_at_first_item: int | None = None

    def write(self, text: str) -> int:
        if self.run_at_first_item is None and '"id":' in text:
            self.run_at_first_item = len(self.statements)
        return super().write(text)


def test_list_json_writes_the_first_items_before_reading_the_last(tmp_path, monkeypatch):
    root = tmp_path / "big"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=2500, photos=False)
        expected = [record.to_dict() for record in list_items(catalogue, sort="-date")]
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    out = _WatchedOutput(statements)
    monkeypatch.setattr(sys, "stdout", out)
    event.listen(Engine, "before_cursor_execute", count)
    try:
        assert main(["--catalogue", str(root), "list", "--json", "--sort=-date"]) == 0
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert json.loads(out.getvalue()) == expected  # the same list, item for item
    assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert out.run_at_first_item is not None and out.run_at_first_item < len(statements)
    assert len(selects) >= 3 * 3  # rows, tags and photos, page by page


def test_list_loads_neither_alembic_nor_pillow(tmp_path):
    root = tmp_path / "c"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=10, photos=False)
    code = ("import sys\nfrom museum.cli import main\n"
            f"main(['--catalogue', {str(root)!r}, 'list', '--query', 'medal'])\n"
            "print(sorted(m for m in ('alembic', 'PIL', 'museum.core.photos', 'museum.core.demo',"
            " 'museum.core.backup') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert result.stdout.splitlines()[-1] == "[]", result.stdout


def test_the_streamed_json_is_byte_for_byte_what_json_dumps_would_print(capsys):
    from museum.commands.output import print_json_list

    values = [{"title": 'Cup "final"\n\u2028é', "tags": [], "more": {}, "n": 10**20, "x": 2.5,
               "nan": float("nan"), "yes": True, "none": None,
               "nested": {"list": [1, {"deep": False}]}}, {}, [], "text", [[]], None]
    print_json_list(values)
    assert capsys.readouterr().out == json.dumps(values, ensure_ascii=False, indent=2) + "\n"
