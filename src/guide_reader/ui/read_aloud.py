"""« Écouter »: the read-aloud controls of an article page, and the sentence highlight.

The bar reads a list of utterances (content/speech.py) one at a time through a
:class:`~.speech_engine.SpeechEngine` made at the first press, highlights the sentence being
said in the article view and keeps it in view. Pause stops the voice and resume says the
paused sentence again from its start. Nothing of it is written to disk: speed and volume go
back to normal at each :meth:`ReadAloudBar.reset`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPainter, QPixmap, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Article
from ..content.pronunciation import FILE_NAME, Pronunciation, load_pronunciation
from ..content.speech import Kind, Utterance, article_utterances, when_to_see_doctor_utterances
from .article_view import ArticleView, Span
from .speech_engine import EspeakEngine, SpeechEngine
from .theme import Theme
from .widgets import plain_label

HIGHLIGHT_KIND = "speech"
RATES = (0.7, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5)
DEFAULT_VOLUME = 100  # percent of the voice's normal loudness (the slider goes to 200)
LARGE_STYLESHEET = """
QPushButton { min-height: 64px; font-size: 15pt; font-weight: bold; }
QToolButton { min-height: 52px; min-width: 52px; padding: 4px; }
QComboBox { min-height: 44px; }
"""
EngineFactory = Callable[[], SpeechEngine]
PronunciationLoader = Callable[[], Pronunciation]
_log = logging.getLogger(__name__)
_WORD_SPLIT = re.compile(r"\W+")
_OPENING = r"(?:[«\"(\[]\s?)?"  # an opening quote or bracket belongs to the sentence
_CLOSING = r"(?:\s?[.,;:!?…»\")\]])*"  # and so do its closing marks


def _bundled_pronunciation() -> Pronunciation:
    from ..paths import bundled_content_dir

    return load_pronunciation(bundled_content_dir() / FILE_NAME)


class State(Enum):
    STOPPED = "stopped"
    WAITING_FOR_VOICE = "waiting"
    SPEAKING = "speaking"
    PAUSED = "paused"


class ReadAloudBar(QFrame):
    """Écouter le guide, Quand consulter, then previous / pause / next / stop, speed and volume.

    Signal ``utterance_started(index)``: the index in :attr:`utterances` now being said.
    Shortcuts (on the article page): Ctrl+Shift+E listen or pause, Ctrl+Shift+U « Quand
    consulter », Ctrl+Shift+S stop, Ctrl+Shift+N and Ctrl+Shift+P next and previous sentence,
    Ctrl+Shift+Up and Ctrl+Shift+Down faster and slower.
    """

    utterance_started = Signal(int)

    def __init__(
        self,
        view: ArticleView,
        theme: Theme,
        pronunciation: PronunciationLoader | None = None,
        engine_factory: EngineFactory = EspeakEngine,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self.view = view
        self.theme = theme
        self.load_pronunciation: PronunciationLoader = pronunciation or _bundled_pronunciation
        self.engine_factory = engine_factory
        self.engine: SpeechEngine | None = None
        self.voice_message: str | None = None  # None: not checked yet; '': a French voice is there
        self.article: Article | None = None
        self.utterances: list[Utterance] = []
        self.index = 0
        self.state = State.STOPPED
        self._spans: dict[int, Span] = {}
        self._reported: set[str] = set()  # pronunciation file problems already shown
        self._new_problems: list[str] = []
        self._gap = QTimer(self)
        self._gap.setSingleShot(True)
        self._gap.timeout.connect(self._say_current)
        view.installEventFilter(self)

        self.listen_button = QPushButton(self.tr("Écouter le guide"))
        self.listen_button.setAccessibleName(self.tr("Écouter le guide depuis le début"))
        self.listen_button.setToolTip(self.tr("Lire tout le guide à voix haute (Ctrl+Maj+E)"))
        self.listen_button.clicked.connect(self.listen_or_pause)
        self.when_button = QPushButton(self.tr("Écouter : quand consulter, le 15"))
        self.when_button.setAccessibleName(self.tr("Écouter « Quand consulter un médecin ? » et le numéro d'urgence"))
        self.when_button.setToolTip(self.tr("« Quand consulter un médecin ? » puis le 15 et le 112 (Ctrl+Maj+U)"))
        self.when_button.clicked.connect(self.listen_when_to_see_doctor)
        self.previous_button = self._tool_button(
            self.tr("Précédente"), self.tr("Phrase précédente (Ctrl+Maj+P)"), QStyle.StandardPixmap.SP_MediaSeekBackward
        )
        self.previous_button.clicked.connect(self.previous_sentence)
        self.pause_button = self._tool_button(
            self.tr("Pause"), self.tr("Pause ou reprise (Ctrl+Maj+E)"), QStyle.StandardPixmap.SP_MediaPause
        )
        self.pause_button.clicked.connect(self.toggle_pause)
        self.next_button = self._tool_button(
            self.tr("Suivante"), self.tr("Phrase suivante (Ctrl+Maj+N)"), QStyle.StandardPixmap.SP_MediaSeekForward
        )
        self.next_button.clicked.connect(self.next_sentence)
        self.stop_button = self._tool_button(
            self.tr("Arrêter"), self.tr("Arrêter la lecture (Ctrl+Maj+S)"), QStyle.StandardPixmap.SP_MediaStop
        )
        self.stop_button.clicked.connect(self.stop)
        self.rate_box = QComboBox()
        for rate in RATES:
            self.rate_box.addItem(self.tr("Vitesse %1×").replace("%1", f"{rate:g}".replace(".", ",")), rate)
        self.rate_box.setCurrentIndex(RATES.index(1.0))
        self.rate_box.setAccessibleName(self.tr("Vitesse de lecture"))
        self.rate_box.setToolTip(self.tr("Plus vite : Ctrl+Maj+Haut ; moins vite : Ctrl+Maj+Bas"))
        self.rate_box.currentIndexChanged.connect(self._rate_changed)
        self.volume_slider = QSlider(Qt.Orientation.Horizontal)
        self.volume_slider.setRange(10, 200)
        self.volume_slider.setValue(DEFAULT_VOLUME)
        self.volume_slider.setAccessibleName(self.tr("Volume de la voix"))
        self.volume_slider.setToolTip(self.tr("Volume de la voix"))
        self.volume_slider.sliderReleased.connect(self._rate_changed)
        self.status = plain_label()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setMinimumWidth(200)

        self.controls = QWidget()  # enabled while reading
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.pause_button, self.next_button, self.stop_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        settings = QHBoxLayout()
        settings.setContentsMargins(0, 0, 0, 0)
        settings.addWidget(self.rate_box)
        settings.addWidget(self.volume_slider, 1)
        controls_layout = QVBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.addLayout(buttons)
        controls_layout.addLayout(settings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.listen_button)
        layout.addWidget(self.when_button)
        layout.addWidget(self.controls)
        layout.addWidget(self.status)
        self.status.hide()
        self._update_controls()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The view got narrower or wider (a splitter, the window, the text size): the sentence stays in view."""
        if watched is self.view and event.type() == QEvent.Type.Resize and self.state is not State.STOPPED:
            QTimer.singleShot(0, self._keep_current_in_view)
        return super().eventFilter(watched, event)

    def _keep_current_in_view(self) -> None:
        span = self._spans.get(self.index) if self.state is not State.STOPPED else None
        if span:
            self._keep_in_view(span)

    def _tool_button(self, text: str, tooltip: str, icon: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setProperty("standard_icon", icon)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setIconSize(QSize(28, 28))
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip.partition(" (")[0])
        return button

    def add_shortcuts(self, page: QWidget) -> None:
        """The keyboard shortcuts, active in the whole window while ``page`` (the article page) is shown."""
        for keys, slot in (
            ("Ctrl+Shift+E", self.listen_or_pause),
            ("Ctrl+Shift+U", self.listen_when_to_see_doctor),
            ("Ctrl+Shift+S", self.stop),
            ("Ctrl+Shift+N", self.next_sentence),
            ("Ctrl+Shift+P", self.previous_sentence),
            ("Ctrl+Shift+Up", lambda: self.change_rate(1)),
            ("Ctrl+Shift+Down", lambda: self.change_rate(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), page, slot)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)

    def set_large(self, large: bool) -> None:
        """The kiosk's large « Écouter » controls (for fingers and for people who see poorly)."""
        self.setStyleSheet(LARGE_STYLESHEET if large else "")
        when = self.tr("Écouter : quand consulter, le 15")
        self.when_button.setText(when.replace(" : ", " :\n", 1) if large else when)
        size = QSize(32, 32) if large else QSize(28, 28)
        for button in (self.previous_button, self.pause_button, self.next_button, self.stop_button):
            button.setIconSize(size)

    # What to read -----------------------------------------------------------------------------

    def set_article(self, article: Article | None) -> None:
        """The article now shown: reading stops when it changes."""
        if article is not self.article:
            self.stop()
            self.article = article

    def listen_or_pause(self) -> None:
        """Listen from the top of the guide; while reading, pause or resume."""
        if self.state in (State.SPEAKING, State.PAUSED):
            self.toggle_pause()
        elif self.article is not None:
            self.start(article_utterances(self.article, self._pronunciation()))

    def listen_section(self, anchor: str) -> None:
        """The section (or question) at ``anchor`` only."""
        if self.article is not None:
            self.start(article_utterances(self.article, self._pronunciation(), anchor))

    def listen_when_to_see_doctor(self) -> None:
        if self.article is not None:
            self.start(when_to_see_doctor_utterances(self.article, self._pronunciation()))

    def _pronunciation(self) -> Pronunciation:
        """The rules, read again at each press (a clinic may have edited them); bad lines are said once."""
        pronunciation = self.load_pronunciation()
        problems = [problem for problem in pronunciation.problems if problem not in self._reported]
        for problem in problems:
            _log.warning("read aloud: %s", problem)
        self._reported.update(problems)
        self._new_problems = problems
        return pronunciation

    def start(self, utterances: list[Utterance]) -> None:
        """Read ``utterances`` from the first one (after the French voice is checked, once)."""
        self.stop()
        if not utterances:
            return
        self.utterances = utterances
        self.index = 0
        self._spans = {}
        if self.engine is None:
            self.engine = self.engine_factory()
            self.engine.setParent(self)
            self.engine.voice_checked.connect(self._voice_checked)
            self.engine.finished.connect(self._utterance_finished)
            self.engine.failed.connect(self._failed)
        if self.voice_message is None:
            self.state = State.WAITING_FOR_VOICE
            self._set_status(self.tr("Recherche de la voix française…"))
            self._update_controls()
            self.engine.check_voice()
            return
        if self.voice_message:
            self._show_missing_voice()
            return
        self.state = State.SPEAKING
        self._say_current()

    def _voice_checked(self, message: str) -> None:
        self.voice_message = message
        if self.state is not State.WAITING_FOR_VOICE:
            return
        if message:
            self.state = State.STOPPED
            self._show_missing_voice()
            return
        self.state = State.SPEAKING
        self._say_current()

    def _show_missing_voice(self) -> None:
        self._set_status(
            self.tr(
                "Lecture impossible : aucune voix française n'est installée. Paquet Debian à installer : %1."
            ).replace("%1", "espeak-ng")
        )
        self.status.setToolTip(self.voice_message or "")
        self._update_controls()

    # Reading ----------------------------------------------------------------------------------

    def _say_current(self) -> None:
        if self.state is not State.SPEAKING or self.engine is None:
            return
        utterance = self.utterances[self.index]
        self._highlight(self.index)
        status = self.tr("Phrase %1 sur %2").replace("%1", str(self.index + 1)).replace("%2", str(len(self.utterances)))
        if self._span(self.index) is None:  # not in the page (the emergency numbers, a folded answer): shown here
            status += "\n" + utterance.shown
        if self._new_problems:  # said once, beside the first sentence read after the file changed
            status += "\n" + "\n".join(self._new_problems)
            self._new_problems = []
        self._set_status(status)
        self.status.setToolTip("")
        self._update_controls()
        self.utterance_started.emit(self.index)
        self.engine.say(utterance, self.rate, self.volume)

    def reading_anchor(self) -> str:
        """The section (or question) of the sentence being read, paused included; '' when not reading."""
        if self.state in (State.SPEAKING, State.PAUSED) and 0 <= self.index < len(self.utterances):
            return self.utterances[self.index].anchor
        return ""

    def _utterance_finished(self) -> None:
        if self.state is not State.SPEAKING:
            return
        pause = self.utterances[self.index].pause_after
        if self.index + 1 >= len(self.utterances):
            self.stop()
            self._set_status(self.tr("Lecture terminée"))
            return
        self.index += 1
        self._gap.start(round(pause / self.rate))

    def _failed(self, message: str) -> None:
        self.stop()
        self._set_status(self.tr("La voix s'est arrêtée sur une erreur : %1").replace("%1", message))

    def toggle_pause(self) -> None:
        if self.state is State.SPEAKING:
            self._gap.stop()
            if self.engine is not None:
                self.engine.stop()
            self.state = State.PAUSED
            self._set_status(self.tr("En pause (phrase %1)").replace("%1", str(self.index + 1)))
            self._update_controls()
        elif self.state is State.PAUSED:
            self.state = State.SPEAKING
            self._say_current()

    def pause(self) -> None:
        """Pause if reading (the kiosk's idle countdown): « Reprendre » goes on from the same sentence."""
        if self.state is State.SPEAKING:
            self.toggle_pause()

    def next_sentence(self) -> None:
        self._move(1)

    def previous_sentence(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if self.state not in (State.SPEAKING, State.PAUSED):
            return
        self.index = min(max(self.index + step, 0), len(self.utterances) - 1)
        self._gap.stop()
        if self.state is State.SPEAKING:
            self._say_current()
        else:
            self._highlight(self.index)
            self._set_status(self.tr("En pause (phrase %1)").replace("%1", str(self.index + 1)))

    def stop(self) -> None:
        """Stop reading and remove the highlight."""
        self._gap.stop()
        if self.engine is not None:
            self.engine.stop()
        was_reading = self.state is not State.STOPPED
        self.state = State.STOPPED
        self.view.set_highlights(HIGHLIGHT_KIND, [], self.theme.accent, self.theme.on_accent)
        if was_reading:
            self._set_status("")
        self._update_controls()

    def release(self) -> None:
        """Stop everything the engine runs, a voice check included (the page is leaving the screen)."""
        waiting = self.state is State.WAITING_FOR_VOICE
        self.stop()
        if self.engine is not None:
            self.engine.shut_down()
            if waiting:
                self.voice_message = None  # the check was abandoned: the next press checks again

    def reset(self) -> None:
        """Stop, and put speed and volume back to normal (the kiosk's reset between visitors)."""
        self.stop()
        self.article = None
        self.utterances = []
        self._set_status("")
        self.rate_box.setCurrentIndex(RATES.index(1.0))
        self.volume_slider.setValue(DEFAULT_VOLUME)

    # Speed and volume -------------------------------------------------------------------------

    @property
    def rate(self) -> float:
        return float(self.rate_box.currentData())

    @property
    def volume(self) -> float:
        return self.volume_slider.value() / 100

    def change_rate(self, step: int) -> None:
        index = min(max(self.rate_box.currentIndex() + step, 0), self.rate_box.count() - 1)
        self.rate_box.setCurrentIndex(index)

    def _rate_changed(self) -> None:
        """A new speed or volume applies from the sentence being said, said again."""
        if self.state is State.SPEAKING and not self._gap.isActive():
            self._say_current()

    # Highlight --------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._paint_icons()
        if self.state is not State.STOPPED:
            self._highlight(self.index)

    def refresh_highlight(self) -> None:
        """After the page was drawn again (theme, text size, a bookmark): the highlight back."""
        if self.state is not State.STOPPED:
            self._spans = {}
            self._highlight(self.index)

    def _highlight(self, index: int) -> None:
        span = self._span(index)
        spans = [span] if span else []
        self.view.set_highlights(HIGHLIGHT_KIND, spans, self.theme.accent, self.theme.on_accent)
        if span:
            self._keep_in_view(span)
        elif self.utterances[index].anchor and self.utterances[index].kind is Kind.HEADING:
            self.view.scroll_to(self.utterances[index].anchor)

    def _span(self, index: int) -> Span | None:
        """Where the utterance's shown text is in the page, searched after the previous one."""
        if index in self._spans:
            return self._spans[index]
        earlier = [found for number, found in self._spans.items() if number < index]
        start = max((end for _, end in earlier), default=0)
        words = QRegularExpression.escape  # each word as text; anything between words may differ
        tokens = [token for token in _WORD_SPLIT.split(self.utterances[index].shown) if token]
        if not tokens:
            return None
        pattern = QRegularExpression(
            _OPENING + r"\W*".join(words(token) for token in tokens) + _CLOSING,
            QRegularExpression.PatternOption.UseUnicodePropertiesOption,
        )
        cursor = self.view.document().find(pattern, start, QTextDocument.FindFlag.FindCaseSensitively)
        if cursor.isNull():
            return None
        span = (cursor.selectionStart(), cursor.selectionEnd())
        self._spans[index] = span
        return span

    def _keep_in_view(self, span: Span) -> None:
        """Scroll when the sentence is not wholly visible: its first line a quarter down the view."""
        start, end = span
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        top = self.view.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self.view.cursorRect(cursor).bottom()
        height = self.view.viewport().height()
        if top < 0 or bottom > height:
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + top - height // 4)

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _paint_icons(self) -> None:
        """The style's media icons, in the theme's text colour: visible in every theme."""
        tinted = [
            (self.listen_button, QStyle.StandardPixmap.SP_MediaVolume, self.theme.on_accent),
            *((button, button.property("standard_icon"), self.theme.text) for button in self._player_buttons()),
        ]
        for button, standard, color in tinted:
            icon = QIcon(_tinted(self.style().standardIcon(standard), color))
            icon.addPixmap(_tinted(self.style().standardIcon(standard), self.theme.disabled), QIcon.Mode.Disabled)
            button.setIcon(icon)

    def _player_buttons(self) -> tuple[QToolButton, ...]:
        return (self.previous_button, self.pause_button, self.next_button, self.stop_button)

    # State of the controls ---------------------------------------------------------------------

    def _update_controls(self) -> None:
        self.controls.setEnabled(self.state in (State.SPEAKING, State.PAUSED))
        paused = self.state is State.PAUSED
        self.pause_button.setText(self.tr("Reprendre") if paused else self.tr("Pause"))
        speaking = self.state is State.SPEAKING  # ⏸ only while a voice speaks: never after a stop or an error
        icon = QStyle.StandardPixmap.SP_MediaPause if speaking else QStyle.StandardPixmap.SP_MediaPlay
        self.pause_button.setProperty("standard_icon", icon)
        self._paint_icons()
        self.listen_button.setEnabled(self.state is not State.WAITING_FOR_VOICE)


def _tinted(icon: QIcon, color: str) -> QPixmap:
    """The icon's shape (48 × 48 px) filled with ``color``."""
    pixmap = icon.pixmap(QSize(48, 48))
    painter = QPainter(pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(pixmap.rect(), QColor(color))
    painter.end()
    return pixmap
