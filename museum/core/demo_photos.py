"""Photos for the demo museum, drawn with Pillow and imported like any user's photos.

The story items get camera-like originals (4000 × 3000 JPEGs, one held upright with an EXIF
orientation tag, a PNG close-up) so the demo exercises what real photos do; the synthetic scale
items get one smaller photo each. Everything goes through photo_import in batches.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from museum.core.catalogue import Catalogue
from museum.core.changes import Changes
from museum.core.errors import PhotoError
from museum.core.photo_import import import_into_items

CAMERA_SIZE = (4000, 3000)
CLOSE_UP_SIZE = (1600, 1200)
SYNTHETIC_SIZE = (1200, 900)
BATCH = 100
VARIANTS_PER_KIND = 3
_ORIENTATION_TAG = 0x0112
_EXIF_IFD = 0x8769


@dataclass(frozen=True)
class DemoShot:
    """One demo photo to draw: whose it is, what it shows, and how the 'camera' saved it."""

    item_id: int
    kind: str
    seed: int
    size: tuple[int, int]  # as shown (upright)
    label: str = ""
    number: int | None = None
    file_format: str = "JPEG"
    orientation: int = 1  # 6: stored on its side, like a camera held upright
    taken: str | None = None  # "YYYY:MM:DD HH:MM:SS" for EXIF


def story_shots(items: Sequence[tuple[int, dict]], seed: int) -> list[DemoShot]:
    """A big camera photo for each story item, and a PNG close-up for every other one."""
    shots = []
    for index, (item_id, fields) in enumerate(items):
        kind, title = fields["kind"], fields.get("title", "")
        upright = kind in ("shirt", "trophy", "replica", "boots")
        size = (CAMERA_SIZE[1], CAMERA_SIZE[0]) if upright else CAMERA_SIZE
        shots.append(DemoShot(item_id, kind, seed + index * 10, size, label=title,
                              orientation=6 if upright else 1,
                              taken=_exif_date(fields.get("date"))))
        if index % 2 == 0:
            shots.append(DemoShot(item_id, kind, seed + index * 10 + 1, CLOSE_UP_SIZE,
                                  label=title, file_format="PNG"))
    return shots


def synthetic_shots(items: Sequence[tuple[int, str]], seed: int) -> list[DemoShot]:
    """One modest photo per synthetic item (kind given), every seventh held upright.

    Drawing costs far more than importing, so synthetic items share a few drawings per kind;
    the store keeps each distinct file once, as it would for a user's duplicates.
    """
    return [DemoShot(item_id, kind, seed + item_id % VARIANTS_PER_KIND, SYNTHETIC_SIZE,
                     number=7 + item_id % VARIANTS_PER_KIND,
                     orientation=6 if item_id % 7 == 0 else 1)
            for item_id, kind in items]


def import_demo_shots(catalogue: Catalogue, shots: Sequence[DemoShot], *,
                      progress: Callable[[int, int], None] | None = None) -> Changes:
    """Draw each distinct shot once into a temporary folder and import them in batches."""
    changes = Changes()
    drawn: dict[DemoShot, Path] = {}
    with tempfile.TemporaryDirectory(prefix="museum-demo-") as folder, \
            ThreadPoolExecutor(max_workers=2, thread_name_prefix="demo-art") as pool:
        for start in range(0, len(shots), BATCH):
            batch = shots[start:start + BATCH]
            fresh = list(dict.fromkeys(_drawing(shot) for shot in batch if _drawing(shot)
                                       not in drawn))
            # Number the files before any worker runs: `drawn` grows while the results arrive.
            numbers = range(len(drawn), len(drawn) + len(fresh))
            paths = list(pool.map(_render, fresh, [Path(folder)] * len(fresh), numbers))
            drawn.update(zip(fresh, paths))
            report = import_into_items(catalogue, entries=[
                (shot.item_id, drawn[_drawing(shot)]) for shot in batch])
            if report.failures:  # our own drawings: only the disk (full, failing) can refuse them
                raise PhotoError(f"The demo's photos could not be added: {report.failures[0][1]}")
            changes |= report.changes
            if progress is not None:
                progress(min(start + BATCH, len(shots)), len(shots))
    return changes


def _drawing(shot: DemoShot) -> DemoShot:
    return replace(shot, item_id=0)  # what is drawn does not depend on whose photo it is


def _render(shot: DemoShot, folder: Path, number: int) -> Path:
    from museum.core.demo_art import draw_item_photo

    picture = draw_item_photo(kind=shot.kind, seed=shot.seed, size=shot.size, label=shot.label,
                              number=shot.number)
    exif = Image.Exif()
    if shot.orientation == 6:
        picture = picture.transpose(Image.Transpose.ROTATE_90)  # the viewer turns it back
        exif[_ORIENTATION_TAG] = 6
    if shot.taken:
        exif.get_ifd(_EXIF_IFD)[0x9003] = shot.taken
    extension = "png" if shot.file_format == "PNG" else "jpg"
    path = folder / f"IMG_{number:06d}.{extension}"
    if shot.file_format == "PNG":
        picture.save(path, "PNG", compress_level=1)
    else:
        picture.convert("RGB").save(path, "JPEG", quality=88, exif=exif)
    return path


def _exif_date(date: str | None) -> str | None:
    if not date or len(date) != 10:
        return None
    return date.replace("-", ":") + " 19:30:00"
