"""Large images are decoded within a memory bound: measured as the peak RSS of a real process
importing them (a 1 MB PNG can hold hundreds of megapixels of one colour)."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


def write_big_png(path: Path, width: int, height: int) -> Path:
    """A real RGB PNG of one colour, written row by row (never held in memory whole)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    row = b"\0" + bytes((200, 120, 40)) * width
    compressor = zlib.compressobj(1)
    with path.open("wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n")
        out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        pending = b""
        for _ in range(height):
            pending += compressor.compress(row)
            if len(pending) > MB:
                out.write(chunk(b"IDAT", pending))
                pending = b""
        out.write(chunk(b"IDAT", pending + compressor.flush()))
        out.write(chunk(b"IEND", b""))
    return path


def _import_and_measure(catalogue: Path, files: list[Path]) -> dict:
    """Import files into a new catalogue in a fresh interpreter; its outcome and peak RSS."""
    code = textwrap.dedent(f"""
        import json, resource
        from museum.core.catalogue import Catalogue
        from museum.core.items import add_item
        from museum.core.photos import import_photos
        with Catalogue.open({str(catalogue)!r}, create=True) as catalogue:
            item = add_item(catalogue, fields={{"title": "Panorama", "kind": "other"}})
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            report = import_photos(catalogue, item_id=1, paths={[str(f) for f in files]!r})
            after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"imported": len(report.photo_ids),
                          "failures": [str(f) for f in report.failures],
                          "before_mb": before / 1024, "peak_mb": after / 1024}}))
    """)
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_two_huge_pngs_are_refused_by_memory_without_decoding_them(tmp_path):
    # 150 megapixels each: under the pixel limit, but 600 MB each once decoded.
    files = [write_big_png(tmp_path / f"pano{n}.png", 15000 - n, 10000) for n in range(2)]
    assert all(f.stat().st_size < 2 * MB for f in files)
    outcome = _import_and_measure(tmp_path / "cat", files)
    assert outcome["imported"] == 0
    assert len(outcome["failures"]) == 2
    assert all("memory" in failure for failure in outcome["failures"]), outcome["failures"]
    assert outcome["peak_mb"] - outcome["before_mb"] < 100, outcome


def test_two_large_pngs_are_imported_one_decode_at_a_time(tmp_path):
    # 60 megapixels each: 240 MB decoded; two workers must not hold both at once.
    files = [write_big_png(tmp_path / f"wide{n}.png", 10000 - n, 6000) for n in range(2)]
    outcome = _import_and_measure(tmp_path / "cat", files)
    assert outcome["imported"] == 2, outcome["failures"]
    assert outcome["peak_mb"] - outcome["before_mb"] < 360, outcome
