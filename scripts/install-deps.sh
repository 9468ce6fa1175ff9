#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing Conversation Desk
# need. Idempotent: does nothing when everything is already installed.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkgconf
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-translations-l10n  # qtbase_zh_CN.qm: Qt's own texts (buttons, --help) in Chinese
    qt6-httpserver-dev qt6-websockets-dev qt6-qpa-plugins qtkeychain-qt6-dev libgl-dev
    nlohmann-json3-dev libvalijson-dev
    libsimdjson-dev  # large read-only answers: one On-Demand pass builds the tree's index
    json-schema-test-suite  # the official JSON Schema tests (draft7), run by tst_schematestsuite
    gnome-keyring libsecret-tools dbus dbus-x11
    at-spi2-core python3-pyatspi  # tst_accessibility reads the app through the AT-SPI bus
    xvfb xauth x11-apps imagemagick fonts-noto-cjk
    dpkg-dev desktop-file-utils appstream man-db file
    lld  # scripts/test.sh links with it: the test programs link several times faster
    curl openssl  # openssl: the sandbox's https certificate (tst_cli)
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
