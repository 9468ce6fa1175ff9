#!/bin/sh
# Runs a test so that file permissions apply to it even when it runs as root (CI does): root
# loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, keeping the rest (it still owns its files
# and may chmod them back). Anyone else, or a root that may not drop capabilities (no
# CAP_SETPCAP), runs the test as it is; the test then skips its read-only cases.
drop="--inh-caps=-dac_override,-dac_read_search --bounding-set=-dac_override,-dac_read_search"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && setpriv $drop -- true 2>/dev/null; then
    exec setpriv $drop -- "$@"
fi
exec "$@"
