"""Dialogs sized for their content: none opens smaller than its content needs (nothing
clipped), larger than the screen, or narrower than its own title."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication


def _dialogs(ctx, window):
    from app.letters.letter import get_letter
    from ui.about import AboutDialog
    from ui.accounts.admin import AccountsWindow
    from ui.errors import ErrorDialog, MessageDialog
    from ui.help import ManualWindow
    from ui.letters.dialogs import SignatureDialog, SignDialog
    from ui.places_page import VillageDialog
    from ui.records import dialogs as records
    from ui.subject_dialog import HouseholdDialog, OrganizationDialog

    db = ctx.ui_db
    household = db.execute("SELECT id FROM household LIMIT 1").fetchone()[0]
    organization = db.execute("SELECT id FROM organization LIMIT 1").fetchone()[0]
    letter = get_letter(db, db.execute("SELECT id FROM commitment_letter LIMIT 1").fetchone()[0])
    cursor = db.execute("SELECT * FROM credit_record WHERE polarity = 'negative' LIMIT 1")
    record = dict(zip([d[0] for d in cursor.description], cursor.fetchone()))
    return {
        "household": lambda: HouseholdDialog(ctx, household, window),
        "new household": lambda: HouseholdDialog(ctx, None, window),
        "organization": lambda: OrganizationDialog(ctx, organization, window),
        "about": lambda: AboutDialog(ctx.data, window),
        "accounts": lambda: AccountsWindow(ctx, window),
        "error": lambda: ErrorDialog("Traceback (most recent call last):\nValueError", window),
        "message": lambda: MessageDialog("磁盘已满：请清理后再试。", window),
        "manual": lambda: ManualWindow(window),
        "letter signed": lambda: SignDialog(letter, window),
        "signature": lambda: SignatureDialog(letter, window),
        "village": lambda: VillageDialog(ctx, window),
        "record": lambda: records.RecordDialog(ctx, window),
        "list entry": lambda: records.ListEntryDialog(ctx, window),
        "repair": lambda: records.RepairDialog(ctx, record, window),
        "objection": lambda: records.ObjectionDialog(ctx, record, window),
    }


def test_every_dialog_fits_its_content_and_the_screen(window, qtbot):
    screen = QGuiApplication.primaryScreen().availableGeometry()
    problems = []
    for name, make in _dialogs(window.ctx, window).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        size, least = dialog.size(), dialog.minimumSizeHint()
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        if size.width() < least.width() or size.height() < least.height():
            problems.append(f"{name}: {size.width()}×{size.height()} clips its content "
                            f"({least.width()}×{least.height()})")
        if size.width() > screen.width() or size.height() > screen.height():
            problems.append(f"{name}: {size.width()}×{size.height()} is larger than the screen")
        if size.width() < title + 60:
            problems.append(f"{name}: {size.width()} px cuts its title ({title} px)")
        dialog.close()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_the_manual_fits_the_screen(window):
    """It asks for 1040×760, more than a 1366×768 laptop shows under its taskbar."""
    from ui.help import ManualWindow

    manual = ManualWindow(window)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert manual.width() <= available.width() and manual.height() <= available.height()
