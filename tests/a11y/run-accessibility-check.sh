#!/usr/bin/env bash
# Runs tests/a11y/check_accessibility.py against convdesk as a screen reader would meet it:
# a private D-Bus session with the AT-SPI accessibility bus, a virtual X server (Qt's AT-SPI
# bridge needs a real platform, not offscreen), Qt's bridge switched on, and a temporary HOME.
# The app starts on its sandbox with the main window and its dialogs open (--open-dialog, a
# CONVDESK_DEV_HOOKS option), then once more as on a first start: no profile, so the window
# shows its welcome page, with the profile dialog that its "Add a profile…" opens.
# Usage: run-accessibility-check.sh CONVDESK
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
convdesk="${1:?usage: $0 CONVDESK}"
dialogs=(profiles profile review history)

if [ "${CONVDESK_A11Y_INNER:-}" != 1 ]; then
    scratch="$(mktemp -d -t convdesk-a11y.XXXXXX)"
    trap 'rm -rf "$scratch"' EXIT
    export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/run"
    export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share" XDG_CACHE_HOME="$HOME/.cache"
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    export CONVDESK_A11Y_INNER=1
    # The outer timeout is the last guard; the checker has its own, shorter ones.
    exec timeout --kill-after=5 80 dbus-run-session -- \
        xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" "$0" "$@"
fi

# The accessibility bus, started now rather than on first use so that the app finds it.
/usr/libexec/at-spi-bus-launcher --launch-immediately &
launcher=$!
trap 'kill "$launcher" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.a11y.Bus.GetAddress \
        >/dev/null 2>&1 && break
    sleep 0.1
done

export QT_QPA_PLATFORM=xcb QT_ACCESSIBILITY=1 QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1
arguments=(--sandbox)
for dialog in "${dialogs[@]}"; do
    arguments+=(--open-dialog "$dialog")
done
# The Debian package python3-pyatspi installs into the system interpreter, not into a
# virtualenv's or pyenv's python3 that may come first in PATH.
python="${CONVDESK_A11Y_PYTHON:-/usr/bin/python3}"
status=0
"$python" "$here/check_accessibility.py" --timeout 40 --windows $((1 + ${#dialogs[@]})) \
    -- "$convdesk" "${arguments[@]}" || status=$?
welcome=0
"$python" "$here/check_accessibility.py" --timeout 20 --windows 2 \
    -- "$convdesk" --open-dialog profile || welcome=$?
[ "$status" -ne 0 ] || status=$welcome
exit "$status"
