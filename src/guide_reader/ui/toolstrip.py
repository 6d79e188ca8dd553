"""The window's tool strip: buttons that wrap onto a second line instead of hiding.

QToolBar hides what does not fit behind an overflow button; on a small screen or with
large text that hides controls. ``ToolStrip`` lays its buttons out with a flow layout
(Qt's FlowLayout example): they wrap, every one stays visible and focusable, and the
Tab order is the reading order.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLayout, QLayoutItem, QToolButton, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new line when the width runs out (height for width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6, height_for_width: bool = True) -> None:
        """``height_for_width``: tell the parent layout the height at each width (False: the owner sets it)."""
        super().__init__(parent)
        self.height_for_width = height_for_width
        self._items: list[QLayoutItem] = []
        self.corner: QWidget | None = None  # kept clear at the right end of the first line
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return self.height_for_width

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        """As wide as the widest item: everything else can wrap."""
        size = QSize()
        for item in self._visible_items():
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _visible_items(self) -> list[QLayoutItem]:
        return [item for item in self._items if not (item.widget() is not None and item.widget().isHidden())]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items (when ``apply``) and return the height they take in ``rect``'s width."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        corner = self.corner.width() if self.corner is not None and not self.corner.isHidden() else 0
        if corner and apply:
            self.corner.setGeometry(QRect(area.right() - corner + 1, area.y(), corner, max(1, self.corner.height())))
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize]] = []
        spacing = self.spacing()

        def finish_line() -> None:
            if apply:
                # An expanding item (the search field) takes the room left on its line.
                used = sum(size.width() for _, size in line) + spacing * (len(line) - 1)
                spare = max(0, line_width() - used)
                left = area.x()
                for item, size in line:
                    width = size.width()
                    if spare and item.expandingDirections() & Qt.Orientation.Horizontal:
                        width += spare
                        spare = 0
                    item.setGeometry(
                        QRect(QPoint(left, y + (line_height - size.height()) // 2), QSize(width, size.height()))
                    )
                    left += width + spacing

        def line_width() -> int:
            return area.width() - (corner + spacing if corner and y == area.y() else 0)

        for item in self._visible_items():
            if item.widget() is not None and item.widget() is self.corner:
                continue
            hint = item.sizeHint().expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), area.width()))
            if line and x + hint.width() > area.x() + line_width():
                finish_line()
                y += line_height + spacing
                x, line_height, line = area.x(), 0, []
            line.append((item, hint))
            x += hint.width() + spacing
            line_height = max(line_height, hint.height())
        if line:
            finish_line()
        return y + line_height - rect.y() + margins.bottom()


class ToolStrip(QWidget):
    """A tool bar that wraps: ``addAction`` gives a focusable QToolButton, ``addWidget`` any widget.

    Like QToolBar, both return what controls the item: the action's visibility shows or
    hides its button, and ``addWidget`` returns an action that does the same for the widget.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolStrip")
        self.setAccessibleName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.flow = FlowLayout(self, height_for_width=False)  # fit_width sets the height
        self.flow.setContentsMargins(6, 2, 6, 2)
        self._buttons: dict[QAction, QToolButton] = {}

    def addAction(self, action: QAction, accessible_name: str = "") -> QToolButton:  # type: ignore[override]  # noqa: N802
        button = QToolButton()
        button.setDefaultAction(action)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if accessible_name:
            button.setAccessibleName(accessible_name)
        action.changed.connect(lambda: button.setVisible(action.isVisible()))
        self._buttons[action] = button
        self.flow.addWidget(button)  # in the strip before it is shown: never a window of its own, even briefly
        button.setVisible(action.isVisible())
        return button

    def addWidget(self, widget: QWidget) -> QAction:  # noqa: N802
        """Add ``widget`` after the others; a bare QWidget (a spacer) keeps the top-right corner clear."""
        action = QAction(self)
        if type(widget) is QWidget:
            self.flow.corner = widget
        action.changed.connect(lambda: widget.setVisible(action.isVisible()))
        self.flow.addWidget(widget)
        self._buttons[action] = widget  # type: ignore[assignment]
        return action

    def widgetForAction(self, action: QAction) -> QWidget | None:  # noqa: N802 (QToolBar's name)
        return self._buttons.get(action)

    def focus_order(self) -> list[QWidget]:
        """The strip's widgets in reading order (the Tab order the window sets)."""
        items = [self.flow.itemAt(index) for index in range(self.flow.count())]
        return [item.widget() for item in items if item is not None and item.widget() is not None]

    def wrapped_height(self, width: int) -> int:
        """The height the strip needs at ``width`` (px), its buttons wrapped.

        Not ``heightForWidth``: QMainWindow would ask it at the window's narrowest width and
        make that tall strip the window's minimum height; ``fit_width`` sets it instead.
        """
        return self.flow.heightForWidth(width)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return -1  # see wrapped_height

    def fit_width(self, width: int) -> None:
        """Take the height that the wrapped lines need at ``width`` (the window's width)."""
        height = self.wrapped_height(width)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)
