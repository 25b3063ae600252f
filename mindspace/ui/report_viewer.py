"""Shows a shared report inside the app: the PDF with QtPdf, the CSV as a table.

The PDF is rendered from memory: a `QBuffer` over the decrypted bytes feeds `QPdfDocument`, so
no plaintext copy ever reaches the disk or a temporary folder. `clear()` closes the document and
drops the bytes (the screen calls it when the vault locks).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QTableView, QVBoxLayout, QWidget

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """A read-only table over rows of text; the first row is the header."""

    def __init__(self, rows: list[list[str]] | None = None) -> None:
        super().__init__()
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self.set_rows(rows or [])

    def set_rows(self, rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._header = list(rows[0]) if rows else []
        self._rows = [list(r) for r in rows[1:]]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return max([len(self._header), *(len(r) for r in self._rows)], default=0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header[section] if section < len(self._header) else ""
        return str(section + 1)


class ReportViewer(QWidget):
    """One report at a time: `show_pdf(bytes)` or `show_csv(rows)`."""

    pdf_status = Signal(str)  # "ready" or the reason it cannot be shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.document.statusChanged.connect(self._status_changed)
        self._buffer: QBuffer | None = None
        self.placeholder = QLabel("Choose a report and open it to read it here.")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pdf_view = QPdfView()
        self.pdf_view.setAccessibleName("PDF report")
        self.pdf_view.setDocument(self.document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.table_model = RowsModel()
        self.table = QTableView()
        self.table.setAccessibleName("CSV report table")
        self.table.setModel(self.table_model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.stack = QStackedWidget()
        for page in (self.placeholder, self.pdf_view, self.table):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def show_pdf(self, data: bytes) -> None:
        self._close_pdf()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        self.stack.setCurrentWidget(self.pdf_view)
        self.document.load(buffer)
        self._status_changed(self.document.status())

    def show_csv(self, rows: list[list[str]]) -> None:
        self._close_pdf()
        self.table_model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.stack.setCurrentWidget(self.table)

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if self._buffer is None:
            return
        if status == QPdfDocument.Status.Ready:
            self.pdf_status.emit("ready")
        elif status == QPdfDocument.Status.Error:
            self.placeholder.setText(
                "This PDF report cannot be shown: its contents are damaged or not a PDF."
            )
            self.stack.setCurrentWidget(self.placeholder)
            self.pdf_status.emit("error")

    def _close_pdf(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.setData(QByteArray())
            self._buffer.deleteLater()
            self._buffer = None

    def clear(self) -> None:
        self._close_pdf()
        self.table_model.set_rows([])
        self.placeholder.setText("Choose a report and open it to read it here.")
        self.stack.setCurrentWidget(self.placeholder)
