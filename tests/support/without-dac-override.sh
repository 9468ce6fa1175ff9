#!/bin/sh
# Runs a test so that file permissions apply to it even when it runs as root (CI does): root
# loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, keeping the rest (it still owns its files
# and may chmod them back). Anyone else runs the test as it is.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    exec setpriv --bounding-set=-dac_override,-dac_read_search -- "$@"
fi
exec "$@"
