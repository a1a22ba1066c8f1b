from __future__ import annotations

import pytest
from PIL import ImageChops, ImageStat

from museum.core.demo_art import KINDS, draw_item_photo

EXPECTED_KINDS = {
    "medal", "trophy", "replica", "shirt", "boots", "ball", "cap", "pennant",
    "certificate", "ticket", "programme", "photograph", "other",
}  # fmt: skip
SIZE = (160, 120)


def _photo(kind: str, seed: int = 1, size: tuple[int, int] = SIZE):
    return draw_item_photo(kind=kind, seed=seed, size=size, label="Cup Final 1966", number=9)


def test_every_documented_kind_is_supported():
    assert set(KINDS) == EXPECTED_KINDS


@pytest.mark.parametrize("kind", sorted(EXPECTED_KINDS))
@pytest.mark.parametrize("size", [(160, 120), (90, 200), (1, 1)])
def test_each_kind_gives_an_rgb_image_of_the_requested_size(kind, size):
    image = _photo(kind, size=size)
    assert image.mode == "RGB"
    assert image.size == size


@pytest.mark.parametrize("kind", sorted(EXPECTED_KINDS))
def test_same_arguments_give_identical_bytes(kind):
    assert _photo(kind, seed=7).tobytes() == _photo(kind, seed=7).tobytes()


@pytest.mark.parametrize("kind", sorted(EXPECTED_KINDS))
def test_different_seeds_give_different_images(kind):
    assert _photo(kind, seed=1).tobytes() != _photo(kind, seed=2).tobytes()


def test_kinds_look_different_from_each_other():
    photos = {kind: _photo(kind, seed=3).convert("L") for kind in EXPECTED_KINDS}
    kinds = sorted(photos)
    for i, first in enumerate(kinds):
        for second in kinds[i + 1 :]:
            diff = ImageChops.difference(photos[first], photos[second])
            assert ImageStat.Stat(diff).mean[0] > 2, f"{first} and {second} look alike"


def test_unknown_kind_falls_back_to_the_generic_drawing():
    assert _photo("snow globe").tobytes() == _photo("other").tobytes()


def test_non_positive_size_is_rejected():
    with pytest.raises(ValueError):
        draw_item_photo(kind="medal", seed=1, size=(0, 10))
