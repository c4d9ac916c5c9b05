"""The ``credit-desk`` command line. With no command it starts the desktop app.

Feature areas add their commands as modules in ``app.commands`` (see
``COMMAND_MODULES`` there). User errors print a readable message and exit 2;
only bugs show a traceback.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__
from app.accounts.cli import add_signin_options, add_signin_options_everywhere, sign_in
from app.commands import COMMAND_MODULES
from app.errors import describe
from app.i18n import set_language, translate
from app.jobs import describe_running, running_job
from app.paths import DataDir, data_dir
from db.errors import DatabaseProblem, classify


def _argparse_speaks_our_language() -> None:
    """argparse's own words (usage, the option headings, its error messages) come
    from our catalogue too: argparse looks up its gettext function ``_`` when it
    needs a text, so pointing that at ``translate`` is enough."""
    argparse._ = lambda text: translate("argparse", text)
    argparse.ngettext = lambda one, many, n: translate("argparse", one if n == 1 else many)


def _argparse_texts() -> None:
    """Never called: names argparse's texts for the translation tool (pyside6-lupdate
    reads calls of translate in the source, not argparse's module)."""
    translate("argparse", "usage: ")
    translate("argparse", "options")
    translate("argparse", "positional arguments")
    translate("argparse", "show this help message and exit")
    translate("argparse", "the following arguments are required: %s")
    translate("argparse", "one of the arguments %s is required")
    translate("argparse", "argument %(argument_name)s: %(message)s")
    translate("argparse", "not allowed with argument %s")
    translate("argparse", "expected one argument")
    translate("argparse", "expected at least one argument")
    translate("argparse", "expected at most one argument")
    translate("argparse", "expected %s argument")
    translate("argparse", "expected %s arguments")
    translate("argparse", "invalid choice: %(value)r (choose from %(choices)s)")
    translate("argparse", "invalid %(type)s value: %(value)r")
    translate("argparse", "unrecognized arguments: %s")
    translate("argparse", "ambiguous option: %(option)s could match %(matches)s")
    translate("argparse", "ignored explicit argument %r")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors: usage + message, exit 2
        self.print_usage(sys.stderr)
        self.exit(2, translate("CLI", "error: {message}").format(message=message) + "\n")


def build_parser() -> argparse.ArgumentParser:
    _argparse_speaks_our_language()
    parser = _Parser(
        prog="credit-desk",
        description=translate("CLI", "Township Credit Desk: the rural credit register."),
    )
    parser.add_argument("--version", action="version", version=f"credit-desk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=translate("CLI", "folder of the register (default: the user data folder, "
                                              "or CREDIT_DESK_DATA_DIR)"))
    parser.add_argument("--demo", action="store_true",
                        help=translate("CLI", "start on the demo township register (built on first "
                                              "start) in the demo folder of the data directory"))
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None,
                        help=translate("CLI", "language of messages (default zh_CN)"))
    add_signin_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMAND_MODULES:
        module.register(sub)
    add_signin_options_everywhere(parser)
    return parser


def _console_utf8() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    _console_utf8()
    argv = sys.argv[1:] if argv is None else argv
    if "--lang" in argv:
        # Before parsing, so that help and argparse errors use the language.
        index = argv.index("--lang")
        if index + 1 < len(argv) and argv[index + 1] in ("zh_CN", "en"):
            set_language(argv[index + 1])
    parser = build_parser()
    args = parser.parse_args(argv)
    data = data_dir(args.data_dir)
    if args.demo:
        data = DataDir(data.root / "demo")
    try:
        if args.demo and not data.exists():
            from app.commands.register_cmds import build_demo_register

            build_demo_register(data, households=8000, seed=2026)
        if not args.command:
            from ui.app import run_gui  # Qt only when the window is wanted

            return run_gui(data, lang=args.lang)
        args.actor = sign_in(args, data)
        return args.func(args, data) or 0
    except KeyboardInterrupt:
        print(translate("CLI", "Interrupted."), file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - user errors become messages
        problem = exc if isinstance(exc, DatabaseProblem) else classify(exc)
        message = describe(problem or exc)
        if message is None:
            raise
        if problem is not None and problem.kind == DatabaseProblem.LOCKED:
            running = running_job(data.root)
            if running:
                message += " " + describe_running(running)
        print(translate("CLI", "error: {message}").format(message=message), file=sys.stderr)
        return 2
