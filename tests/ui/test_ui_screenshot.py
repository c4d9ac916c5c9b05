"""``credit-desk screenshot`` draws a view of the demo register into a real PNG."""

from __future__ import annotations

from PySide6.QtGui import QImage


def _distinct_colours(path, step: int = 7) -> int:
    image = QImage(str(path))
    assert not image.isNull()
    colours = {image.pixel(x, y) for x in range(0, image.width(), step)
               for y in range(0, image.height(), step)}
    return len(colours)


def test_screenshot_of_the_household_list(cli, demo_data, tmp_path, qapp):
    out = tmp_path / "h.png"
    backups = sorted(demo_data.backups.glob("register-*"))
    result = cli("screenshot", "--view", "households", "-o", str(out), "--size", "1000x700",
                 data=demo_data)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1000, 700)
    assert _distinct_colours(out) > 20  # text, table lines, navigation: not a blank image
    # Drawing a picture is no working session: it leaves no backup behind.
    assert sorted(demo_data.backups.glob("register-*")) == backups


def test_screenshot_needs_a_register_and_a_size(cli, data, tmp_path):
    result = cli("screenshot", "--view", "households", "-o", str(tmp_path / "x.png"), data=data)
    assert result.returncode == 2
    assert "还没有登记册" in result.stderr
    result = cli("screenshot", "--view", "welcome", "-o", str(tmp_path / "w.png"),
                 "--size", "huge", data=data)
    assert result.returncode == 2 and "宽x高" in result.stderr


def test_screenshot_renders_in_process(demo_data, tmp_path, qapp):
    from ui.screenshot import render

    for view in ("household-detail", "organizations", "settings", "rating"):
        out = render(demo_data, view, tmp_path / f"{view}.png", (900, 600))
        assert _distinct_colours(out) > 5, view


def test_a_screenshot_is_drawn_as_the_signed_in_user_sees_it(cli, demo_data, tmp_path, qapp):
    """The status bar names who the picture was drawn for, not the built-in account."""
    strips = {}
    for user in ("admin", "viewer"):
        out = tmp_path / f"{user}.png"
        cli("screenshot", "--view", "settings", "-o", str(out), "--size", "900x600",
            data=demo_data, env={"CREDIT_DESK_USER": user, "CREDIT_DESK_PASSWORD": "demo2026"},
            check=True)
        image = QImage(str(out))
        bottom = image.height()  # the window may grow past the size asked to fit the page
        strips[user] = [image.pixel(x, y) for x in range(0, 300)
                        for y in range(bottom - 22, bottom)]
    assert strips["admin"] != strips["viewer"]
