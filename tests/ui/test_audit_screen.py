"""The activity log page: rows newest first, the kind filter, a damaged chain announced, and
the page reachable from the View menu."""
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import pytest

from mindspace.app import AppServices
from mindspace.app.audit import AuditKind
from mindspace.ui import announce
from mindspace.ui.audit_screen import AuditScreen

pytestmark = pytest.mark.gui


def _cells(page: AuditScreen) -> list[tuple[str, str]]:
    return [(page.table.item(r, 1).text(), page.table.item(r, 2).text())
            for r in range(page.table.rowCount())]


def test_rows_filter_and_chain_state(qtbot, open_services: AppServices, tasks_done) -> None:
    trail = open_services.audit()
    trail.record(AuditKind.CONTACT_ADD, "Dr Tess (therapist, verified)")
    trail.record(AuditKind.SHARE_EXPORT, "to Dr Tess: 3 mood check-ins (file, bundle 1a2b3c4d)")
    page = AuditScreen(open_services)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=10_000) as shown:
        page.show()
    assert shown.args == [2]
    assert _cells(page) == [
        ("Bundle file written", "to Dr Tess: 3 mood check-ins (file, bundle 1a2b3c4d)"),
        ("Contact added", "Dr Tess (therapist, verified)"),
    ]
    assert "is whole" in page.chain_status.text()
    with qtbot.waitSignal(page.refreshed, timeout=10_000) as filtered:
        page.kind_filter.setCurrentIndex(page.kind_filter.findData("contact.add"))
    assert filtered.args == [1] and _cells(page)[0][0] == "Contact added"

    def tamper(c: object) -> None:
        c.execute("DROP TRIGGER audit_log_no_update")  # type: ignore[attr-defined]
        c.execute("UPDATE audit_log SET detail = 'nothing' WHERE seq = 1")  # type: ignore[attr-defined]

    open_services.vault.db.run(tamper)
    with qtbot.waitSignal(page.refreshed, timeout=10_000):
        page.refresh()
    assert "row 1 on cannot be trusted" in page.chain_status.text()
    assert "changed outside MindSpace" in announce.last_text()
    page.clear()
    assert page.table.rowCount() == 0
    tasks_done()


def test_reachable_from_the_view_menu(qtbot, open_services: AppServices, tasks_done) -> None:
    from mindspace.ui.main_window import MainWindow

    window = MainWindow(open_services)
    qtbot.addWidget(window)
    window.show()
    window.actions_by_name["page:audit"].trigger()
    assert window.current_page_key() == "audit"
    page = window.page("audit")
    assert isinstance(page, AuditScreen)
    qtbot.waitUntil(lambda: "is whole" in page.chain_status.text(), timeout=10_000)
    tasks_done()


def test_the_share_screen_offers_the_sharing_history(qtbot) -> None:
    from mindspace.ui.share_view import ShareView

    view = ShareView()
    qtbot.addWidget(view)
    box = view.checks["history"]
    assert box.accessibleName().startswith("What I shared before") and not box.isChecked()
    assert view.selection().sharing_history is False
    box.setChecked(True)
    assert view.selection().sharing_history is True
