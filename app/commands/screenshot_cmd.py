"""``credit-desk screenshot``: draw a view of the app offscreen into a PNG.

Qt is imported inside the handler only, so the rest of the CLI starts
without it (tests/test_layering.py checks this).
"""

from __future__ import annotations

import re
from pathlib import Path

from app import keystore
from app.errors import UserError
from app.i18n import translate
from app.paths import DataDir

VIEWS = ("households", "organizations", "household-detail", "organization-detail", "welcome",
         "login",
         "home", "places", "rating", "letters", "records", "excel", "sync", "settings")


def register(sub) -> None:
    shot = sub.add_parser("screenshot", help=translate(
        "CLI", "save a picture of a view of the app (drawn offscreen) as PNG"))
    shot.add_argument("--view", required=True, choices=VIEWS,
                      help=translate("CLI", "which view to draw"))
    shot.add_argument("-o", "--output", required=True, metavar="FILE.png",
                      help=translate("CLI", "where to save the picture"))
    shot.add_argument("--size", default="1280x800", metavar="WxH",
                      help=translate("CLI", "window size in pixels (default 1280x800)"))
    # Pictures for the manual: no user needed, except to unlock an encrypted register.
    shot.set_defaults(func=cmd_screenshot,
                      needs_user=lambda args, data: keystore.is_encrypted(data))


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text or "")
    if not match:
        raise UserError(translate("CLI", "Give the size as width x height, e.g. 1280x800."))
    width, height = int(match.group(1)), int(match.group(2))
    if not (200 <= width <= 8000 and 150 <= height <= 8000):
        raise UserError(translate("CLI", "The size must be between 200x150 and 8000x8000."))
    return width, height


def cmd_screenshot(args, data: DataDir) -> int:
    size = parse_size(args.size)
    if args.view != "welcome" and not data.exists():
        raise UserError(translate("CLI", "No register in {path}. Run 'credit-desk demo' first, "
                                         "or draw the welcome view.").format(path=data.root))
    from ui.screenshot import render  # Qt only when a picture is wanted

    # Drawn as the signed-in user sees it: their name, role and permitted actions.
    actor = getattr(args, "actor", None)
    out = render(data, args.view, Path(args.output), size,
                 operator_id=actor.id if actor is not None else None)
    print(translate("CLI", "Saved {path}").format(path=out))
    return 0
