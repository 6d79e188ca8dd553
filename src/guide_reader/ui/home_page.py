"""The library home: the catalogue as a list of cards, in alphabetical groups, with a filter field.

Qt's model/view keeps it the same cost at 3 or 10,000 guides: ``CatalogueModel`` (a
``QAbstractListModel`` over the catalogue entries) behind a ``QSortFilterProxyModel``
that the filter field narrows, shown by a ``QListView`` whose delegate paints only the
visible cards. Every row has the same height (``setUniformItemSizes``): the view never
asks the delegate for the size of the rows it does not show. Each card is an item of the
list for a screen reader, named by the guide's title and described by its lead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollBar,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..content.cache import CatalogueEntry
from ..content.text import fold
from .theme import FOCUS_RING_WIDTH
from .widgets import plain_tooltip

SLUG_ROLE = Qt.ItemDataRole.UserRole
LEAD_ROLE = Qt.ItemDataRole.UserRole + 1
DETAILS_ROLE = Qt.ItemDataRole.UserRole + 2
LETTER_ROLE = Qt.ItemDataRole.UserRole + 3
"""The group of the card: the first letter of its title, without accent ('#' for a digit or a sign)."""

CARD_MARGIN = 8
GUTTER = 44
"""Room at the left of the cards for the letter of each alphabetical group."""
PADDING = 14
FILTER_DELAY_MS = 120
"""The list is narrowed after this pause in typing: a keystroke itself never waits on 10,000 rows."""
ModelIndex = QModelIndex | QPersistentModelIndex


def group_letter(title: str) -> str:
    first = fold(title.strip()[:1]).upper()
    return first if first.isalpha() else "#"


class CatalogueModel(QAbstractListModel):
    """The catalogue entries, one row each, in the catalogue's order (alphabetical)."""

    def __init__(self, entries: Sequence[CatalogueEntry], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries = list(entries)
        self._folded: list[str] | None = None

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self._folded = None
        self.endResetModel()

    def filter_texts(self) -> list[str]:
        """Title and lead of each row, folded (lowercase, no accents): made at the first filtering."""
        if self._folded is None:
            self._folded = [fold(f"{entry.title} {entry.lead_preview}") for entry in self.entries]
        return self._folded

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.title
        if role == SLUG_ROLE:
            return entry.slug
        if role == LEAD_ROLE:
            return entry.lead_preview
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return f"{self.details(entry)}. {entry.lead_preview}"
        if role == DETAILS_ROLE:
            return self.details(entry)
        if role == LETTER_ROLE:
            return group_letter(entry.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tr("Ouvrir « %1 »").replace("%1", entry.title))
        return None

    def details(self, entry: CatalogueEntry) -> str:
        sections = self.tr("%n section(s)", "", entry.section_count)
        return sections + " · " + self.tr("%n min de lecture", "", entry.minutes)


class FoldedFilter(QSortFilterProxyModel):
    """Keeps the rows whose title or lead contain every typed word, accents and case ignored.

    The test runs over the whole catalogue at once, in Python (a few milliseconds at 10,000 guides,
    on text folded once); Qt then only asks each row for its answer, without calling the model."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._accepted: list[bool] = []

    def set_text(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self._words = words
        model = self.sourceModel()
        if words and isinstance(model, CatalogueModel):
            self._accepted = [all(word in text for word in words) for text in model.filter_texts()]
        self.setFilterFixedString(" ".join(words))  # tells Qt that the filter changed

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802
        return not self._words or (source_row < len(self._accepted) and self._accepted[source_row])


class CardDelegate(QStyledItemDelegate):
    """Paints a card: title (bold, larger), two lines of the lead, then sections and reading time; the
    group letter in the left gutter beside the first card of each letter."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text_size = 11

    def fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        base = QFont(option.font)
        base.setPointSize(self.text_size)
        title = QFont(base)
        title.setPointSize(round(self.text_size * 1.3))
        title.setBold(True)
        small = QFont(base)
        small.setPointSize(max(9, round(self.text_size * 0.9)))
        return title, base, small

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        title, base, small = self.fonts(option)
        height = (
            QFontMetrics(title).lineSpacing()
            + 2 * QFontMetrics(base).lineSpacing()
            + QFontMetrics(small).lineSpacing()
            + 3 * 6
            + 2 * PADDING
            + 2 * CARD_MARGIN
        )
        return QSize(400, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        palette: QPalette = option.palette
        title_font, base_font, small_font = self.fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect
        row = index.row()
        letter = index.data(LETTER_ROLE)
        first_of_group = row == 0 or index.siblingAtRow(row - 1).data(LETTER_ROLE) != letter
        if first_of_group:
            painter.setFont(title_font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            gutter = QRect(rect.left(), rect.top() + CARD_MARGIN + PADDING, GUTTER, rect.height())
            painter.drawText(gutter, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, letter)
        card = rect.adjusted(GUTTER, CARD_MARGIN, -CARD_MARGIN, -CARD_MARGIN)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        # The current card of the focused list: the theme's focus ring (Highlight, 3:1 on every background).
        border = (
            palette.color(QPalette.ColorRole.Highlight)
            if selected or hovered or focused
            else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        painter.setPen(QPen(border, FOCUS_RING_WIDTH + 1 if focused else 1))
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 10, 10)
        inner = card.adjusted(PADDING + 4, PADDING, -PADDING - 4, -PADDING)
        text_color = palette.color(QPalette.ColorRole.Text)
        top = inner.top()
        for font, text, lines, color in (
            (title_font, index.data(Qt.ItemDataRole.DisplayRole), 1, text_color),
            (base_font, index.data(LEAD_ROLE), 2, text_color),
            (small_font, index.data(DETAILS_ROLE), 1, palette.color(QPalette.ColorRole.PlaceholderText)),
        ):
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(color)
            for line in _lines(metrics, text or "", inner.width(), lines):
                painter.drawText(QRect(inner.left(), top, inner.width(), metrics.lineSpacing()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)  # fmt: skip
                top += metrics.lineSpacing()
            top += 6
        painter.restore()


def _lines(metrics: QFontMetrics, text: str, width: int, count: int) -> list[str]:
    """At most ``count`` lines of ``text`` broken at spaces, the last one elided with '…'."""
    lines: list[str] = []
    rest = text
    while rest and len(lines) < count - 1:
        if metrics.horizontalAdvance(rest) <= width:
            break
        cut = len(rest)
        while cut > 0 and metrics.horizontalAdvance(rest[:cut]) > width:
            cut = rest.rfind(" ", 0, cut)
        if cut <= 0:
            break
        lines.append(rest[:cut])
        rest = rest[cut + 1 :]
    if rest:
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


class CardList(QListView):
    """The list of cards: Enter, Space or a click opens the guide under the cursor."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTabKeyNavigation(False)
        self.clicked.connect(self._choose)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.chosen.emit(index.data(SLUG_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self._choose(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """The mouse back / forward buttons are left to the window (an item view takes every press)."""
        if event.button() in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
            event.ignore()
            return
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if not self.currentIndex().isValid() and self.model() is not None and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, 0))
        super().focusInEvent(event)


class FilterField(QLineEdit):
    """The filter field: Down moves to the list, Enter opens the first guide listed."""

    to_list = Signal()
    open_first = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.to_list.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_first.emit()
            return
        super().keyPressEvent(event)


class HomePage(QWidget):
    """Heading, the filter field, the count of guides shown, and the cards."""

    article_chosen = Signal(str)

    def __init__(self, entries: Sequence[CatalogueEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 4)
        layout.setSpacing(8)
        heading = QLabel(self.tr("Vos guides de santé"))
        heading.setObjectName("pageTitle")
        heading.setWordWrap(True)  # at 200 % text, on a 640-pixel screen
        intro = QLabel(
            self.tr(
                "Tous les guides se lisent sans connexion. Choisissez un guide, ou cherchez un mot "
                "(Ctrl+K), par exemple « fièvre » ou « globules blancs »."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("pageIntro")
        # On a small screen with large text the cards keep their room: the introduction gives way first.
        intro.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        intro.setMinimumHeight(0)
        self.filter_field = FilterField()
        self.filter_field.setPlaceholderText(self.tr("Filtrer les guides par titre"))
        self.filter_field.setAccessibleName(self.tr("Filtrer la liste des guides"))
        self.filter_field.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.model = CatalogueModel(entries, self)
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.delegate = CardDelegate(self)
        self.list = CardList()
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName(self.tr("Liste des guides"))
        self.list.chosen.connect(self.article_chosen)
        self.filter_timer = QTimer(self)
        self.filter_timer.setSingleShot(True)
        self.filter_timer.setInterval(FILTER_DELAY_MS)
        self.filter_timer.timeout.connect(self._filter)
        self.filter_field.textChanged.connect(lambda _text: self.filter_timer.start())
        self.filter_field.to_list.connect(self.focus_first_card)
        self.filter_field.open_first.connect(self._open_first)
        self.empty_label = QLabel(self.tr("Aucun guide n'a pu être chargé. Vérifiez le dossier des articles."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not entries)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter_field, 1)
        filter_row.addWidget(self.count_label)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filter_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        self.filter_field.setVisible(bool(entries))
        self._update_count()
        self.setAccessibleName(self.tr("Accueil : liste des guides"))

    def show_reading(self) -> None:
        """No guide listed yet because the folder is being read for the first time (not: none could be read)."""
        self.empty_label.setText(self.tr("Lecture des guides du dossier… La liste apparaîtra dans un instant."))

    def set_entries(self, entries: Sequence[CatalogueEntry]) -> None:
        """List these guides instead (the catalogue was brought in step with the files)."""
        self.model.set_entries(entries)
        self.empty_label.setText(self.tr("Aucun guide n'a pu être chargé. Vérifiez le dossier des articles."))
        self.empty_label.setVisible(not entries)
        self.filter_field.setVisible(bool(entries))
        self._update_count()

    def set_text_size(self, size: int) -> None:
        self.delegate.text_size = size
        self.list.reset()  # the uniform row height is measured again

    def _filter(self) -> None:
        self.filter_timer.stop()
        self.proxy.set_text(self.filter_field.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("%Ln guide(s)", "", total)
            if shown == total
            else self.tr("%Ln guide(s) sur %1", "", shown).replace("%1", QLocale().toString(total))
        )  # %Ln and QLocale: 10 000 in French, 10,000 in English
        self.count_label.setText(text)

    def _open_first(self) -> None:
        self._filter()  # what was typed, even within the pause
        if self.proxy.rowCount():
            self.article_chosen.emit(self.proxy.index(0, 0).data(SLUG_ROLE))

    def focus_first_card(self) -> None:
        """The keyboard focus on the cards: the current one, else the first."""
        self._filter()
        if self.proxy.rowCount() and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def row_of(self, slug: str) -> QModelIndex:
        """The index of a guide's card in the list as shown (invalid when filtered out)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(SLUG_ROLE) == slug:
                return index
        return QModelIndex()

    def titles(self) -> list[str]:
        """The titles of the cards shown, in order (after the filter's pause)."""
        self._filter()
        return [self.proxy.index(row, 0).data() for row in range(self.proxy.rowCount())]

    def verticalScrollBar(self) -> QScrollBar:  # noqa: N802
        return self.list.verticalScrollBar()

    def viewport(self) -> QWidget:
        """The cards' scrolling area (where a finger drags the list)."""
        return self.list.viewport()

    def reset(self) -> None:
        """Back to the whole list, at the top, nothing typed (a kiosk's next visitor)."""
        self.filter_field.clear()
        self._filter()
        self.list.scrollToTop()
        self.list.setCurrentIndex(QModelIndex())
