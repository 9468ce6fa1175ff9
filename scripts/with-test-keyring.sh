#!/usr/bin/env bash
# Runs a command against a real Secret Service: a private D-Bus session with an unlocked
# gnome-keyring, and HOME/XDG_* in a temporary directory so that a fresh login keyring is
# created without a prompt. Nothing touches the real user's keyring or settings.
set -euo pipefail

if [ "${CONVDESK_TEST_KEYRING_INNER:-}" != 1 ]; then
    scratch=$(mktemp -d -t convdesk-keyring.XXXXXX)
    trap 'rm -rf "$scratch"' EXIT
    export HOME="$scratch/home"
    export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
    export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$scratch/run"
    mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
    chmod 700 "$XDG_RUNTIME_DIR"
    export CONVDESK_TEST_KEYRING_INNER=1 CONVDESK_TEST_HOME="$HOME"
    status=0
    dbus-run-session -- "$0" "$@" || status=$?
    exit "$status"
fi

# Inside the private session bus: start the daemon with the secrets component, unlocked.
eval "$(printf '%s' 'convdesk-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
"$@"
