"""Regenerate the screenshots of the README in docs/screenshots (offscreen, temporary user folders).

.venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = "1200x780"
NOTE = "Demander au Dr si la fièvre de mardi compte (38,5 °C le soir)."

WINDOW_SHOTS = {
    "home.png": [],
    "article-when-to-see-a-doctor.png": ["--open", "leucopenie#quand-consulter-un-medecin"],
    "search.png": ["--search", "globules blancs bas"],
    "dark-citations.png": ["--open", "regression-tumorale-spontanee#references", "--theme", "dark"],
    "high-contrast-faq.png": [
        "--open",
        "leucopenie#questions-frequentes",
        "--search",
        "contagieux",
        "--theme",
        "high-contrast",
    ],
    "english.png": ["--open", "leucopenie#comment-reconnaitre-les-symptomes", "--lang", "en"],
    "kiosk.png": ["--kiosk", "--search", "fièvre"],
    # Small screens, large text, wide screens (each later --size replaces SIZE):
    "small-screen-640x480.png": ["--open", "leucopenie#quand-consulter-un-medecin", "--size", "640x480"],
    "large-text-200-1366x768.png": [
        "--open",
        "leucopenie#quand-consulter-un-medecin",
        "--size",
        "1366x768",
        "--text-size",
        "200",
    ],
    "search-large-text-200-1366x768.png": ["--search", "fièvre", "--size", "1366x768", "--text-size", "200"],
    **{
        f"wide-1920x1080-{theme}.png": [
            "--open",
            "leucopenie#epidemiologie-en-france-et-dans-le-monde",
            "--size",
            "1920x1080",
            "--theme",
            theme,
        ]
        for theme in ("light", "dark", "high-contrast")
    },
}

BOOKMARKS_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.navigation import Location
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme
apply_theme(app, THEMES["light"], DEFAULT_TEXT_SIZE)
library = Library()
window = MainWindow(library, Settings())
window.resize(1200, 780)
window.show()
window.go_to(Location("bookmarks"))
window.bookmarks_page.tabs.setCurrentIndex(0)
app.processEvents()
window.grab().save(sys.argv[1])
window.save_sheet_pdf(Path(sys.argv[2]))
"""

READ_ALOUD_SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from guide_reader.kiosk.config import KioskConfig
from guide_reader.library import Library
from guide_reader.ui.kiosk.window import KioskWindow
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.speech_engine import SpeechEngine
from guide_reader.ui.theme import THEMES, apply_theme


class SilentEngine(SpeechEngine):  # the picture needs the controls, not the sound
    def check_voice(self):
        self.voice_checked.emit("")

    def say(self, utterance, rate, volume):
        pass

    def stop(self):
        pass


apply_theme(app, THEMES[sys.argv[3]], DEFAULT_TEXT_SIZE)
if sys.argv[2] == "kiosk":
    window = KioskWindow(Library(), KioskConfig(path=None))
else:
    window = MainWindow(Library(), Settings())
window.set_theme(sys.argv[3], remember=False)
window.resize(1200, 780)
window.show()
window.open_article("leucopenie")
bar = window.article_page.read_aloud
bar.engine_factory = SilentEngine
bar.when_button.click()
for _ in range(3):
    bar.next_button.click()
bar.rate_box.setCurrentIndex(2)
app.processEvents()
window.grab().save(sys.argv[1])
window.exit_allowed = True
"""

COMPLETIONS_SCRIPT = """
import sys
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from guide_reader.library import Library
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.settings import DEFAULT_TEXT_SIZE, Settings
from guide_reader.ui.theme import THEMES, apply_theme
apply_theme(app, THEMES["light"], DEFAULT_TEXT_SIZE)
window = MainWindow(Library(), Settings())
window.resize(1200, 780)
window.show()
loop = QEventLoop()
window.index_ready.connect(loop.quit)
window.start_indexing()
loop.exec()
window.search_field.setFocus()
QTest.keyClicks(window.search_field, "quand")
QTimer.singleShot(300, loop.quit)
loop.exec()
image = window.grab().toImage()
popup = window.completer.popup()
painter = QPainter(image)
field = window.search_field
painter.drawPixmap(field.mapTo(window, field.rect().bottomLeft()), popup.grab())  # where X puts it
painter.end()
image.save(sys.argv[1])
"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        environment = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=f"{home}/config",
            XDG_CACHE_HOME=f"{home}/cache",
            XDG_DATA_HOME=f"{home}/data",
        )

        def guide_reader(*arguments: str) -> None:
            subprocess.run([sys.executable, "-m", "guide_reader", *arguments], env=environment, check=True)

        for name, options in WINDOW_SHOTS.items():
            guide_reader("--screenshot", str(OUT / name), "--size", SIZE, *options)
        guide_reader("bookmarks", "add", "leucopenie#quand-consulter-un-medecin", "--note", NOTE)
        guide_reader("bookmarks", "add", "leucopenie#faq-puis-je-voyager-avec-une-leucopenie",
                     "--note", "Voyage en Espagne en juin : quels vaccins ?")  # fmt: skip
        guide_reader("bookmarks", "add", "regression-tumorale-spontanee#les-complications-possibles")
        for name, mode, theme in (("read-aloud.png", "window", "dark"), ("read-aloud-kiosk.png", "kiosk", "light")):
            subprocess.run([sys.executable, "-c", READ_ALOUD_SCRIPT, str(OUT / name), mode, theme],
                           env=environment, check=True)  # fmt: skip
        pdf = Path(home) / "sheet.pdf"
        subprocess.run(
            [sys.executable, "-c", BOOKMARKS_SCRIPT, str(OUT / "bookmarks.png"), str(pdf)], env=environment, check=True
        )
        completions = [sys.executable, "-c", COMPLETIONS_SCRIPT, str(OUT / "completions.png")]
        subprocess.run(completions, env=environment, check=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "doctor-sheet")], check=True)  # fmt: skip
    print(f"screenshots written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
