"""Real image files for photo tests, written with Pillow (and pillow-heif for HEIC)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

RED, GREEN, BLUE, YELLOW = (220, 20, 20), (20, 200, 20), (20, 20, 220), (230, 230, 20)


def quadrants(width: int = 400, height: int = 300) -> Image.Image:
    """Red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    image = Image.new("RGB", (width, height))
    half_w, half_h = width // 2, height // 2
    for colour, box in ((RED, (0, 0, half_w, half_h)), (GREEN, (half_w, 0, width, half_h)),
                        (BLUE, (0, half_h, half_w, height)),
                        (YELLOW, (half_w, half_h, width, height))):
        image.paste(colour, box)
    return image


def write(path: Path, image: Image.Image | None = None, **options: object) -> Path:
    """Save image (quadrants by default) to path in the format its extension names."""
    (image or quadrants()).save(path, **options)
    return path


def write_heic(path: Path, image: Image.Image | None = None) -> Path:
    import pillow_heif

    pillow_heif.from_pillow(image or quadrants()).save(path, quality=90)
    return path


def write_png_claiming_size(path: Path, width: int, height: int) -> Path:
    """A small valid PNG whose header claims width × height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 64)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data)
                     + _chunk(b"IEND", b""))
    return path


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def close_to(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual[:3], expected[:3]))


def corner_colours(path: Path) -> tuple[tuple[int, ...], ...]:
    """Colours a quarter of the way in from each corner: top-left, top-right, bottom-left,
    bottom-right."""
    with Image.open(path) as image:
        rgb = image.convert("RGB")
    width, height = rgb.size
    points = ((width // 4, height // 4), (3 * width // 4, height // 4),
              (width // 4, 3 * height // 4), (3 * width // 4, 3 * height // 4))
    return tuple(rgb.getpixel(point) for point in points)


def swapped_rgb_profile() -> bytes:
    """An ICC profile for an RGB space whose 'red' channel is sRGB's blue and 'blue' is red.

    An image of pure (255, 0, 0) tagged with it is blue once colour-managed into sRGB, and red if
    the profile were ignored: a test that cannot pass by accident.
    """
    red, green, blue = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971), (0.1431, 0.0606, 0.7141)
    curve = b"curv" + bytes(4) + struct.pack(">I", 1) + struct.pack(">H", 0x0233) + bytes(2)
    tags = [(b"wtpt", _xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", _xyz(blue)),
            (b"gXYZ", _xyz(green)), (b"bXYZ", _xyz(red)),
            (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, body = struct.pack(">I", len(tags)), b""
    for signature, data in tags:
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += data + bytes(-len(data) % 4)
    size = offset + len(body)
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntr"
              + b"RGB XYZ " + bytes(12) + b"acsp" + bytes(24) + struct.pack(">I", 0)
              + _xyz((0.9642, 1.0, 0.8249))[8:] + bytes(4 + 16 + 28))
    assert len(header) == 128, len(header)
    return header + table + body


def _xyz(values: tuple[float, float, float]) -> bytes:
    return b"XYZ " + bytes(4) + b"".join(struct.pack(">i", round(v * 65536)) for v in values)
