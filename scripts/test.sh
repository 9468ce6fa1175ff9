#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite, keychain tests
# against a real gnome-keyring in a private D-Bus session. Usage: scripts/test.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONVDESK_WERROR=ON
cmake --build "$build" --parallel "$(nproc)"

export QT_QPA_PLATFORM=offscreen
"$root/scripts/with-test-keyring.sh" \
    ctest --test-dir "$build" --output-on-failure --timeout 300 --parallel "$(nproc)"
