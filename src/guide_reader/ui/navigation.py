"""Back and forward like a browser, over pages of the window."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Location:
    page: str  # "home", "article" or "search"
    slug: str = ""
    anchor: str = ""
    query: str = ""
    position: int | None = None  # text position at the top when the reader left; None: go to the anchor

    def same_place(self, other: Location) -> bool:
        return (self.page, self.slug, self.anchor, self.query) == (other.page, other.slug, other.anchor, other.query)


class NavigationHistory:
    """A list of locations and a cursor; going somewhere new drops the forward part."""

    def __init__(self) -> None:
        self._entries: list[Location] = []
        self._index = -1

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._entries else None

    def visit(self, location: Location) -> None:
        current = self.current
        if current is not None and current.same_place(location) and location.page != "article":
            self._entries[self._index] = location
            return
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        self._index = len(self._entries) - 1

    def remember_position(self, position: int) -> None:
        if self.current is not None:
            self._entries[self._index] = replace(self.current, position=position)

    def replace_current(self, location: Location) -> None:
        if self._entries:
            self._entries[self._index] = location
        else:
            self.visit(location)

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self.current

    def clear(self) -> None:
        self._entries.clear()
        self._index = -1
