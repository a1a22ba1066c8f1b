"""`museum photo ...`, `museum add --photo` and demo photos, run in-process on real files."""

from __future__ import annotations

import json
import os

import pytest

from tests.photo_samples import quadrants, write

LIST_KEYS = {"id", "item_id", "position", "primary", "caption", "filename", "format", "width",
             "height", "bytes", "sha256", "taken_at"}


def listed(run, item_id: int) -> list[dict]:
    code, out, _ = run("photo", "list", item_id, "--json")
    assert code == 0
    return json.loads(out)


def test_add_with_photos_keeps_the_item_and_reports_each_failure(run, tmp_path):
    good = write(tmp_path / "front.jpg", quality=90)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    code, out, err = run("add", "--title", "Medal", "--kind", "medal", "--photo", good,
                         "--photo", bad, "--photo", tmp_path / "gone.png")
    assert code == 2
    item_id = int(out.strip())
    lines = err.strip().splitlines()
    assert lines == ["museum: notes.jpg is not a photo Museum can read; it accepts JPEG, PNG, "
                     "WebP, TIFF, BMP, GIF or HEIC.",
                     f"museum: {tmp_path / 'gone.png'} does not exist."]
    [photo] = listed(run, item_id)
    assert set(photo) == LIST_KEYS
    assert (photo["filename"], photo["format"], photo["width"], photo["height"],
            photo["position"], photo["primary"]) == ("front.jpg", "JPEG", 400, 300, 1, True)


def test_add_with_good_photos_exits_zero_and_prints_only_the_id(run, tmp_path):
    code, out, err = run("add", "--title", "Ball", "--kind", "ball",
                         "--photo", write(tmp_path / "a.png"))
    assert (code, err) == (0, "") and out.strip().isdigit()


def test_photo_commands_order_primary_caption_and_remove(run, tmp_path):
    item_id = int(run("add", "--title", "Shirt", "--kind", "shirt")[1])
    files = [write(tmp_path / f"s{n}.png", quadrants(300 + n, 200)) for n in range(3)]
    code, out, _ = run("photo", "add", item_id, *files)
    assert code == 0 and "Added 3 photos" in out
    a, b, c = (photo["id"] for photo in listed(run, item_id))
    assert run("photo", "move", c, 1)[0] == 0
    assert run("photo", "primary", b)[0] == 0
    assert run("photo", "caption", b, "Signed on the back")[0] == 0
    photos = listed(run, item_id)
    assert [(p["id"], p["position"], p["primary"]) for p in photos] == \
        [(c, 1, False), (a, 2, False), (b, 3, True)]
    assert photos[2]["caption"] == "Signed on the back"
    code, out, _ = run("photo", "list", item_id)
    assert "primary" in out and "Signed on the back" in out and "3 photos" in out
    assert run("photo", "remove", b)[0] == 0
    assert [(p["id"], p["primary"]) for p in listed(run, item_id)] == [(c, True), (a, False)]


def test_photo_add_of_a_duplicate_is_skipped_not_failed(run, tmp_path):
    item_id = int(run("add", "--title", "Cap", "--kind", "cap")[1])
    source = write(tmp_path / "cap.jpg")
    run("photo", "add", item_id, source)
    code, out, err = run("photo", "add", item_id, source)
    assert code == 0 and "Added 0 photos" in out and "already a photo" in err
    assert len(listed(run, item_id)) == 1


@pytest.mark.parametrize("args, message", [
    (("photo", "list", "99"), "There is no item with id 99."),
    (("photo", "remove", "99"), "There is no photo with id 99."),
    (("photo", "primary", "99"), "There is no photo with id 99."),
    (("photo", "caption", "99", "x"), "There is no photo with id 99."),
    (("photo", "move", "99", "1"), "There is no photo with id 99."),
    (("photo", "add", "99", "x.jpg"), "There is no item with id 99."),
])
def test_bad_ids_are_one_sentence_and_exit_2(run, args, message):
    code, _, err = run(*args)
    assert code == 2 and err.strip() == f"museum: {message}"


def test_demo_draws_photos_for_every_item_and_can_skip_them(run, tmp_path):
    code, out, _ = run("demo", "--items", "3")
    assert code == 0 and "10 items" in out
    items = json.loads(run("list", "--json")[1])
    assert all(item["photo_count"] >= 1 and item["primary_photo_id"] for item in items)
    all_photos = [photo for item in items for photo in listed(run, item["id"])]
    assert {"JPEG", "PNG"} <= {photo["format"] for photo in all_photos}
    assert any((p["width"], p["height"]) == (3000, 4000) for p in all_photos)  # EXIF-turned
    assert any((p["width"], p["height"]) == (4000, 3000) for p in all_photos)
    bare = tmp_path / "bare"
    code, _out, _ = run("--catalogue", bare, "demo", "--items", "3", "--no-photos")
    assert code == 0
    assert not any(path.is_file() for path in (bare / "photos").rglob("*"))


def test_a_file_name_that_is_not_utf8_does_not_sink_the_other_photos(run, tmp_path):
    item_id = int(run("add", "--title", "Shirt", "--kind", "shirt")[1])
    files = [write(tmp_path / f"s{n}.png", quadrants(300 + n, 200)) for n in range(3)]
    odd = write(tmp_path / os.fsdecode(b"caf\xe9-\xff.jpg"), quadrants(320, 200))
    code, out, err = run("photo", "add", item_id, *files[:2], odd, files[2])
    assert (code, err) == (0, ""), err
    assert "Added 4 photos" in out
    names = [photo["filename"] for photo in listed(run, item_id)]
    assert names == ["s0.png", "s1.png", "caf\ufffd-\ufffd.jpg", "s2.png"]
    code, out, _ = run("photo", "list", item_id)
    assert code == 0 and "4 photos" in out
    code, out, _ = run("check")
    assert code == 0 and "not used by any photo record" not in out
    not_a_photo = tmp_path / os.fsdecode(b"notes-\xff.jpg")
    not_a_photo.write_text("not a photo")
    code, _out, err = run("photo", "add", item_id, not_a_photo)
    assert code == 2 and err.startswith("museum: notes-\ufffd.jpg is not a photo")
