#!/usr/bin/env bash
# Builds Conversation Desk, runs it on its sandbox under a virtual X server with a
# conversation loaded and part of the tree expanded, and writes docs/screenshot-main.png
# (English) and docs/screenshot-main-zh_CN.png (Simplified Chinese; needs fonts-noto-cjk).
# Usage: scripts/screenshot.sh [OUTPUT.png]   (the Chinese one goes beside it, -zh_CN.png)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_BUILD_DIR:-$root/build}"
output="${1:-$root/docs/screenshot-main.png}"
output_zh="${output%.png}-zh_CN.png"

# --screenshot is a development hook (CONVDESK_DEV_HOOKS), absent from release builds.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCONVDESK_DEV_HOOKS=ON >/dev/null
cmake --build "$build" --target convdesk

mkdir -p "$(dirname "$output")"
# A private HOME keeps the user's settings and window geometry out of the picture.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data"
export QT_QPA_PLATFORM=xcb

for lang in en zh_CN; do
    file="$output"
    [ "$lang" = en ] || file="$output_zh"
    # Fresh settings each time: the window's saved geometry would carry over between the two.
    rm -rf "$scratch/config"
    xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24" \
        "$build/ui/convdesk" --lang "$lang" --sandbox --screenshot "$file"
    echo "wrote $file"
done
