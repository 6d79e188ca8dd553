# Set-up shared by scripts/start and scripts/test (sourced, not run).
# Installs what a fresh Debian machine with only python3 lacks, then keeps a
# virtual environment in .venv (or $GUIDE_READER_VENV) up to date with pyproject.toml.
# SETUP=test (scripts/test) adds what only the tests need; scripts/start installs the reader alone.
set -eu
SETUP=${SETUP:-reader}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=${GUIDE_READER_VENV:-"$ROOT/.venv"}
APT_UPDATED=no

say() { printf '%s\n' "guide-reader setup: $*" >&2; }

# Install these Debian packages (none: nothing to do), as root or through sudo.
apt_install() {
    [ $# -gt 0 ] || return 0
    if ! command -v apt-get >/dev/null 2>&1; then
        say "missing system packages: $* (install them with your package manager)"
        return 0
    fi
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        say "missing system packages, run as root: apt-get install $*"
        return 0
    fi
    if [ "$APT_UPDATED" = no ]; then
        $SUDO apt-get update -qq >&2
        APT_UPDATED=yes
    fi
    say "installing system packages: $*"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >&2
}

# The packages of a list of "thing package" lines (# comments) whose thing the test $2 does not find,
# each after a space.
missing_packages() {
    while read -r thing package; do
        case "$thing" in ''|'#'*) continue ;; esac
        "$2" "$thing" || printf ' %s' "$package"
    done < "$ROOT/packaging/$1"
}

has_library() { printf '%s\n' "$libraries" | grep -qxF "$1"; }
has_command() { command -v "$1" >/dev/null 2>&1; }
has_command_or_file() { has_command "$1" || [ -e "$1" ]; }

ensure_system_packages() {
    missing=""
    if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
        missing="python3-venv"
    fi
    libraries=$( (ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true) | awk '{print $1}')
    missing="$missing$(missing_packages debian-packages.txt has_library)"
    missing="$missing$(missing_packages debian-commands.txt has_command)"
    if ! ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 \
        && ! (command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list 2>/dev/null)" ]); then
        missing="$missing fonts-dejavu-core"
    fi
    # shellcheck disable=SC2086
    apt_install $missing
}

ensure_venv() {
    if [ ! -x "$VENV/bin/python" ]; then
        say "creating the virtual environment in $VENV"
        python3 -m venv "$VENV"
    fi
    stamp="$VENV/.guide-reader-installed-$SETUP"
    target="$ROOT"
    if [ "$SETUP" = test ]; then target="$ROOT[test]"; fi
    if [ "$SETUP" = reader ] && [ -f "$VENV/.guide-reader-installed-test" ] \
        && [ ! "$ROOT/pyproject.toml" -nt "$VENV/.guide-reader-installed-test" ]; then
        stamp="$VENV/.guide-reader-installed-test"  # the tests' set-up holds the reader's
    fi
    if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
        say "installing Guide Reader and its dependencies"
        "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
        "$VENV/bin/python" -m pip install --quiet --editable "$target" >&2
        touch "$stamp"
    fi
}

ensure_test_packages() {
    missing=$(missing_packages debian-test-packages.txt has_command_or_file)
    # shellcheck disable=SC2086
    apt_install $missing
}

ensure_system_packages
if [ "$SETUP" = test ]; then ensure_test_packages; fi
ensure_venv
