from __future__ import annotations

from museum.core import room
from museum.gui.room.walls import plan_walls, split_in_order
from tests.gui.room_support import shown_room_page


def test_split_keeps_the_order_and_balances_the_walls():
    widths = [500, 500, 800, 300, 300, 300, 600, 500]
    runs = split_in_order(widths, 3, gap=100)
    assert [i for run in runs for i in run] == list(range(len(widths)))
    run_widths = [sum(widths[i] for i in run) + 100 * (len(run) - 1) for run in runs]
    assert max(run_widths) <= 1700  # 4800 + gaps over three walls, no wall much wider
    assert split_in_order(widths, 20, gap=100) == [[i] for i in range(len(widths))]


def test_a_wide_view_keeps_one_wall_and_a_square_one_stacks_several():
    few = [600.0] * 3
    assert plan_walls(few, gap=150, margin=260, band_height=1500, aspect=16 / 9) == [[0, 1, 2]]
    many = [600.0] * 12
    square = plan_walls(many, gap=150, margin=260, band_height=1500, aspect=1.4)
    assert 2 <= len(square) <= 4
    assert [i for run in square for i in run] == list(range(12))
    tall = plan_walls(many, gap=150, margin=260, band_height=1500, aspect=0.6)
    assert len(tall) > len(square)


def test_fit_all_fills_the_view_with_walls_in_cabinet_order(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue, width=1440, height=900)
    page.view.fit_all()
    viewport = page.view.viewport().rect()
    shown = page.view.mapFromScene(page.scene.room_rect()).boundingRect()
    # The room uses most of the screen in both directions, not a strip across the middle.
    assert shown.width() >= 0.85 * viewport.width()
    assert shown.height() >= 0.7 * viewport.height()
    order = [c.name for c in room.room_layout(demo_catalogue).cabinets]
    assert [name for run in page.scene.wall_runs for name in run] == order
    assert len(page.scene.wall_runs) > 1
    for run in page.scene.wall_runs:  # left to right along each wall, walls top to bottom
        xs = [page.scene.cabinets[name].pos().x() for name in run]
        assert xs == sorted(xs)
    tops = [page.scene.cabinets[run[0]].pos().y() for run in page.scene.wall_runs]
    assert tops == sorted(tops)


def test_a_narrow_window_hangs_more_walls(qtbot, demo_catalogue):
    page = shown_room_page(qtbot, demo_catalogue, width=1600, height=700)
    wide = len(page.scene.wall_runs)
    page.resize(700, 1000)
    qtbot.waitUntil(lambda: len(page.scene.wall_runs) > wide)
