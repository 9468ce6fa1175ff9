#!/usr/bin/env bash
# Builds Conversation Desk and starts it on its built-in sandbox (no account needed).
# Usage: scripts/run-sandbox.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --parallel "$(nproc)" --target convdesk convdesk-cli

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ "${QT_QPA_PLATFORM:-}" = offscreen ]; then
    exec "$build/ui/convdesk" --sandbox "$@"
fi

# No display (an SSH session or a container): show the same sandbox through the CLI.
echo "No display found; demonstrating the sandbox with convdesk-cli instead." >&2
exec "$root/scripts/cli-sandbox-demo.sh" "$build/app/cli/convdesk-cli"
