"""The home dashboard (首页): the township at a glance, the first screen after sign-in.

Every figure comes from ``app.stats.figures`` (the same as the statistics
PDF, the .xlsx and ``credit-desk stats``). The page paints at once from the
last figures kept in the register (``stats_cache``) and recomputes them on
the background lane when the journal has moved since; the UI thread only
reads one row and draws. Tiles and village bars open the list behind them.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFrame, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
                               QTableView, QVBoxLayout, QWidget)

from app.stats import figures as stats
from app.units import format_yuan
from ui.charts import BAD, GOOD, INK, MUTED, WARN, VillageBars
from ui.context import UiContext
from ui.operations import BackgroundOp, WriteOp
from ui.rows_model import RowsTableModel
from ui.sizing import fit_to_screen

SERIES = ("#2f6f9f", "#2f8f4e", "#c7772b", "#8e5ba8", "#b23b3b", "#8a9bb0")


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


def _fit(view: QTableView, sample: int = 40, widest: int = 260) -> None:
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    for column, (title, cell) in enumerate(zip(model.headers, model.cells)):
        texts = [title] + [str(cell(r) or "") for r in model.rows[:sample]]
        width = max(metrics.horizontalAdvance(t) for t in texts) + 16
        header.resizeSection(column, min(width, widest))


class Tile(QFrame):
    """One figure with its name and a note; a click opens what lies behind it."""

    clicked = Signal()

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#tile { background: white; border: 1px solid #d5dde6; "
                           "border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        self.title = QLabel(title)
        self.title.setStyleSheet(f"color: {MUTED};")
        self.value = QLabel("—")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.7)
        big.setBold(True)
        self.value.setFont(big)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED};")
        for widget in (self.title, self.value, self.note):
            layout.addWidget(widget)

    def set(self, value: str, note: str = "", tone: str | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {tone or INK};")
        self.note.setText(note)

    def set_clickable(self, clickable: bool) -> None:
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable
                       else Qt.CursorShape.ArrowCursor)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class GradeMix(QWidget):
    """Rated households by grade, and those rated but not credit households, as one bar."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.parts: list[tuple[str, int]] = []
        self.setMinimumHeight(110)

    def set_data(self, parts: list[tuple[str, int]]) -> None:
        self.parts = parts
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(10, 2, self.width() - 20, 18), int(Qt.AlignmentFlag.AlignLeft),
                         self.tr("Grade mix of rated households"))
        total = sum(n for _, n in self.parts)
        x, width = 10.0, max(1, self.width() - 20)
        if total:
            for index, (name, n) in enumerate(self.parts):
                w = width * n / total
                painter.fillRect(QRectF(x, 26, w, 28), QColor(SERIES[index % len(SERIES)]))
                x += w
        legend_x = 10.0
        for index, (name, n) in enumerate(self.parts):
            painter.fillRect(QRectF(legend_x, 66, 12, 12), QColor(SERIES[index % len(SERIES)]))
            painter.setPen(QColor(INK))
            text = f"{name} {n}"
            painter.drawText(QRectF(legend_x + 16, 62, 200, 20), int(Qt.AlignmentFlag.AlignLeft),
                             text)
            legend_x += 24 + painter.fontMetrics().horizontalAdvance(text)
        painter.end()


class Trend(QWidget):
    """Records entered and letters signed per month, the last twelve months."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.months: list[dict[str, Any]] = []
        self.setMinimumHeight(200)

    def set_data(self, months: list[dict[str, Any]]) -> None:
        self.months = months
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        left, top, right, bottom = 36, 24, 10, 40
        width, height = max(1, self.width() - left - right), max(1, self.height() - top - bottom)
        painter.setPen(QColor(INK))
        painter.drawText(QRectF(left, 2, width, 18), int(Qt.AlignmentFlag.AlignLeft),
                         self.tr("Per month: records entered (blue), letters signed (green)"))
        peak = max([1] + [max(m["records_entered"], m["letters_signed"]) for m in self.months])
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(0, top - 8, left - 4, 16), int(Qt.AlignmentFlag.AlignRight), str(peak))
        painter.drawLine(left, top + height, left + width, top + height)
        n = len(self.months)
        if n:
            slot = width / n
            bar = max(1.0, slot * 0.35)
            for index, m in enumerate(self.months):
                x = left + slot * index + slot * 0.12
                for offset, (key, colour) in enumerate((("records_entered", SERIES[0]),
                                                        ("letters_signed", SERIES[1]))):
                    h = height * m[key] / peak
                    painter.fillRect(QRectF(x + offset * bar, top + height - h, bar, h),
                                     QColor(colour))
                painter.setPen(QColor(MUTED))
                painter.drawText(QRectF(left + slot * index, top + height + 4, slot, 16),
                                 int(Qt.AlignmentFlag.AlignHCenter), m["month"][5:])
        painter.end()


class ListDialog(QDialog):
    """The rows behind a figure."""

    def __init__(self, title: str, columns: list[tuple[str, Callable[[Any], Any]]],
                 rows: list[Any], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 820, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{n} rows").format(n=len(rows))))
        self.model = RowsTableModel.of(columns, self)
        self.model.row_numbers = True
        self.model.set_rows(rows)
        view = QTableView()
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DashboardPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.ctx = ctx
        self.figures: dict[str, Any] | None = None
        self.current = False
        self.refreshing = False
        self._dialog: QDialog | None = None
        # The window closing stops the lanes; figures computed meanwhile are
        # shown but no longer kept (the write lane is gone).
        self._stopping = False
        ctx.ops.stopping.connect(self._on_stopping)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        body.setStyleSheet("QWidget#dashboard-body { background: #f3f6f9; }")
        body.setObjectName("dashboard-body")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        head = QHBoxLayout()
        self.heading = QLabel(self.tr("The township at a glance"))
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.state = QLabel(self.tr("Computing the figures…"))
        self.state.setStyleSheet(f"color: {MUTED};")
        self.refresh_button = QPushButton(self.tr("Recompute"))
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.state)
        head.addWidget(self.refresh_button)
        layout.addLayout(head)

        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        specs = [
            ("households", self.tr("Households on file")), ("rated", self.tr("Rated")),
            ("credit", self.tr("Credit households")), ("villages", self.tr("Credit villages")),
            ("loans", self.tr("Loan balance")), ("on_time", self.tr("On-time repayment")),
            ("npl", self.tr("Non-performing ratio")),
            ("letters", self.tr("Commitment letters")), ("records", self.tr("Credit records")),
            ("lists", self.tr("List entries")), ("objections", self.tr("Open objections")),
            ("repairs", self.tr("Repairs waiting")), ("sync", self.tr("County sync")),
            ("upload", self.tr("Upload rate (上报率)")),
            ("compliance", self.tr("Compliance rate (合规率)")),
            ("timeliness", self.tr("Timeliness rate (及时率)")),
            ("codes", self.tr("Wrong codes per 10,000 (重错码率)")),
            ("organizations", self.tr("Organizations by supervision class")),
        ]
        for index, (key, title) in enumerate(specs):
            tile = Tile(title)
            tile.clicked.connect(lambda key=key: self.open_behind(key))
            self.tiles[key] = tile
            grid.addWidget(tile, index // 7, index % 7)
        layout.addLayout(grid)

        charts = QHBoxLayout()
        self.bars = VillageBars()
        self.bars.village_clicked.connect(self.open_village)
        right = QVBoxLayout()
        self.mix = GradeMix()
        self.trend = Trend()
        right.addWidget(self.mix)
        right.addWidget(self.trend)
        charts.addWidget(self.bars, 3)
        charts.addLayout(right, 2)
        layout.addLayout(charts)

        tables = QHBoxLayout()
        self.village_model = RowsTableModel.of(self._village_columns(), self)
        self.village_view = self._table(self.village_model)
        self.village_view.doubleClicked.connect(lambda index: self.open_village(index.row()))
        self.cases_model = RowsTableModel.of(self._case_columns(), self)
        self.cases_model.background = lambda row: QColor("#f8dcdc") if row.get("overdue") else None
        self.cases_view = self._table(self.cases_model)
        villages_box = QVBoxLayout()
        villages_box.addWidget(QLabel(self.tr("Villages (double-click for the figures behind)")))
        villages_box.addWidget(self.village_view)
        cases_box = QVBoxLayout()
        cases_box.addWidget(QLabel(self.tr("Open objections and repairs, overdue first")))
        cases_box.addWidget(self.cases_view)
        tables.addLayout(villages_box, 3)
        tables.addLayout(cases_box, 2)
        layout.addLayout(tables, 1)

        self.load_cached()

    @staticmethod
    def _table(model: RowsTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        # Fitted once per reset from the text (ResizeToContents asks the model
        # for every cell at every layout, which costs the first paint dearly).
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(lambda: _fit(view))
        view.verticalHeader().setDefaultSectionSize(22)
        view.setMinimumHeight(220)
        return view

    def _village_columns(self):
        yes, no = self.tr("yes"), self.tr("no")
        return [(self.tr("Village"), lambda v: v["village_name"]),
                (self.tr("Households"), lambda v: v["households"]),
                (self.tr("Rated"), lambda v: v["rated"]),
                (self.tr("Credit share"), lambda v: percent(v["credit_share"])),
                (self.tr("On-time"), lambda v: percent(v["on_time_rate"])),
                (self.tr("NPL"), lambda v: percent(v["npl_ratio"])),
                (self.tr("Loan balance (yuan)"), lambda v: format_yuan(v["loan_balance_fen"])),
                (self.tr("Letters signed"), lambda v: v["letters_signed"]),
                (self.tr("Letters outstanding"), lambda v: v["letters_outstanding"]),
                (self.tr("Credit village"), lambda v: yes if v["is_credit_village"] else no)]

    def _case_columns(self):
        return [(self.tr("Kind"), lambda r: r["kind"]),
                (self.tr("Subject"), lambda r: r.get("subject_name") or ""),
                (self.tr("Record"), lambda r: r.get("title") or ""),
                (self.tr("Deadline"), lambda r: r.get("deadline") or ""),
                (self.tr("Days left"), lambda r: "" if r.get("days_left") is None
                 else r["days_left"])]

    # -- figures
    def load_cached(self) -> None:
        """Paint from the kept figures (one row read); recompute in the background if stale."""
        cached, current = stats.cached(self.ctx.ui_db, self.ctx.operator_id)
        if cached is not None:
            self.show_figures(cached, current)
        if not current:
            self.refresh()

    def refresh(self) -> None:
        if self.refreshing:
            return
        self.refreshing = True
        self.refresh_button.setEnabled(False)
        self.state.setText(self.tr("Computing the figures…"))
        (BackgroundOp(self, stats.dashboard_figures, self.ctx.operator_id)
         .success(self._computed).finally_(self._done).run(self.ctx.ops))

    def _on_stopping(self) -> None:
        self._stopping = True

    def _computed(self, result) -> None:
        figures, position = result
        self.show_figures(figures, True)
        if not self._stopping:
            WriteOp(self, stats.store_cache, self.ctx.operator_id, figures,
                    position).run(self.ctx.ops)

    def _done(self) -> None:
        self.refreshing = False
        self.refresh_button.setEnabled(True)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        if self.figures is not None and not self.refreshing:
            if stats.journal_position(self.ctx.ui_db) != self._position_seen():
                self.refresh()

    def _position_seen(self) -> int | None:
        row = self.ctx.ui_db.execute("SELECT journal_seq FROM stats_cache WHERE key = ?",
                                     [stats.cache_key(self.ctx.operator_id)]).fetchone()
        return row[0] if row else None

    def show_figures(self, figures: dict[str, Any], current: bool) -> None:
        self.figures, self.current = figures, current
        t, r = figures["township"], figures["rates"]
        criteria = (figures.get("criteria") or {}).get("credit_village", {})
        township_criteria = (figures.get("criteria") or {}).get("credit_township", {})
        name = t.get("township_name") or ""
        self.heading.setText(self.tr("{township} at a glance").format(township=name) if name
                             else self.tr("The township at a glance"))
        self.state.setText(self.tr("Figures of {at}").format(at=figures["computed_at"][:16].replace("T", " "))
                           + ("" if current else self.tr(" (updating…)")))
        share_need = criteria.get("min_credit_share")
        self.tiles["households"].set(f"{t['households']:,}", self.tr("{n} villages").format(n=t["villages"]))
        self.tiles["rated"].set(f"{t['rated']:,}", percent(t["rated"] / t["households"]) if t["households"] else "")
        self.tiles["credit"].set(
            percent(t["credit_share"]),
            self.tr("{n} households; threshold {need}").format(
                n=f"{t['credit_households']:,}", need=percent(share_need)),
            GOOD if share_need is not None and t["credit_share"] >= share_need else WARN)
        self.tiles["villages"].set(
            f"{t['credit_villages']}/{t['villages']}",
            self.tr("credit township: yes") if t["is_credit_township"] else
            self.tr("credit township: not yet"), GOOD if t["is_credit_township"] else WARN)
        self.tiles["loans"].set(format_yuan(t["loan_balance_fen"]),
                                self.tr("yuan; {n} borrowing households").format(n=f"{t['borrowing']:,}"))
        on_need = township_criteria.get("min_on_time_rate")
        self.tiles["on_time"].set(percent(t["on_time_rate"]),
                                  self.tr("need ≥ {need}").format(need=percent(on_need)),
                                  GOOD if on_need is None or t["on_time_rate"] >= on_need else BAD)
        npl_max = township_criteria.get("max_npl_ratio")
        self.tiles["npl"].set(percent(t["npl_ratio"]),
                              self.tr("allowed ≤ {most}").format(most=percent(npl_max)),
                              GOOD if npl_max is None or t["npl_ratio"] <= npl_max else BAD)
        letters = figures["letters"]
        self.tiles["letters"].set(
            f"{letters['signed']:,}",
            self.tr("signed; {printed} printed, {out} outstanding").format(
                printed=f"{letters['printed'] + letters['signed']:,}", out=f"{letters['outstanding']:,}"))
        rec = figures["records"]
        self.tiles["records"].set(f"{rec['total']:,}", self.tr(
            "positive {p}, negative {n}, neutral {z}").format(p=rec["positive"], n=rec["negative"],
                                                              z=rec["neutral"]))
        lists = rec["list_entries"]
        self.tiles["lists"].set(str(sum(lists.values())), self.tr(
            "red {red}, black {black}, court defaulters {court}").format(
            red=lists["red_list"], black=lists["black_list"], court=lists["dishonest_judgment_debtor"]))
        cases = figures["cases"]
        self.tiles["objections"].set(
            str(cases["objections_open"]),
            self.tr("{n} overdue").format(n=cases["objections_overdue"]),
            BAD if cases["objections_overdue"] else None)
        self.tiles["repairs"].set(str(cases["repairs_pending"]), self.tr("waiting for a decision"))
        sync = figures["sync"]
        self.tiles["sync"].set(
            f"{sync['pending_changes']:,}",
            self.tr("changes waiting; last acknowledged {at}").format(
                at=(sync["last_acknowledged_at"] or self.tr("never"))[:10]),
            WARN if sync["pending_changes"] else GOOD)
        days = r["timeliness_days"]
        self.tiles["upload"].set(percent(r["upload_rate"]),
                                 self.tr("{a} of {b} decisions").format(a=r["uploaded"], b=r["decisions"]))
        self.tiles["compliance"].set(percent(r["compliance_rate"]),
                                     self.tr("{a} of {b} uploaded").format(a=r["compliant"], b=r["uploaded"]))
        self.tiles["timeliness"].set(percent(r["timeliness_rate"]),
                                     self.tr("within {n} days: {a} of {b}").format(
                                         n=days, a=r["on_time"], b=r["uploaded"]))
        codes = r["wrong_code_per_10000"]
        target = r["wrong_code_target_per_10000"]
        self.tiles["codes"].set("—" if codes is None else f"{codes:.2f}",
                                self.tr("{n} subjects; target < {target}").format(
                                    n=r["wrong_code_subjects"], target=f"{target:g}"),
                                GOOD if codes is None or codes < target else BAD)
        orgs = figures.get("organizations") or {}
        classes = orgs.get("classes") or {}
        self.tiles["organizations"].set(
            f"{orgs.get('rated', 0):,}",
            "、".join(f"{c} {n}" for c, n in classes.items()) or self.tr("not rated in this campaign"),
            BAD if classes.get("D") else None)
        for key, tile in self.tiles.items():
            tile.set_clickable(key in self._behind())
        self.bars.set_data(figures["villages"], share_need)
        grades = t.get("grades") or {}
        self.mix.set_data([*grades.items(),
                           (self.tr("not credit"), max(0, t["rated"] - t["credit_households"]))])
        self.trend.set_data(figures["trend"])
        self.village_model.set_rows(figures["villages"])
        self.cases_model.set_rows(self._cases(figures))

    def _cases(self, figures) -> list[dict[str, Any]]:
        cases = figures["cases"]
        objections = [{**o, "kind": self.tr("Objection")} for o in cases["objections"]]
        objections.sort(key=lambda o: (not o["overdue"], o["deadline"]))
        repairs = [{**a, "kind": self.tr("Repair"), "deadline": "", "days_left": None}
                   for a in cases["repairs"]]
        return objections + repairs

    # -- what lies behind a figure
    def _behind(self) -> dict[str, Callable[[], None]]:
        d = (self.figures or {}).get("drill_down", {})
        record = [(self.tr("Decision date"), lambda r: r["decision_date"]),
                  (self.tr("Document number"), lambda r: r.get("document_number") or ""),
                  (self.tr("Title"), lambda r: r["title"]),
                  (self.tr("Entered"), lambda r: r["entered_on"]),
                  (self.tr("Due"), lambda r: r["due_on"]),
                  (self.tr("Uploaded"), lambda r: r.get("uploaded_on") or "")]
        reasons = {"check_character": self.tr("check character"),
                   "unknown_area": self.tr("unknown area code"),
                   "duplicate": self.tr("duplicate"), "uscc_override": self.tr("USCC override")}
        names = {v["village_id"]: v["village_name"] for v in (self.figures or {}).get("villages", [])}
        return {
            "upload": lambda: self._list(self.tr("Decisions not yet uploaded"), record,
                                         d.get("not_uploaded", [])),
            "compliance": lambda: self._list(
                self.tr("Uploaded records failing the county's field rules"),
                record + [(self.tr("Problems"), lambda r: ", ".join(r["problems"]))],
                d.get("non_compliant", [])),
            "timeliness": lambda: self._list(
                self.tr("Records uploaded late"),
                record + [(self.tr("Days late"), lambda r: r["days_late"])], d.get("late", [])),
            "codes": lambda: self._list(
                self.tr("Subjects with a duplicate or wrong code"),
                [(self.tr("Name"), lambda r: r["name"]),
                 (self.tr("Village"), lambda r: names.get(r["village_id"], "")),
                 (self.tr("Why"), lambda r: ", ".join(reasons.get(x, x) for x in r["reasons"]))],
                d.get("wrong_codes", [])),
            "objections": lambda: self.cases_view.setFocus(),
            "repairs": lambda: self.cases_view.setFocus(),
            "sync": lambda: self._go("sync"),
            "letters": lambda: self._go("letters"),
            "records": lambda: self._go("records"),
            "lists": lambda: self._go("records"),
            "credit": lambda: self._go("rating"),
            "villages": lambda: self._go("rating"),
            "rated": lambda: self._go("rating"),
            "households": lambda: self._go("register"),
        }

    def open_behind(self, key: str) -> None:
        action = self._behind().get(key)
        if action is not None and self.figures is not None:
            action()

    def _go(self, area: str) -> None:
        window = self.window()
        if hasattr(window, "show_area"):
            window.show_area(area)

    def _list(self, title: str, columns, rows) -> None:
        self._dialog = ListDialog(title, columns, rows, self)
        self._dialog.open()

    def open_village(self, index: int) -> None:
        if self.figures is None or not 0 <= index < len(self.figures["villages"]):
            return
        v = self.figures["villages"][index]
        rows = [(self.tr("Households on file"), v["households"]), (self.tr("Rated"), v["rated"]),
                *[(grade, n) for grade, n in v["grades"].items()],
                (self.tr("Credit households"), v["credit_households"]),
                (self.tr("Credit share"), percent(v["credit_share"])),
                (self.tr("Borrowing households"), v["borrowing"]),
                (self.tr("On-time rate"), percent(v["on_time_rate"])),
                (self.tr("Loan balance (yuan)"), format_yuan(v["loan_balance_fen"])),
                (self.tr("Overdue (yuan)"), format_yuan(v["overdue_fen"])),
                (self.tr("NPL ratio"), percent(v["npl_ratio"])),
                (self.tr("Letters printed, not signed"), v["letters_outstanding"]),
                (self.tr("Letters signed"), v["letters_signed"]),
                (self.tr("Credit village"), self.tr("yes") if v["is_credit_village"] else self.tr("no"))]
        self._list(v["village_name"], [(self.tr("Figure"), lambda r: r[0]),
                                       (self.tr("Value"), lambda r: r[1])], rows)
