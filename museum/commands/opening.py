"""How a subcommand opens the catalogue: `opens` in its parser defaults is one of these.

Reading commands open it read-only, so they run beside the app (SQLite's WAL gives them a
consistent snapshot) and never create a catalogue; writing commands take the writer lock and
create only the default catalogue; `init` and `demo` create one where they are told.
"""

from __future__ import annotations

READS = "reads"
WRITES = "writes"
CREATES = "creates"
NOTHING = "nothing"
