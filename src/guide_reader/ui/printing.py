"""Printing the sheet for the doctor, or saving it as PDF, with Qt's own printing of a QTextDocument."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

SHEET_FONT_SIZE = 12


def sheet_document(html: str) -> QTextDocument:
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(SHEET_FONT_SIZE)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def _a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def save_pdf(html: str, path: Path) -> None:
    printer = _a4_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName("Guide Reader")
    sheet_document(html).print_(printer)


def print_with_dialog(html: str, parent: QWidget, files_allowed: bool = True) -> bool:
    """Qt's print dialog; without ``files_allowed`` it cannot print to a file (its file chooser is gone)."""
    printer = _a4_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, files_allowed)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    sheet_document(html).print_(printer)
    return True
