"""What a screen reader sees of the window, read over AT-SPI (run by the system python3, which has pyatspi).

    python3 tests/atspi_probe.py TIMEOUT OUTPUT -- COMMAND...

Starts COMMAND (the reader, with QT_ACCESSIBILITY=1) on the current session bus, waits for
its window in the accessibility tree, then walks through the pages the way assistive
technology would: it reads each page's tree and presses toolbar buttons with their
AT-SPI action. Writes one JSON object to OUTPUT: {"pages": {page: [[role, name, states...], ...]}}.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pyatspi

APP_NAME = "guide-reader"


def log(message: str) -> None:
    print(f"atspi_probe: {message}", file=sys.stderr, flush=True)


def find_app(deadline: float, process: subprocess.Popen[bytes]) -> object:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
            raise SystemExit(f"the program stopped (exit {process.returncode}): {errors[-1500:]}")
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == APP_NAME and app.childCount:
                return app
        time.sleep(0.3)
    raise SystemExit("the window never appeared in the accessibility tree")


def walk(node: object, depth: int = 0, limit: int = 400) -> list[list[str]]:
    """Every showing node: [role, name, state, ...], depth first (lists: their first items only)."""
    rows: list[list[str]] = []
    stack = [(node, depth)]
    while stack and len(rows) < limit:
        current, level = stack.pop()
        try:
            states = current.getState()
            if level and not states.contains(pyatspi.STATE_SHOWING):
                continue
            names = [pyatspi.stateToString(state) for state in states.getStates()]
            rows.append([current.getRoleName(), current.name or "", *names])
            count = min(current.childCount, 80)
            children = [current.getChildAtIndex(i) for i in range(count)]
        except Exception:
            continue
        stack.extend((child, level + 1) for child in reversed(children) if child is not None)
    return rows


def press(app: object, name: str) -> None:
    """Do the first action of the push button called ``name`` (what a screen reader's Enter does)."""
    for node in pyatspi.findAllDescendants(app, lambda n: n.getRoleName() == "push button" and n.name == name):
        action = node.queryAction()
        action.doAction(0)
        return
    raise SystemExit(f"no button « {name} »")


def listen_while(action, deadline: float, seconds: float = 3.0) -> list[str]:
    """The AT-SPI announcements (what a screen reader says unasked) sent while ``action`` runs."""
    from gi.repository import GLib

    heard: list[str] = []

    def on_event(event: object) -> None:
        heard.append(str(getattr(event, "any_data", "") or ""))

    pyatspi.Registry.registerEventListener(on_event, "object:announcement")
    try:
        action()
        end = min(deadline, time.monotonic() + seconds)
        context = GLib.MainContext.default()
        while time.monotonic() < end and not heard:
            if not context.iteration(False):
                time.sleep(0.05)
    finally:
        pyatspi.Registry.deregisterEventListener(on_event, "object:announcement")
    return heard


def wait_for(app: object, predicate, deadline: float) -> None:
    while time.monotonic() < deadline:
        if any(predicate(row) for row in walk(app)):
            return
        time.sleep(0.3)


def main() -> int:
    timeout = float(sys.argv[1])
    output = sys.argv[2]
    command = sys.argv[sys.argv.index("--") + 1 :]
    deadline = time.monotonic() + timeout
    log(f"starting {command}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pages: dict[str, list[list[str]]] = {}
    errors = b""
    try:
        app = find_app(deadline, process)
        log("window found")
        first = "search" if "--search" in command else "article"
        if first == "search":
            wait_for(app, lambda row: row[0] == "list item", deadline)
        else:
            wait_for(app, lambda row: row[0] in ("tree item", "table cell"), deadline)
        pages[first] = walk(app)
        if first == "search":
            announcements = listen_while(lambda: press(app, "Effacer la recherche"), deadline)
            pages["announcements"] = [["announcement", text] for text in announcements]
        press(app, "Mes signets et l'historique de lecture")
        wait_for(app, lambda row: row[0] == "page tab", deadline)
        pages["bookmarks"] = walk(app)
        press(app, "Accueil")
        time.sleep(1)
        pages["home"] = walk(app)
    finally:
        process.terminate()
        try:
            _, errors = process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
    with Path(output).open("w", encoding="utf-8") as file:
        json.dump({"pages": pages, "stderr": errors.decode(errors="replace")[-2000:]}, file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
