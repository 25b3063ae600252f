"""The Insights page: emotions over time, the mood calendar and the year in pixels, what goes
with mood, trends by week and month, the forecast and the week in review, as tabs.

Everything but the emotion chart comes from one `app.insights_report.build_report` call on a
worker (`reload`); `loaded` fires with the report when the page shows it. `clear()` forgets
all of it (on lock). Each chart has its words next to it and as its accessible description.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mindspace.app import AppServices
from mindspace.app.insights_report import InsightsReport, build_report
from mindspace.app.weekly_review import WeeklyReview, weekly_review
from mindspace.ui.announce import announce
from mindspace.ui.emotion_trends import EmotionTrends
from mindspace.ui.insight_charts import BacktestChart, ForestChart, TrendChart
from mindspace.ui.mood_calendar import MoodCalendar, YearPixels
from mindspace.ui.tasks import TaskRunner, default_runner, describe_error
from mindspace.ui.widgets import ID_ROLE, role_label

CORRELATION_INTRO = (
    "Each activity, emotion and night of 7 hours' sleep or more is compared on the days with it "
    "and the days without it, once there are at least 5 of each. The line is the 95 % interval "
    "of the difference in mood. False-discovery control at q = 0.10 keeps chance patterns out, "
    "so only factors marked * go clearly with your mood. These are your own observations: "
    "they show what goes with your mood, not what causes it."
)
CALENDAR_KEY = ("Each day with a check-in is coloured by its average mood, from Awful (red) to "
                "Great (blue); an empty outline is a day without one. Hover over a day, or use "
                "the arrow keys, to hear it.")


def _text(label: str = "", role: str = "", name: str = "") -> QLabel:
    widget = role_label(label, role)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        widget.setAccessibleName(name)
    return widget


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    return button


def _scrolling(inner: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(inner)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class InsightsScreen(QWidget):
    loaded = Signal(object)  # InsightsReport
    failed = Signal(str)
    review_shown = Signal(object)  # WeeklyReview (after moving to another week)
    entry_opened = Signal(str)  # the journal entry shown in the journal

    def __init__(self, services: AppServices, parent: QWidget | None = None,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner or default_runner()
        self.report: InsightsReport | None = None
        self._today: date | None = None
        self._request = 0
        self._review_request = 0
        self.review_weeks_back = 0  # 0: the week of today, 1: the week before, ...
        self.review: WeeklyReview | None = None
        self.setAccessibleName("Insights")
        self.tabs = QTabWidget()
        self.tabs.tabBar().setAccessibleName("Insights sections")
        self.emotions = EmotionTrends(services)
        self.tabs.addTab(self.emotions, "&Emotions")
        self.tabs.addTab(self._calendar_tab(), "&Calendar")
        self.tabs.addTab(self._year_tab(), "&Year in pixels")
        self.tabs.addTab(_scrolling(self._correlations_tab()), "What goes &with mood")
        self.tabs.addTab(self._trends_tab(), "&Trends")
        self.tabs.addTab(_scrolling(self._forecast_tab()), "&Forecast")
        self.tabs.addTab(_scrolling(self._review_tab()), "Week in &review")
        self.error_label = _text("", "error", "Insights error")
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs)

    # ---- tabs -----------------------------------------------------------------------------
    def _calendar_tab(self) -> QWidget:
        page = QWidget()
        self.streak_label = _text("", "", "Days noted")
        self.prev_month = _button("◀ Previous month", "Previous month")
        self.next_month = _button("Next month ▶", "Next month")
        self.month_title = _text("", "subheading", "Month shown")
        self.prev_month.clicked.connect(lambda: self.move_month(-1))
        self.next_month.clicked.connect(lambda: self.move_month(1))
        self.calendar = MoodCalendar()
        self.month_caption = _text("", "", "Month summary")
        row = QHBoxLayout()
        row.addWidget(self.prev_month)
        row.addWidget(self.month_title, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_month)
        layout = QVBoxLayout(page)
        layout.addWidget(self.streak_label)
        layout.addLayout(row)
        layout.addWidget(self.calendar, 1)
        layout.addWidget(self.month_caption)
        layout.addWidget(_text(CALENDAR_KEY, "small"))
        return page

    def _year_tab(self) -> QWidget:
        page = QWidget()
        self.prev_year = _button("◀ Previous year", "Previous year")
        self.next_year = _button("Next year ▶", "Next year")
        self.year_title = _text("", "subheading", "Year shown")
        self.prev_year.clicked.connect(lambda: self.move_year(-1))
        self.next_year.clicked.connect(lambda: self.move_year(1))
        self.pixels = YearPixels()
        self.year_caption = _text("", "", "Year summary")
        row = QHBoxLayout()
        row.addWidget(self.prev_year)
        row.addWidget(self.year_title, 1, Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.next_year)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.pixels, 1)
        layout.addWidget(self.year_caption)
        layout.addWidget(_text(CALENDAR_KEY, "small"))
        return page

    def _correlations_tab(self) -> QWidget:
        page = QWidget()
        self.forest = ForestChart()
        self.correlation_summary = _text("", "", "What goes with mood, in words")
        self.untested_label = _text("", "small", "Not compared yet")
        layout = QVBoxLayout(page)
        layout.addWidget(_text(CORRELATION_INTRO, "small"))
        layout.addWidget(self.forest, 1)
        layout.addWidget(self.correlation_summary)
        layout.addWidget(self.untested_label)
        return page

    def _trends_tab(self) -> QWidget:
        page = QWidget()
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Trend period")
        self.period_box.addItem("By week (last 12 weeks)", "week")
        self.period_box.addItem("By month (last 12 months)", "month")
        self.period_box.currentIndexChanged.connect(lambda _i: self._show_trends())
        label = QLabel("&Show:")
        label.setBuddy(self.period_box)
        self.trend_chart = TrendChart()
        self.trend_text = _text("", "", "Trends in words")
        self.helped_label = _text("", "", "What helped")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.period_box)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.trend_chart, 1)
        layout.addWidget(self.trend_text)
        layout.addWidget(role_label("What helped", "subheading"))
        layout.addWidget(self.helped_label)
        return page

    def _forecast_tab(self) -> QWidget:
        page = QWidget()
        self.mood_forecast = _text("", "", "Mood forecast")
        self.energy_forecast = _text("", "", "Energy forecast")
        self.backtest = BacktestChart()
        self.backtest.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(role_label("Tomorrow, as a guess", "subheading"))
        layout.addWidget(self.mood_forecast)
        layout.addWidget(self.energy_forecast)
        layout.addWidget(self.backtest, 1)
        layout.addWidget(_text(
            "The forecast is fitted on this device from your own days only. It is shown only "
            "when, tested day by day on your past, it was at least 10 % closer than both simple "
            "guesses (the day before, and your usual mood), over at least 28 days. It is a "
            "guess, not a prediction of how you must feel.", "small"))
        layout.addStretch(1)
        return page

    def _review_tab(self) -> QWidget:
        page = QWidget()
        self.prev_week = _button("◀ Earlier week", "Earlier week")
        self.next_week = _button("Later week ▶", "Later week")
        self.this_week = _button("This &week", "Back to this week")
        self.week_title = _text("", "subheading", "Week shown")
        self.prev_week.clicked.connect(lambda: self.move_week(1))
        self.next_week.clicked.connect(lambda: self.move_week(-1))
        self.this_week.clicked.connect(lambda: self.move_week(-self.review_weeks_back))
        self.review_numbers = _text("", "", "The week in numbers")
        self.reread_list = QListWidget()
        self.reread_list.setAccessibleName("Entries worth re-reading")
        self.reread_list.setAccessibleDescription(
            "Press Enter or click an entry to open it in the journal.")
        self.reread_list.itemClicked.connect(self._open_item)
        self.reread_list.itemActivated.connect(self._open_item)
        self.suggestion_label = _text("", "", "Suggestion for the week")
        self.reread_list.setWordWrap(True)
        self.reread_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = QHBoxLayout()
        row.addWidget(self.prev_week)
        row.addStretch(1)
        row.addWidget(self.this_week)
        row.addWidget(self.next_week)
        layout = QVBoxLayout(page)
        layout.addWidget(self.week_title)
        layout.addLayout(row)
        layout.addWidget(role_label("The week in numbers", "subheading"))
        layout.addWidget(self.review_numbers)
        layout.addWidget(role_label("Worth re-reading", "subheading"))
        layout.addWidget(_text("Click an entry (or press Enter) to open it in the journal.",
                               "small"))
        layout.addWidget(self.reread_list)
        layout.addWidget(role_label("One idea for the week", "subheading"))
        layout.addWidget(self.suggestion_label)
        layout.addStretch(1)
        self._week_buttons_enabled()
        return page

    # ---- loading --------------------------------------------------------------------------
    def reload(self, today: date | None = None) -> None:
        """Compute the report again on a worker (`today` fixes the day, for tests)."""
        if today is not None:
            self._today = today
            self.emotions.reload(today)
        self._request += 1
        request = self._request
        services, day = self.services, self._today
        self.runner.submit(
            lambda: build_report(services, day), name="insights-report", owner=self,
            on_success=lambda report: self._show(report, request),
            on_failure=lambda exc: self._failed(exc, request))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not event.spontaneous() and self.services.is_unlocked:
            self.reload()

    def _failed(self, exc: BaseException, request: int) -> None:
        if request != self._request:
            return
        message = describe_error(exc)
        self.error_label.setText(message)
        self.error_label.show()
        self.failed.emit(message)

    def _show(self, report: InsightsReport, request: int) -> None:
        if request != self._request:
            return
        first = self.report is None
        self.report = report
        self.error_label.hide()
        self.streak_label.setText(report.streaks.text())
        self.calendar.moods = dict(report.moods)
        self.pixels.moods = dict(report.moods)
        if first:
            self.calendar.year, self.calendar.month = report.today.year, report.today.month
            self.pixels.year = report.today.year
        self._show_month()
        self._show_year()
        self._show_correlations(report)
        self._show_trends()
        self._show_forecast(report)
        self._show_review(report)
        self.loaded.emit(report)

    def _show_month(self) -> None:
        cal = self.calendar
        self.month_title.setText(f"{date(cal.year, cal.month, 1):%B %Y}")
        cal.refresh()
        self.month_caption.setText(cal.summary())

    def _show_year(self) -> None:
        self.year_title.setText(str(self.pixels.year))
        self.pixels.refresh()
        self.year_caption.setText(self.pixels.summary())

    def move_month(self, step: int) -> None:
        cal = self.calendar
        index = cal.year * 12 + cal.month - 1 + step
        cal.show_month(index // 12, index % 12 + 1)
        self._show_month()
        announce(self, cal.summary())

    def move_year(self, step: int) -> None:
        self.pixels.show_year(self.pixels.year + step)
        self._show_year()
        announce(self, self.pixels.summary())

    def _show_correlations(self, report: InsightsReport) -> None:
        found = report.associations
        self.forest.set_rows(found.tested, found.summary())
        self.forest.setVisible(bool(found.tested))
        lines = [found.summary()]
        lines += [a.text() for a in found.tested if not a.finding]
        self.correlation_summary.setText("\n".join(lines))
        waiting = [u.factor.label for u in found.untested]
        self.untested_label.setText(
            "Not compared yet (fewer than 5 days with or without): " + ", ".join(waiting) + "."
            if waiting else "")

    def _show_trends(self) -> None:
        report = self.report
        if report is None:
            return
        period = str(self.period_box.currentData())
        periods = report.weeks if period == "week" else report.months
        text = report.weeks_text if period == "week" else report.months_text
        self.trend_chart.set_periods(periods, period, text)
        self.trend_text.setText(text)
        self.helped_label.setText(report.helped.text())

    def _show_forecast(self, report: InsightsReport) -> None:
        labels = {"mood": self.mood_forecast, "energy": self.energy_forecast}
        chosen = None
        for target, f in report.forecasts.items():
            if f.shown and f.value is not None and f.for_day is not None:
                signals = "; ".join(s.text() for s in f.signals)
                text = (f"Tomorrow ({f.for_day:%A} {f.for_day.day} {f.for_day:%B}) your {target} "
                        "may be around "
                        f"{f.value:.1f}. {f.reason} What drove it: {signals}.")
                chosen = chosen or f
            else:
                text = f"{target.capitalize()} forecast: {f.reason}"
            labels[target].setText(text)
        if chosen is not None:
            self.backtest.set_days(
                chosen.backtest, chosen.target,
                f"Back-test of the {chosen.target} forecast over {len(chosen.backtest)} days: "
                f"mean error {chosen.mae_model:.2f} points against {chosen.mae_last:.2f} for the "
                f"day before and {chosen.mae_mean:.2f} for your usual {chosen.target}.")
        self.backtest.setVisible(chosen is not None)

    def _show_review(self, report: InsightsReport) -> None:
        if self.review_weeks_back:
            self._load_review()  # keep the week the person went back to
        else:
            self._set_review(report.review)

    def _set_review(self, review: WeeklyReview) -> None:
        self.review = review
        self.week_title.setText(f"Week of {review.start.day} {review.start:%B %Y}")
        self.review_numbers.setText(review.numbers_text())
        self.reread_list.clear()
        for r in review.reread:
            item = QListWidgetItem(f"{r.title} · {r.day:%a %d %b}: {r.reason}")
            item.setData(ID_ROLE, r.entry_id)
            item.setToolTip("Open this entry in the journal")
            self.reread_list.addItem(item)
        if not review.reread:
            self.reread_list.addItem("No journal entries this week.")
        self.suggestion_label.setText(review.suggestion)
        self._week_buttons_enabled()

    def _week_buttons_enabled(self) -> None:
        later = self.review_weeks_back > 0
        self.next_week.setEnabled(later)
        self.this_week.setEnabled(later)
        first = self.report.records[0].day if self.report and self.report.records else None
        shown = self.review.start if self.review is not None else None
        self.prev_week.setEnabled(first is not None and shown is not None and first < shown)

    def move_week(self, step: int) -> None:
        """Show the review of an earlier (`step` > 0) or later week; never past this week."""
        if self.report is None:
            return
        self.review_weeks_back = max(0, self.review_weeks_back + step)
        self._load_review()

    def _load_review(self) -> None:
        report = self.report
        if report is None:
            return
        if not self.review_weeks_back:
            self._set_review(report.review)
            announce(self, self.review_numbers.text())
            self.review_shown.emit(report.review)
            return
        self._review_request += 1
        request = self._review_request
        services = self.services
        day = report.today - timedelta(weeks=self.review_weeks_back)
        records, found = report.records, report.associations
        self.runner.submit(
            lambda: weekly_review(services, records, day, found), name="insights-week",
            owner=self, on_success=lambda review: self._week_loaded(review, request),
            on_failure=lambda exc: self._failed(exc, self._request))

    def _week_loaded(self, review: WeeklyReview, request: int) -> None:
        if request != self._review_request or self.report is None:
            return
        self._set_review(review)
        announce(self, self.review_numbers.text())
        self.review_shown.emit(review)

    # ---- opening an entry in the journal ---------------------------------------------------
    def _open_item(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ID_ROLE)
        if isinstance(entry_id, str):
            self.open_entry(entry_id)

    def _window_call(self, name: str) -> Callable[..., Any] | None:
        fn = getattr(self.window(), name, None)
        return fn if callable(fn) and self.window() is not self else None

    def open_entry(self, entry_id: str) -> None:
        """Show this entry in the journal, unless an unsaved entry is open there."""
        show_page = self._window_call("show_page")
        journal = show_page("journal") if show_page is not None else None
        if not isinstance(journal, QWidget):
            return
        pending = getattr(journal, "pending_work", None)
        if callable(pending) and pending() is not None:
            status_bar = self._window_call("statusBar")
            if status_bar is not None:
                status_bar().showMessage(
                    "An unsaved entry is open in the journal: save it, then open another.", 10_000)
            return
        show_entry = getattr(journal, "show_entry", None)
        refresh = getattr(journal, "refresh", None)
        if not callable(show_entry):
            return

        def shown(entry: object) -> None:
            show_entry(entry)
            if callable(refresh):
                refresh()  # the journal's list then selects the entry shown
            self.entry_opened.emit(entry_id)

        services = self.services
        self.runner.submit(
            lambda: services.journal.get(entry_id), name="insights-open-entry", owner=journal,
            on_success=shown, on_failure=lambda exc: self._failed(exc, self._request))

    # ---- page protocol --------------------------------------------------------------------
    def clear(self) -> None:
        """Forget everything read from the vault."""
        self._request += 1
        self._review_request += 1
        self.report = None
        self.review = None
        self.review_weeks_back = 0
        self.week_title.setText("")
        for label in (self.streak_label, self.month_caption, self.year_caption,
                      self.correlation_summary, self.untested_label, self.trend_text,
                      self.helped_label, self.mood_forecast, self.energy_forecast,
                      self.review_numbers, self.suggestion_label):
            label.setText("")
        self.calendar.set_moods({})
        self.pixels.set_moods({})
        self.forest.set_rows([], "")
        self.trend_chart.set_periods([], "week", "")
        self.backtest.set_days([], "mood", "")
        self.backtest.hide()
        self.reread_list.clear()
        self._week_buttons_enabled()

    def current_tab(self) -> Any:
        return self.tabs.currentWidget()
