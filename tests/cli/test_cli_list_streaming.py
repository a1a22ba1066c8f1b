"""`list --json` streams: the first items are written while later ones are still being read,
so a 100,000-item catalogue never sits whole in memory; `list` loads no more than it needs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from museum.cli import main
from museum.core import db_connect
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
    connect = db_connect.connect_for_reading

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)  # every statement SQLite runs
        return connection

    out = _WatchedOutput(statements)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(db_connect, "connect_for_reading", traced)
    assert main(["--catalogue", str(root), "list", "--json", "--sort=-date"]) == 0
    assert json.loads(out.getvalue()) == expected  # the same list, item for item
    assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert out.run_at_first_item is not None and out.run_at_first_item < len(statements)
    assert len(selects) >= 3 * 3  # rows, tags and photos, page by page


def _loaded_after(tmp_path, commands: list[list[str]], modules: tuple[str, ...]) -> str:
    """Run `commands` on a fresh 10-item catalogue in a new Python; its output, whose last line
    lists which of `modules` got imported."""
    root = tmp_path / "c"
    with Catalogue.open(root, create=True) as catalogue:
        fill_demo(catalogue, items=10, photos=False)
    code = "import sys\nfrom museum.cli import main\n" + "".join(
        f"main({['--catalogue', str(root), *command]!r})\n" for command in commands) + \
        f"print(sorted(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    return result.stdout


def test_list_loads_neither_alembic_nor_pillow(tmp_path):
    stdout = _loaded_after(tmp_path, [["list", "--query", "medal"]], (
        "alembic", "PIL", "museum.core.photos", "museum.core.demo", "museum.core.backup"))
    assert stdout.splitlines()[-1] == "[]", stdout


def test_list_and_show_import_neither_sqlalchemy_nor_sqlmodel(tmp_path):
    # Importing SQLAlchemy's ORM and sqlmodel took longer than `list` at 10,000 items may take
    # from start to end (issue 10: 0.3 s); a reading command reads with plain sqlite3.
    stdout = _loaded_after(tmp_path, [["list", "--query", "medal"], ["show", "1", "--json"]],
                           ("sqlalchemy", "sqlmodel", "pydantic"))
    assert '"id": 1,' in stdout and "medal" in stdout
    assert stdout.splitlines()[-1] == "[]", stdout


def test_the_streamed_json_is_byte_for_byte_what_json_dumps_would_print(capsys):
    from museum.commands.output import print_json_list

    values = [{"title": 'Cup "final"\n\u2028é', "tags": [], "more": {}, "n": 10**20, "x": 2.5,
               "nan": float("nan"), "yes": True, "none": None,
               "nested": {"list": [1, {"deep": False}]}}, {}, [], "text", [[]], None]
    print_json_list(values)
    assert capsys.readouterr().out == json.dumps(values, ensure_ascii=False, indent=2) + "\n"
