#!/bin/sh
# For tst_keychainsecretstore's "locked keychain" case: in a private D-Bus session of its own
# (so the suite's shared keyring stays unlocked), stores a secret with keychain_probe, locks
# the login keyring over the Secret Service API, runs the probe's read, write and remove
# against the locked keyring, and reads once more after unlocking. Without a display,
# gnome-keyring's unlock prompt fails at once, as it does on a headless machine or over ssh.
# Usage: locked-keychain-session.sh <keychain_probe> <service> <profile> <secret>
set -eu
if [ "${CONVDESK_LOCKED_KEYCHAIN_INNER:-}" != 1 ]; then
    unset DISPLAY WAYLAND_DISPLAY
    export CONVDESK_LOCKED_KEYCHAIN_INNER=1
    exec dbus-run-session -- "$0" "$@"
fi
probe="$1"
shift
printf '%s' 'convdesk-locked-test' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
echo "unlocked: $("$probe" "$@" write)" >&2
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
"$probe" "$@" read,write,remove
# Unlocked again (a new daemon, given the password): the entry must have survived the removal.
printf '%s' 'convdesk-locked-test' | gnome-keyring-daemon --replace --unlock --components=secrets >/dev/null
echo "unlocked again: $("$probe" "$@" read)" >&2
