"""Text from the catalogue made harmless to print on a terminal.

A field may hold anything another program put there, including escape sequences that colour,
clear or retitle the terminal, or bidirectional controls that reorder what is shown. Printed
as they are, they would act instead of showing; here each becomes a visible escape (\\x1b).
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls, and the bidirectional embeddings, overrides and isolates.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# json.dumps escapes C0 controls itself; outside strings they are its own layout (newlines).
_LEFT_RAW_BY_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """text with every control character written as a visible escape, e.g. ESC as \\x1b."""
    return _CONTROLS.sub(_escape, text)


def json_safe(encoded: str) -> str:
    """JSON text with the controls json.dumps leaves raw (DEL, C1, bidi) as \\u escapes.

    They can only occur inside JSON strings, where the escape means the same character.
    """
    return _LEFT_RAW_BY_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
