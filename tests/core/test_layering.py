from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_and_the_cli_modules_leaves_qt_out():
    code = (
        "import sys, museum.core.items, museum.core.demo, museum.core.search, museum.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
