"""« Écouter »: the read-aloud controls of the window and the kiosk, with a fake engine and the real one."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QIcon, QTextCursor
from PySide6.QtWidgets import QStyle

from guide_reader.content.speech import EMERGENCY_SENTENCE, Kind, Utterance
from guide_reader.content.voice import french_voice_missing
from guide_reader.ui.article_page import ANCHOR_ROLE
from guide_reader.ui.main_window import MainWindow
from guide_reader.ui.navigation import Location
from guide_reader.ui.read_aloud import HIGHLIGHT_KIND, ReadAloudBar, State
from guide_reader.ui.speech_engine import EspeakEngine, SpeechEngine
from guide_reader.ui.theme import THEMES

from .test_ui_kiosk import expire_idle_time, kiosk, pin_hash  # noqa: F401 (fixtures)
from .test_ui_window import make_window

WHEN_ANCHOR = "quand-consulter-un-medecin"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class FakeEngine(SpeechEngine):
    """Says nothing: records what it is asked, and finishes when the test says so."""

    instances: list[FakeEngine] = []  # noqa: RUF012
    missing_voice = ""

    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple[str, float, float]] = []
        self.stops = 0
        FakeEngine.instances.append(self)

    def check_voice(self) -> None:
        QTimer.singleShot(0, lambda: self.voice_checked.emit(FakeEngine.missing_voice))

    def say(self, utterance: Utterance, rate: float, volume: float) -> None:
        self.said.append((utterance.said, rate, volume))

    def stop(self) -> None:
        self.stops += 1

    def finish(self) -> None:
        self.finished.emit()


@pytest.fixture(autouse=True)
def fake_engines():
    FakeEngine.instances = []
    FakeEngine.missing_voice = ""
    yield


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = make_window(qtbot)
    window.article_page.read_aloud.engine_factory = FakeEngine
    return window


def open_guide(window: MainWindow, slug: str = "leucopenie", anchor: str = "") -> ReadAloudBar:
    window.open_article(slug, anchor)
    bar = window.article_page.read_aloud
    bar.engine_factory = FakeEngine
    return bar


def start(qtbot, bar: ReadAloudBar, press) -> FakeEngine:
    press()
    qtbot.waitUntil(lambda: bar.engine is not None and bool(bar.engine.said))
    assert isinstance(bar.engine, FakeEngine)
    return bar.engine


def highlighted_text(bar: ReadAloudBar) -> str:
    selections = bar.view._highlights.get(HIGHLIGHT_KIND, [])
    assert len(selections) == 1, selections
    return selections[0].cursor.selectedText()


def test_no_engine_is_made_before_the_first_press(qtbot, window):
    bar = open_guide(window)
    assert bar.engine is None and FakeEngine.instances == []
    assert bar.listen_button.isVisible() and bar.when_button.isVisible()
    assert not bar.controls.isEnabled()


def test_listen_reads_the_guide_from_the_top_with_the_sentence_highlighted(qtbot, window):
    bar = open_guide(window, anchor="les-causes-et-facteurs-de-risque")
    engine = start(qtbot, bar, bar.listen_button.click)
    assert engine.said == [("Leucopénie", 1.0, 1.0)]
    assert highlighted_text(bar) == "Leucopénie"
    assert bar.controls.isEnabled() and bar.status.text() == "Phrase 1 sur 220"
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) == 2)
    assert engine.said[1][0].startswith("La leucopénie correspond à une diminution anormale")
    assert highlighted_text(bar) == (
        "La leucopénie correspond à une diminution anormale du nombre de globules blancs dans le sang, "
        "en dessous de 4000 cellules par microlitre [17]."
    )
    assert bar.status.text() == "Phrase 2 sur 220"


def test_a_section_button_reads_that_section_only_then_stops(qtbot, window):
    bar = open_guide(window, anchor=WHEN_ANCHOR)
    engine = start(qtbot, bar, lambda: window.article_page.view.anchorClicked.emit(QUrl(f"#ecouter-{WHEN_ANCHOR}")))
    assert engine.said[0][0] == "Quand Consulter un Médecin ?"
    assert len(bar.utterances) == 15
    for number in range(1, 15):
        engine.finish()
        qtbot.waitUntil(lambda number=number: len(engine.said) == number + 1)
    assert engine.said[-1][0].startswith("Précisez toujours que vous avez une leucopénie")
    assert highlighted_text(bar).startswith("Précisez toujours")
    engine.finish()
    assert bar.state is State.STOPPED
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 0
    assert bar.status.text() == "Lecture terminée"


def test_when_to_see_a_doctor_and_the_emergency_number_in_one_press(qtbot, window):
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.when_button.click)
    assert engine.said[0][0] == "Quand Consulter un Médecin ?"
    assert bar.utterances[-1].shown == EMERGENCY_SENTENCE
    assert (
        bar.utterances[-1].said == "En cas d'urgence, appelez le 15, le Samu, ou le 112, le numéro d'urgence européen."
    )
    assert highlighted_text(bar) == "Quand Consulter un Médecin ?"  # the heading, found in the page
    for _ in range(15):
        bar.next_button.click()
    assert engine.said[-1][0] == bar.utterances[-1].said
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 0  # the emergency numbers are not in the page...
    assert bar.status.text() == f"Phrase 16 sur 16\n{EMERGENCY_SENTENCE}"  # ...so they are shown under the controls


def test_pause_resume_next_previous_and_stop(qtbot, window):
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.listen_button.click)
    bar.next_button.click()
    bar.next_button.click()
    assert [said for said, _, _ in engine.said][1:] == [bar.utterances[1].said, bar.utterances[2].said]
    bar.previous_button.click()
    assert engine.said[-1][0] == bar.utterances[1].said and bar.index == 1
    stops = engine.stops
    bar.pause_button.click()
    assert bar.state is State.PAUSED and engine.stops == stops + 1
    assert bar.pause_button.text() == "Reprendre" and bar.status.text() == "En pause (phrase 2)"
    engine.finish()  # a late end of the stopped sentence moves nothing
    assert bar.index == 1
    said = len(engine.said)
    bar.pause_button.click()
    assert bar.state is State.SPEAKING and engine.said[said:] == [(bar.utterances[1].said, 1.0, 1.0)]
    bar.previous_button.click()
    bar.previous_button.click()
    assert bar.index == 0
    bar.stop_button.click()
    assert bar.state is State.STOPPED and not bar.controls.isEnabled()
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 0


def test_speed_from_0_7_to_1_5_and_volume_apply_to_the_sentence_said_again(qtbot, window):
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.listen_button.click)
    for _ in range(10):
        bar.change_rate(1)
    assert bar.rate == 1.5 and engine.said[-1] == ("Leucopénie", 1.5, 1.0)
    for _ in range(10):
        bar.change_rate(-1)
    assert bar.rate == 0.7 and engine.said[-1] == ("Leucopénie", 0.7, 1.0)
    bar.volume_slider.setValue(150)
    bar.volume_slider.sliderReleased.emit()
    assert engine.said[-1] == ("Leucopénie", 0.7, 1.5)


def test_keyboard_shortcuts(qtbot, window):
    bar = open_guide(window)
    view = window.article_page.view
    window.search_field.setFocus()  # anywhere in the window while the guide is shown
    qtbot.keyClick(window.search_field, Qt.Key.Key_E, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bar.state is State.SPEAKING)
    bar.stop()
    view.setFocus()
    engine = start(qtbot, bar, lambda: qtbot.keyClick(view, Qt.Key.Key_E, CTRL_SHIFT))
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL_SHIFT)
    assert bar.index == 1
    qtbot.keyClick(view, Qt.Key.Key_P, CTRL_SHIFT)
    assert bar.index == 0
    qtbot.keyClick(view, Qt.Key.Key_Up, CTRL_SHIFT)
    assert bar.rate == 1.1
    qtbot.keyClick(view, Qt.Key.Key_Down, CTRL_SHIFT)
    assert bar.rate == 1.0
    qtbot.keyClick(view, Qt.Key.Key_E, CTRL_SHIFT)
    assert bar.state is State.PAUSED
    qtbot.keyClick(view, Qt.Key.Key_S, CTRL_SHIFT)
    assert bar.state is State.STOPPED
    qtbot.keyClick(view, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: bar.state is State.SPEAKING)
    assert engine.said[-1][0] == "Quand Consulter un Médecin ?"
    window.go_to(Location("home"))  # no guide shown: the keys do nothing
    said = len(engine.said)
    qtbot.keyClick(window.search_field, Qt.Key.Key_E, CTRL_SHIFT)
    assert bar.state is State.STOPPED and len(engine.said) == said


def sentence_is_in_view(bar: ReadAloudBar) -> bool:
    selection = bar.view._highlights[HIGHLIGHT_KIND][0]
    cursor = QTextCursor(selection.cursor)
    cursor.setPosition(selection.cursor.selectionStart())
    top = bar.view.cursorRect(cursor).top()
    cursor.setPosition(selection.cursor.selectionEnd())
    bottom = bar.view.cursorRect(cursor).bottom()
    return top >= 0 and bottom <= bar.view.viewport().height()


@pytest.mark.parametrize(("theme", "size"), [("light", 12), ("dark", 20), ("high-contrast", 28)])
def test_the_sentence_stays_highlighted_and_in_view_in_every_theme_and_size(qtbot, window, theme, size):
    window.set_theme(theme, remember=False)
    window.set_text_size(size)
    bar = open_guide(window)
    start(qtbot, bar, bar.listen_button.click)
    for _ in range(40):
        bar.next_button.click()
    assert bar.index == 40
    assert highlighted_text(bar) == bar.utterances[40].shown
    assert sentence_is_in_view(bar)
    selection = bar.view._highlights[HIGHLIGHT_KIND][0]
    assert selection.format.background().color() == QColor(THEMES[theme].accent)
    window.set_theme("light" if theme != "light" else "dark", remember=False)  # the page is drawn again
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 1 and bar.state is State.SPEAKING
    window.set_text_size(size + 4)
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 1


def test_leaving_the_guide_stops_the_voice(qtbot, window):
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.listen_button.click)
    window.go_to(Location("home"))
    assert bar.state is State.STOPPED and engine.stops >= 1
    bar = open_guide(window, "regression-tumorale-spontanee")
    start(qtbot, bar, bar.listen_button.click)
    window.open_article("leucopenie")
    assert bar.state is State.STOPPED and bar.article.slug == "leucopenie"


def test_no_french_voice_says_so_and_names_the_debian_package(qtbot, window):
    FakeEngine.missing_voice = "Aucune voix française : espeak-ng n'est pas installé (sudo apt install espeak-ng)."
    bar = open_guide(window)
    bar.listen_button.click()
    qtbot.waitUntil(lambda: bar.voice_message is not None)
    assert bar.status.isVisible()
    assert "aucune voix française" in bar.status.text() and "espeak-ng" in bar.status.text()
    assert bar.engine.said == [] and bar.state is State.STOPPED and not bar.controls.isEnabled()
    bar.when_button.click()  # asks once, says it again at once
    assert "espeak-ng" in bar.status.text() and bar.engine.said == []


def test_kiosk_large_controls_pause_at_the_idle_countdown_and_reset_forgets_speed_and_volume(qtbot, kiosk):  # noqa: F811
    kiosk.open_article("leucopenie")
    bar = kiosk.article_page.read_aloud
    bar.engine_factory = FakeEngine
    assert bar.listen_button.height() >= 64 and bar.when_button.height() >= 64
    engine = start(qtbot, bar, bar.listen_button.click)
    bar.change_rate(2)
    bar.volume_slider.setValue(180)
    kiosk.idle_timer.timeout.emit()
    assert kiosk.countdown.isVisible() and bar.state is State.PAUSED
    kiosk.note_activity()  # « Toujours là ? » answered: Reprendre goes on
    bar.pause_button.click()
    assert bar.state is State.SPEAKING and engine.said[-1][1:] == (1.25, 1.8)
    expire_idle_time(kiosk)
    assert bar.state is State.STOPPED and bar.rate == 1.0 and bar.volume == 1.0
    assert bar.article is None


# The real engine -----------------------------------------------------------------------------------


@pytest.fixture
def null_sound(user_dirs):
    """ALSA's null output in the test's home: espeak-ng plays (into nothing) on a machine without sound."""
    Path(user_dirs["data"].parent, ".asoundrc").write_text("pcm.!default { type null }\n", encoding="utf-8")


needs_voice = pytest.mark.skipif(french_voice_missing() is not None, reason="no French espeak-ng voice")


@needs_voice
def test_the_real_engine_reads_a_section_to_its_end(qtbot, null_sound):
    window = make_window(qtbot)
    window.open_article("leucopenie", "definition-et-vue-d-ensemble")
    bar = window.article_page.read_aloud
    assert bar.engine_factory is EspeakEngine and bar.engine is None
    window.article_page.view.anchorClicked.emit(QUrl("#ecouter-faq-la-leucopenie-est-elle-contagieuse"))
    window.article_page.view.anchorClicked.emit(QUrl("#ecouter-questions-frequentes"))
    started: list[int] = []
    bar.utterance_started.connect(started.append)
    qtbot.waitUntil(lambda: bar.status.text() == "Lecture terminée", timeout=60_000)
    assert isinstance(bar.engine, EspeakEngine) and bar.voice_message == ""
    assert started == list(range(len(bar.utterances)))
    qtbot.waitUntil(lambda: not bar.engine._stopped)


@needs_voice
def test_the_real_engine_says_when_there_is_no_sound_output(qtbot, tmp_path: Path, null_sound, caplog):
    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\necho 'error: No such file or directory' >&2\nexit 0\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    window = make_window(qtbot)
    window.open_article("leucopenie")
    bar = window.article_page.read_aloud
    bar.voice_message = ""  # the voice was found; the sound output then fails

    def engine_without_sound() -> EspeakEngine:
        engine = EspeakEngine()
        engine.program = str(program)
        return engine

    bar.engine_factory = engine_without_sound
    with caplog.at_level(logging.WARNING, logger="guide_reader.ui.speech_engine"):
        bar.listen_button.click()
        qtbot.waitUntil(lambda: bar.state is State.STOPPED, timeout=10_000)
    assert bar.status.text() == (
        "La voix s'est arrêtée sur une erreur : aucune sortie son. "
        "Branchez un casque ou des haut-parleurs, puis appuyez sur « Écouter »."
    )
    assert "No such file" not in bar.status.text()
    assert "read aloud: no sound output: No such file or directory" in caplog.messages
    assert_controls_at_rest(bar)


@needs_voice
@pytest.mark.parametrize(
    ("script", "logged", "said"),
    [
        (
            "echo 'segmentation fault' >&2; exit 139",
            "read aloud: espeak-ng ended with code 139: segmentation fault",
            "la voix n'a pas pu lire cette phrase. Appuyez de nouveau sur « Écouter ».",
        ),
        (
            None,
            "read aloud: espeak-ng did not start: ",
            "la voix n'a pas pu démarrer (espeak-ng). Paquet Debian à vérifier : espeak-ng.",
        ),
    ],
    ids=["crash", "cannot-start"],
)
def test_every_voice_error_is_plain_french_and_the_raw_one_is_logged(
    qtbot, tmp_path: Path, caplog, script: str | None, logged: str, said: str
):
    program = tmp_path / "espeak-ng"
    if script is not None:
        program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        program.chmod(program.stat().st_mode | stat.S_IEXEC)
    engine = EspeakEngine()
    engine.program = str(program)  # cannot-start: no such program
    with (
        caplog.at_level(logging.WARNING, logger="guide_reader.ui.speech_engine"),
        qtbot.waitSignal(engine.failed, timeout=10_000) as failed,
    ):
        engine.say(Utterance("Bonjour.", "Bonjour.", Kind.SENTENCE, "top", 0), 1.0, 1.0)
    assert failed.args == [said]
    assert any(message.startswith(logged) for message in caplog.messages), caplog.messages


def assert_controls_at_rest(bar: ReadAloudBar) -> None:
    """Nothing plays: the player's buttons disabled, drawn in the theme's disabled colour, no ⏸."""
    assert bar.state is State.STOPPED and not bar.controls.isEnabled()
    assert bar.pause_button.property("standard_icon") == QStyle.StandardPixmap.SP_MediaPlay
    for button in (bar.previous_button, bar.pause_button, bar.next_button, bar.stop_button):
        image = button.icon().pixmap(QSize(48, 48), QIcon.Mode.Disabled).toImage()
        colours = {
            image.pixelColor(x, y).name() for x in range(48) for y in range(48) if image.pixelColor(x, y).alpha() == 255
        }
        assert colours == {bar.theme.disabled}, (button.text(), colours)


@pytest.mark.parametrize("state", [State.SPEAKING, State.PAUSED])
def test_after_a_voice_error_the_controls_are_back_at_rest(qtbot, window, state: State):
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.listen_button.click)
    assert bar.pause_button.property("standard_icon") == QStyle.StandardPixmap.SP_MediaPause
    if state is State.PAUSED:
        bar.pause_button.click()
    engine.failed.emit("aucune sortie son.")
    assert bar.status.text() == "La voix s'est arrêtée sur une erreur : aucune sortie son."
    assert_controls_at_rest(bar)
    assert bar.view.highlight_count(HIGHLIGHT_KIND) == 0
    engine = start(qtbot, bar, bar.listen_button.click)  # a new press reads again
    assert bar.state is State.SPEAKING and bar.controls.isEnabled()


def test_the_real_engine_names_the_package_when_espeak_or_its_french_voice_is_missing(qtbot, tmp_path: Path):
    engine = EspeakEngine()
    engine.program = None
    with qtbot.waitSignal(engine.voice_checked) as checked:
        engine.check_voice()
    assert checked.args == ["Aucune voix française : espeak-ng n'est pas installé (sudo apt install espeak-ng)."]
    program = tmp_path / "espeak-ng"
    program.write_text("#!/bin/sh\necho 'Pty Language Age/Gender VoiceName File Other Languages'\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IEXEC)
    engine.program = str(program)
    with qtbot.waitSignal(engine.voice_checked) as checked:
        engine.check_voice()
    assert checked.args == ["Aucune voix française dans espeak-ng (sudo apt install espeak-ng)."]


def test_bad_lines_of_the_pronunciation_file_are_said_once_with_file_and_line(qtbot, window, tmp_path: Path):
    from guide_reader.content.pronunciation import load_pronunciation

    rules = tmp_path / "pronunciation.txt"
    rules.write_text("leucopénie = leuco-pénie\nsans égal\n", encoding="utf-8")
    bar = open_guide(window, anchor="definition-et-vue-d-ensemble")
    bar.load_pronunciation = lambda: load_pronunciation(rules)
    engine = start(qtbot, bar, lambda: bar.listen_section("definition-et-vue-d-ensemble"))
    assert bar.status.text() == ("Phrase 1 sur 10\npronunciation.txt:2: ligne ignorée (il faut « écrit = dit »)")
    engine.finish()
    qtbot.waitUntil(lambda: len(engine.said) == 2)
    assert engine.said[1][0].startswith("La leuco-pénie se définit")
    assert bar.status.text() == "Phrase 2 sur 10"
    bar.listen_section("definition-et-vue-d-ensemble")  # the same problem is not said again
    assert bar.status.text() == "Phrase 1 sur 10"


def test_the_contents_and_ctrl_d_follow_the_section_being_read(qtbot, window):
    """The sentence is kept a quarter down the view, so the section at the top may be the one before:
    while a guide is read aloud, the contents mark (and Ctrl+D bookmarks) the section being heard."""
    window.resize(900, 600)
    page = window.article_page
    bar = open_guide(window)
    engine = start(qtbot, bar, bar.when_button.click)
    for _ in range(3):
        bar.next_button.click()
    assert engine.said[-1][0].startswith("Consultez en urgence")
    assert page.current_anchor() == WHEN_ANCHOR
    assert page.toc.currentItem().data(0, ANCHOR_ROLE) == WHEN_ANCHOR
    bar.stop_button.click()
    page.view.verticalScrollBar().setValue(0)
    assert page.current_anchor() == "top"
