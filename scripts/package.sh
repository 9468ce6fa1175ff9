#!/usr/bin/env bash
# Builds a Release of Conversation Desk and packs it with CPack:
#   build-package/convdesk_<version>_<arch>.deb   (installs under /usr; Depends from dpkg-shlibdeps)
#   build-package/convdesk-<version>-Linux.tar.gz (bin/ and share/ to unpack under any prefix)
# scripts/check-package.sh then installs the .deb and tries it. Usage: scripts/package.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_PACKAGE_DIR:-$root/build-package}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DCONVDESK_DEV_HOOKS=OFF  # no test or benchmark hooks in what ships
# Only what gets installed; the tests are built and run by scripts/test.sh.
cmake --build "$build" --parallel "$(nproc)" --target convdesk convdesk-cli convdesk_man_page
rm -f "$build"/convdesk_*.deb "$build"/convdesk-*.tar.gz "$build"/*.sha256
(cd "$build" && cpack)

echo
for package in "$build"/convdesk_*.deb "$build"/convdesk-*.tar.gz; do
    echo "$package ($(du -h "$package" | cut -f1))"
done
dpkg-deb --field "$build"/convdesk_*.deb Package Version Architecture Depends Recommends Suggests
