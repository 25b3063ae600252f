"""The Insights page over a real vault: each view shows the report's figures, charts and words,
in every theme, names every control, walks days with the keyboard and forgets all on clear."""
# mypy: disable-error-code="union-attr, arg-type"

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from mindspace.app import AppServices
from mindspace.ui import style
from mindspace.ui.insights_screen import InsightsScreen
from mindspace.ui.themes import apply_theme
from tests.app.insights_vault import fill_vault
from tests.ui.test_accessibility import assert_all_named

pytestmark = pytest.mark.gui

TODAY = date(2026, 5, 20)


@pytest.fixture
def themed(qapp) -> Iterator[None]:
    yield
    apply_theme(qapp, "system", 1.0)


def _loaded(qtbot, services: AppServices, today: date = TODAY) -> InsightsScreen:
    screen = InsightsScreen(services)
    qtbot.addWidget(screen)
    screen.resize(1100, 760)
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload(today)
    return screen


def _filled(open_services: AppServices) -> AppServices:
    fill_vault(open_services, TODAY)
    return open_services


def test_calendar_and_year_in_pixels(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    report = screen.report
    assert screen.streak_label.text() == report.streaks.text()
    assert "90 days in a row" in screen.streak_label.text()
    assert screen.month_title.text() == "May 2026"
    assert screen.month_caption.text().startswith("May 2026: check-ins on 20 of 31 days")
    assert screen.calendar.accessibleDescription() == screen.month_caption.text()
    assert screen.year_caption.text().startswith("2026: check-ins on 90 days")
    # the keyboard walks the days and speaks each one
    screen.tabs.setCurrentIndex(1)
    screen.show()
    qtbot.waitExposed(screen)
    screen.calendar.setFocus()
    QTest.keyClick(screen.calendar, Qt.Key.Key_Home)
    assert screen.calendar.current == date(2026, 5, 1)
    QTest.keyClick(screen.calendar, Qt.Key.Key_Down)
    assert screen.calendar.current == date(2026, 5, 8)
    value = report.moods[date(2026, 5, 8)]
    assert f"mood {value:.1f}" in screen.calendar.accessibleDescription()
    screen.move_month(-1)
    assert screen.month_title.text() == "April 2026"
    screen.move_month(2)
    assert screen.month_caption.text() == "June 2026: no check-ins."
    screen.pixels.setFocus()
    QTest.keyClick(screen.pixels, Qt.Key.Key_End)
    assert screen.pixels.current == date(2026, 12, 31)
    screen.move_year(-1)
    assert screen.year_caption.text() == "2025: no check-ins."
    assert_all_named(screen, "insights")


def test_what_goes_with_mood(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    found = screen.report.associations
    assert not screen.forest.isHidden()
    assert [a.factor.label for a in screen.forest.rows] == [a.factor.label for a in found.tested]
    labels = screen.forest.chart().axes(Qt.Orientation.Vertical)[0].categoriesLabels()
    assert any(label.startswith("friends *") for label in labels)
    assert screen.forest.accessibleDescription() == found.summary()
    text = screen.correlation_summary.text()
    assert "Days with friends went with a better mood" in text and "cause" not in text


def test_trends_and_what_helped(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    assert screen.trend_chart.mood.count() == 12
    assert screen.trend_text.text() == screen.report.weeks_text
    assert screen.trend_chart.accessibleDescription() == screen.report.weeks_text
    screen.period_box.setCurrentIndex(1)
    assert screen.trend_text.text() == screen.report.months_text
    assert screen.trend_chart.mood.count() == 4  # February to May have check-ins
    assert "A short walk: helped" in screen.helped_label.text()


def test_forecast_shown_with_its_backtest(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    mood = screen.report.forecasts["mood"]
    assert mood.shown
    assert "Tomorrow (Thursday 21 May)" in screen.mood_forecast.text()
    assert "What drove it" in screen.mood_forecast.text()
    assert "cannot beat a simple guess" in screen.energy_forecast.text()
    assert not screen.backtest.isHidden()
    assert screen.backtest.model.count() == len(mood.backtest) >= 28
    assert f"{mood.mae_model:.2f}" in screen.backtest.accessibleDescription()


def test_no_forecast_without_a_signal(qtbot, open_services: AppServices) -> None:
    fill_vault(open_services, TODAY, signal=False, voice_feedback=False)
    screen = _loaded(qtbot, open_services)
    assert not screen.report.forecasts["mood"].shown
    assert "cannot beat a simple guess" in screen.mood_forecast.text()
    assert screen.backtest.isHidden()
    assert "No suggestion has been rated yet" in screen.helped_label.text() or \
        "Nothing to tell yet" in screen.helped_label.text()


def test_week_in_review_and_clear(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    review = screen.report.review
    assert screen.review_numbers.text() == review.numbers_text()
    assert screen.reread_list.count() == len(review.reread) > 0
    assert "friends" in screen.suggestion_label.text()
    screen.clear()
    assert screen.report is None and screen.reread_list.count() == 0
    assert screen.calendar.moods == {} and screen.review_numbers.text() == ""
    assert screen.backtest.isHidden()


def test_an_empty_vault_explains_itself(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, open_services)
    assert screen.streak_label.text().startswith("Nothing noted yet")
    assert screen.forest.isHidden()
    assert screen.correlation_summary.text().startswith("Not enough days yet")
    assert "Not enough data yet" in screen.mood_forecast.text()
    assert screen.reread_list.item(0).text() == "No journal entries this week."


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_charts_follow_the_theme(qtbot, qapp, open_services: AppServices, themed,
                                 theme: str) -> None:
    apply_theme(qapp, theme, 1.0)
    screen = _loaded(qtbot, _filled(open_services))
    colours = style.COLOURS[theme]
    for view in (screen.forest, screen.trend_chart, screen.backtest):
        chart = view.chart()
        assert chart.backgroundBrush().color() == QColor(colours.surface)
        for axis in chart.axes():
            assert axis.labelsColor() == QColor(colours.text)
        assert style.contrast_ratio(colours.text, colours.surface) >= 4.5
    assert screen.trend_chart.mood.pen().color() == QColor(colours.accent)
    assert style.contrast_ratio(colours.accent, colours.surface) >= 3.0
    assert style.contrast_ratio(colours.warning, colours.surface) >= 3.0
    # switching theme afterwards re-colours the charts already drawn
    other = "dark" if theme != "dark" else "light"
    apply_theme(qapp, other, 1.0)
    QApplication.processEvents()
    assert screen.forest.chart().backgroundBrush().color() == QColor(style.COLOURS[other].surface)
    screen.show()
    qtbot.waitExposed(screen)
    for i in range(screen.tabs.count()):
        screen.tabs.setCurrentIndex(i)
        QApplication.processEvents()
        assert not screen.tabs.currentWidget().grab().isNull()


def test_axis_labels_never_touch(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    screen.tabs.setCurrentIndex(5)
    screen.show()
    qtbot.waitExposed(screen)
    for width in (500, 800, 1400):
        screen.resize(width, 760)
        QApplication.processEvents()
        view = screen.backtest
        picked = view.labelled_slots()
        slot = view.chart().plotArea().width() / len(view.slot_texts)
        fm = view.fontMetrics()
        widest = max(fm.horizontalAdvance(t) for t in view.slot_texts)
        gaps = [b - a for a, b in zip(picked, picked[1:], strict=False)]
        assert picked[-1] == len(view.slot_texts) - 1
        assert all(g * slot >= widest for g in gaps)


def test_week_in_review_goes_back_to_earlier_weeks(qtbot, open_services: AppServices) -> None:
    screen = _loaded(qtbot, _filled(open_services))
    assert screen.week_title.text() == "Week of 18 May 2026"
    assert not screen.next_week.isEnabled() and not screen.this_week.isEnabled()
    assert screen.prev_week.isEnabled()
    with qtbot.waitSignal(screen.review_shown, timeout=10_000) as shown:
        screen.prev_week.click()
    earlier = shown.args[0]
    assert earlier.start == date(2026, 5, 11) and earlier.days_noted == 7
    assert screen.week_title.text() == "Week of 11 May 2026"
    assert screen.review_numbers.text() == earlier.numbers_text()
    assert all(date(2026, 5, 11) <= r.day <= date(2026, 5, 17) for r in earlier.reread)
    assert screen.reread_list.count() == len(earlier.reread) > 0
    assert screen.next_week.isEnabled() and screen.this_week.isEnabled()
    # far back: the first noted week is the last one offered
    first = screen.report.records[0].day
    weeks = (date(2026, 5, 18) - (first - timedelta(days=first.weekday()))).days // 7
    with qtbot.waitSignal(screen.review_shown, timeout=10_000):
        screen.move_week(weeks - 1)
    assert screen.review.start <= first and not screen.prev_week.isEnabled()
    # a reload keeps the week the person went back to
    with qtbot.waitSignal(screen.review_shown, timeout=30_000):
        screen.reload(TODAY)
    assert screen.review.start <= first
    with qtbot.waitSignal(screen.review_shown, timeout=10_000):
        screen.this_week.click()
    assert screen.week_title.text() == "Week of 18 May 2026"
    assert screen.review_numbers.text() == screen.report.review.numbers_text()
    assert_all_named(screen, "insights")


def test_an_entry_worth_rereading_opens_in_the_journal(qtbot, open_services: AppServices,
                                                      tasks_done) -> None:
    from mindspace.ui.journal_screen import JournalScreen
    from mindspace.ui.main_window import MainWindow

    fill_vault(open_services, TODAY)
    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    screen = window.show_page("insights")
    assert isinstance(screen, InsightsScreen)
    with qtbot.waitSignal(screen.loaded, timeout=30_000):
        screen.reload(TODAY)
    tasks_done()
    screen.tabs.setCurrentIndex(screen.tabs.count() - 1)
    wanted = screen.report.review.reread[0]
    rect = screen.reread_list.visualItemRect(screen.reread_list.item(0))
    with qtbot.waitSignal(screen.entry_opened, timeout=10_000):
        qtbot.mouseClick(screen.reread_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
    assert window.current_page_key() == "journal"
    journal = window.built_pages()["journal"]
    assert isinstance(journal, JournalScreen)
    assert journal.view.title_edit.text() == open_services.journal.get(wanted.entry_id).title
    tasks_done()
    # an unsaved draft in the journal is never replaced
    journal.view.title_edit.setText("Half a thought")
    window.show_page("insights")
    screen.open_entry(wanted.entry_id)
    assert window.current_page_key() == "journal"
    assert journal.view.title_edit.text() == "Half a thought"
    assert "unsaved entry" in window.statusBar().currentMessage()
    journal.view.title_edit.clear()
    journal.new_entry()
