#!/usr/bin/env bash
# Renders the committed application icons from the one SVG source: the hicolor PNG sizes,
# the Windows .ico and the macOS .icns. Run it after editing the SVG and commit the results.
# Needs rsvg-convert (librsvg2-bin), convert (imagemagick) and png2icns (icnsutils).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
id=io.github.convdesk.ConversationDesk
hicolor="$root/resources/icons/hicolor"
svg="$hicolor/scalable/apps/$id.svg"

for tool in rsvg-convert:librsvg2-bin convert:imagemagick png2icns:icnsutils; do
    command -v "${tool%%:*}" >/dev/null || { echo "render-icons.sh: ${tool%%:*} is missing (apt-get install ${tool##*:})" >&2; exit 1; }
done

for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$svg" -o "$hicolor/${size}x${size}/apps/$id.png"
done

png() { echo "$hicolor/$1x$1/apps/$id.png"; }
convert "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" "$(png 256)" "$root/packaging/windows/convdesk.ico"
png2icns "$root/packaging/macos/convdesk.icns" "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$(png 512)" >/dev/null
echo "Rendered $(find "$hicolor" -name "$id.png" | wc -l) PNG sizes, convdesk.ico and convdesk.icns."
