"""import into a folder where a FIFO, a device link or a dangling link holds the article's or the
source's name: the import never opens them (a FIFO would hang it), never writes through them
(a link to /dev/zero would swallow the source), and places the article under another name."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

RAW = "Angine : ce qu'il faut savoir\nLe mal de gorge dure une semaine.\nQuand consulter ?\nSi la fièvre dure.\n"


def _import(tmp_path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    source = tmp_path / "angine.txt"
    source.write_text(RAW, encoding="utf-8")
    command = [sys.executable, "-m", "guide_reader", "import", str(source), "--out", str(out)]
    return subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)


@pytest.mark.parametrize("special", ["fifo", "dev-zero", "dangling-link"])
def test_a_special_file_at_the_articles_or_sources_name_is_left_alone(tmp_path, special) -> None:
    out = tmp_path / "guides"
    (out / "sources").mkdir(parents=True)
    outside = tmp_path / "outside.md"
    for path in (out / "angine.md", out / "sources" / "angine.txt"):
        if special == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero" if special == "dev-zero" else outside)
    before = {path.name: path.lstat().st_mode for path in (out / "angine.md", out / "sources" / "angine.txt")}
    done = _import(tmp_path, out)
    assert done.returncode == 0, done.stderr
    assert "angine.txt -> " + str(out / "angine-2.md") + " (nouveau, nom changé" in done.stdout
    after = {path.name: path.lstat().st_mode for path in (out / "angine.md", out / "sources" / "angine.txt")}
    assert after == before
    assert not outside.exists()
    assert (out / "sources" / "angine-2.txt").read_text(encoding="utf-8") == RAW
    article = (out / "angine-2.md").read_text(encoding="utf-8")
    assert "source: sources/angine-2.txt" in article
    assert stat.S_ISREG((out / "angine-2.md").lstat().st_mode)
