"""Photo import: 100 camera-sized (12-megapixel) JPEGs, original stored + both thumbnails.

Each measurement runs in a fresh subprocess that reports its wall time, CPU time and peak RSS
(VmHWM, else ru_maxrss: tracemalloc does not see Pillow's C buffers). CPU time is the fairer
number on a shared machine, where a second thread only helps when a core is free. The naive baseline
does the same job the obvious way: copy the file, decode it in full, resize from the full image.
Target: at least 4x the naive throughput, peak memory under 400 MB.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from tests.benchmarks.timing import print_table

COUNT = 100
SIZE = (4000, 3000)
REPEATS = 3

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, source, target = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
paths = sorted(source.glob("*.jpg"))
from museum.core.catalogue import Catalogue
from museum.core.items import add_item
if mode == "naive":
    from tests.benchmarks.bench_photos import naive_import as run
else:
    import museum.core.photo_import as photo_import
    from museum.core.photos import import_photos
    photo_import.WORKERS = int(mode)
    def run(catalogue, item_id, paths):
        report = import_photos(catalogue, item_id=item_id, paths=paths)
        assert not report.failures and len(report.photo_ids) == len(paths), report.failures
with Catalogue.open(target, create=True) as catalogue:
    item_id = add_item(catalogue, fields={"kind": "medal", "title": "Bench"}).created_ids[0]
    started = time.perf_counter()
    run(catalogue, item_id, paths)
    seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
peak_mb = usage.ru_maxrss / 1024
try:  # VmHWM is this process's own peak; ru_maxrss may carry a parent's peak over exec
    status = Path("/proc/self/status").read_text()
    peak_mb = int(status.split("VmHWM:")[1].split()[0]) / 1024
except (OSError, IndexError, ValueError):
    pass
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_mb": peak_mb}))
"""


def naive_import(catalogue: object, item_id: int, paths: list[Path]) -> None:
    """The obvious way: store the original, decode it fully, resize each size from the full
    image."""
    from museum.core.atomic import atomic_write_bytes
    from museum.core.photo_paths import THUMBNAIL_SIZES, original_relpath, thumbnail_relpath
    import hashlib
    import io

    root = catalogue.root  # type: ignore[attr-defined]
    for path in paths:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        atomic_write_bytes(root / original_relpath(sha, "JPEG"), data)
        with Image.open(path) as image:
            image.load()
            for size, edge in THUMBNAIL_SIZES.items():
                copy = image.copy()
                copy.thumbnail((edge, edge), reducing_gap=None)
                buffer = io.BytesIO()
                copy.convert("RGB").save(buffer, "JPEG", quality=85)
                atomic_write_bytes(root / thumbnail_relpath(sha, size), buffer.getvalue())


def make_photos(folder: Path) -> None:
    """COUNT different camera-like JPEGs: smooth gradients, shapes and sensor-like noise."""
    rng = random.Random(12)
    base = Image.linear_gradient("L").resize(SIZE)
    noise = Image.effect_noise(SIZE, 30)  # 30 % sensor-like noise: about 4 MB a photo
    for number in range(COUNT):
        channels = [Image.blend(noise, base.rotate(rng.uniform(0, 360)), 0.7) for _ in "RGB"]
        picture = Image.merge("RGB", channels)
        draw = ImageDraw.Draw(picture)
        for _ in range(12):
            x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
            draw.ellipse((x, y, x + rng.randint(100, 900), y + rng.randint(100, 900)),
                         fill=tuple(rng.randrange(256) for _ in range(3)))
        exif = Image.Exif()
        exif[0x0112] = rng.choice((1, 1, 1, 6, 8))
        picture.save(folder / f"IMG_{number:04d}.jpg", quality=90, exif=exif)


def measure(mode: str, source: Path, scratch: Path) -> dict[str, float]:
    target = Path(tempfile.mkdtemp(dir=scratch))
    output = subprocess.run([sys.executable, "-c", _CHILD, mode, str(source), str(target)],
                            capture_output=True, text=True, check=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def run() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as folder:
        source, scratch = Path(folder, "source"), Path(folder, "scratch")
        source.mkdir()
        scratch.mkdir()
        # Generated in a child so that this process stays small (peak RSS survives exec).
        subprocess.run([sys.executable, "-c", "import sys, pathlib; from tests.benchmarks."
                        "bench_photos import make_photos; make_photos(pathlib.Path(sys.argv[1]))",
                        str(source)], check=True)
        megabytes = sum(path.stat().st_size for path in source.iterdir()) / COUNT / 1e6
        print(f"{COUNT} JPEGs of {SIZE[0]}x{SIZE[1]}, {megabytes:.1f} MB each on average")
        results = {mode: [measure(mode, source, scratch) for _ in range(REPEATS)]
                   for mode in ("naive", "1", "2")}
    naive = {key: statistics.median(run[key] for run in results["naive"])
             for key in ("seconds", "cpu")}
    rows = []
    for mode, label in (("naive", "naive: full decode, resize"),
                        ("1", "museum, 1 thread"), ("2", "museum, 2 threads")):
        seconds = statistics.median(run["seconds"] for run in results[mode])
        cpu = statistics.median(run["cpu"] for run in results[mode])
        peak = max(run["peak_mb"] for run in results[mode])
        rows.append((label, seconds, COUNT / seconds, naive["seconds"] / seconds,
                     1000 * cpu / COUNT, naive["cpu"] / cpu, peak))
    print_table(("import", "median s", "photos/s", "x naive", "CPU ms/photo", "x naive CPU",
                 "peak RSS MB"), rows)
