#!/usr/bin/env bash
# Builds a Release tree and runs the benchmarks of tests/bench: every figure beside a
# baseline measured in the same run (ratios, medians of several runs, each in a fresh
# process), written to docs/bench-results.md. docs/benchmarks.md explains them.
# The CLI's round trip needs a keychain: the run happens inside a private D-Bus session and
# gnome-keyring (scripts/with-test-keyring.sh), never the user's own.
# Usage: scripts/bench.sh [--runs N] [--sizes 100k,1m,8m] [--only tree,startup,roundtrip,list,batch]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_BENCH_BUILD_DIR:-$root/build-bench}"

"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCONVDESK_DEV_HOOKS=ON >/dev/null
cmake --build "$build" --target convdesk_bench

exec "$root/scripts/with-test-keyring.sh" \
    "$build/tests/bench/convdesk_bench" --out "$root/docs/bench-results.md" "$@"
