#!/usr/bin/env bash
# Installs the .deb that scripts/package.sh built on this machine, checks the installed
# programs and files, and removes the package again (also when a check fails).
# Needs root or sudo, and changes the system: run it on a build or test machine.
# Usage: scripts/check-package.sh [path/to/convdesk_VERSION_ARCH.deb]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deb="${1:-$(ls -t "$root"/build-package/convdesk_*.deb 2>/dev/null | head -n 1)}"
[ -f "$deb" ] || { echo "check-package.sh: no .deb found; run scripts/package.sh first" >&2; exit 2; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
app_id=io.github.convdesk.ConversationDesk
version="$(dpkg-deb --field "$deb" Version)"
scratch="$(mktemp -d -t convdesk-check.XXXXXX)"
passed=0

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { passed=$((passed + 1)); echo "ok   $*"; }
cleanup() {
    status=$?
    echo "--- removing convdesk"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y -q convdesk >/dev/null || status=1
    if dpkg-query -W -f='${Status}' convdesk 2>/dev/null | grep -q "install ok installed" || [ -e /usr/bin/convdesk ]; then
        echo "FAIL: convdesk is still installed" >&2
        status=1
    fi
    rm -rf "$scratch"
    [ "$status" -eq 0 ] && echo "check-package: $passed checks passed, package removed again"
    exit "$status"
}

echo "--- installing $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$deb" >"$scratch/apt.log" 2>&1 \
    || { cat "$scratch/apt.log" >&2; fail "apt-get install"; }
trap cleanup EXIT
pass "apt-get install resolved the package's dependencies"

echo "--- package metadata"
dpkg -s convdesk | grep -E '^(Package|Version|Architecture|Depends|Recommends|Suggests):'
depends="$(dpkg-query -W -f='${Depends}' convdesk)"
for library in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6dbus6 libqt6keychain1 libc6 libstdc++6; do
    [[ "$depends" == *"$library"* ]] || fail "Depends lacks $library: $depends"
done
pass "Depends lists Qt, QtKeychain and the C/C++ runtime"
[ "$(dpkg-query -W -f='${Recommends}' convdesk)" = "gnome-keyring | kwalletmanager" ] \
    || fail "Recommends: $(dpkg-query -W -f='${Recommends}' convdesk)"
pass "Recommends a Secret Service daemon"

echo "--- installed files"
expected=(
    /usr/bin/convdesk /usr/bin/convdesk-cli
    "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/convdesk-cli.1.gz /usr/share/doc/convdesk/copyright
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${expected[@]}"; do
    dpkg -S "$file" >/dev/null 2>&1 || fail "$file is not in the package"
    [ -e "$file" ] || fail "$file is missing"
done
pass "${#expected[@]} files in place (programs, desktop entry, metainfo, icons, man page, copyright)"
for program in /usr/bin/convdesk /usr/bin/convdesk-cli; do
    ! ldd "$program" | grep -q "not found" || fail "$program has unresolved libraries: $(ldd "$program" | grep "not found")"
done
pass "every shared library of both programs resolves"

echo "--- the programs"
# No display on a build machine: the GUI runs on Qt's offscreen platform, with a throw-away
# HOME so no settings are left behind.
export HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME"
[ "$(convdesk-cli --version)" = "convdesk-cli $version" ] || fail "convdesk-cli --version: $(convdesk-cli --version)"
pass "convdesk-cli --version prints $version"
[ "$(convdesk --version)" = "convdesk $version" ] || fail "convdesk --version: $(convdesk --version)"
pass "convdesk --version prints $version"
convdesk-cli --help | grep -q "set-extension" || fail "convdesk-cli --help"
status=0
convdesk-cli frobnicate 2>/dev/null || status=$?
[ "$status" -eq 2 ] || fail "convdesk-cli with an unknown command exited $status, not 2"
pass "convdesk-cli --help works and a usage error exits 2"

status=0
timeout 5 convdesk --sandbox >"$scratch/gui.log" 2>&1 || status=$?
[ "$status" -eq 124 ] || { cat "$scratch/gui.log" >&2; fail "convdesk --sandbox exited $status within 5 s"; }
pass "convdesk --sandbox starts and keeps running (stopped after 5 s)"
timeout 60 convdesk --sandbox --screenshot "$scratch/window.png" >"$scratch/shot.log" 2>&1 \
    || { cat "$scratch/shot.log" >&2; fail "convdesk --sandbox --screenshot"; }
file "$scratch/window.png" | grep -q "PNG image data" || fail "no screenshot written"
pass "the window loads a sandbox conversation ($(file -b "$scratch/window.png" | cut -d, -f2 | xargs))"

echo "--- desktop integration"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
pass "desktop-file-validate accepts the desktop entry"
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
pass "appstreamcli validate accepts the metainfo"
[ "$(man -w convdesk-cli)" = /usr/share/man/man1/convdesk-cli.1.gz ] || fail "man -w convdesk-cli: $(man -w convdesk-cli)"
MANWIDTH=80 man -l /usr/share/man/man1/convdesk-cli.1.gz 2>"$scratch/man.err" | col -b >"$scratch/man.txt"
[ ! -s "$scratch/man.err" ] || { cat "$scratch/man.err" >&2; fail "man reported problems"; }
for section in SYNOPSIS COMMANDS OPTIONS "EXIT STATUS" FILES; do
    grep -q "^$section" "$scratch/man.txt" || fail "the man page has no $section section"
done
grep -q "Conversation Desk $version" "$scratch/man.txt" || fail "the man page does not name version $version"
pass "man convdesk-cli renders ($(wc -l <"$scratch/man.txt") lines)"
