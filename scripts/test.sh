#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite twice: a normal
# build, then an AddressSanitizer + UndefinedBehaviorSanitizer build (CONVDESK_SANITIZE).
# Keychain tests run against a real gnome-keyring in a private D-Bus session. Prints how
# long each phase took. Usage: scripts/test.sh [--no-asan]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_BUILD_DIR:-$root/build}"
asan_build="${CONVDESK_ASAN_BUILD_DIR:-$root/build-asan}"
run_asan=1
[ "${1:-}" = "--no-asan" ] && run_asan=0

timings=()
phase() { # name command...
    local name="$1" start=$SECONDS status=0
    shift
    echo "=== $name"
    "$@" || status=$?
    timings+=("$(printf '%-22s %4ds%s' "$name" $((SECONDS - start)) "$([ $status -eq 0 ] || echo '  FAILED')")")
    return $status
}
report() {
    echo "=== Phase times (total ${SECONDS}s)"
    printf '%s\n' "${timings[@]}"
}
trap report EXIT

"$root/scripts/install-deps.sh"
export QT_QPA_PLATFORM=offscreen
jobs="$(nproc)"
# One compile more than there are CPUs: links and moc runs wait on the disk, not the CPU.
build_jobs=$((jobs + 1))
# Every build: the libraries in batches (CONVDESK_UNITY_BUILD, see CMakeLists.txt) and LLVM's
# linker, which links the hundred-odd test programs in a fraction of GNU ld's time.
speed_options=(-DCONVDESK_UNITY_BUILD=ON -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld
    -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld)

# -g1 (line tables) is all a failing test's backtrace needs, and builds faster than -g; -O1
# keeps GCC's flow-based warnings and compiles about a fifth faster than -O2 (the benchmarks
# build their own -O2 Release tree).
phase "configure" cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCONVDESK_WERROR=ON -DCONVDESK_DEV_HOOKS=ON \
    "${speed_options[@]}"
phase "build" cmake --build "$build" --parallel "$build_jobs"
phase "tests" "$root/scripts/with-test-keyring.sh" \
    ctest --test-dir "$build" --output-on-failure --timeout 300 --parallel "$jobs"

# A build without the development hooks, as scripts/package.sh makes it (-O0: only its symbol
# table is read), must carry none of them; the test build, which has them, is the control that
# shows the check can fail.
release_build="${CONVDESK_RELEASE_BUILD_DIR:-$root/build-release}"
phase "release configure" cmake -S "$root" -B "$release_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS_RELEASE="-O0" -DCONVDESK_WERROR=ON -DCONVDESK_DEV_HOOKS=OFF "${speed_options[@]}"
phase "release build" cmake --build "$release_build" --parallel "$build_jobs" --target convdesk convdesk-cli
phase "release hooks" "$root/scripts/check-release-hooks.sh" "$release_build"
phase "hooks check control" bash -c '! "$0" "$1" >/dev/null 2>&1' \
    "$root/scripts/check-release-hooks.sh" "$build"

[ "$run_asan" -eq 1 ] || exit 0

# Qt and the system libraries are not instrumented; tests/sanitizer/ explains the options.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizer/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$root/tests/sanitizer/ubsan.supp"
# A Debug build, so Q_ASSERT and the standard library's assertions check too; the line tables
# of -g1 give the sanitizers' reports their file and line. -O0 builds about a tenth faster than
# -O1 and the instrumented tests still take well under a minute: the build is what keeps the
# whole run under 25 minutes.
phase "asan configure" cmake -S "$root" -B "$asan_build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O0 -g1" -DCONVDESK_WERROR=ON -DCONVDESK_SANITIZE=ON \
    -DCONVDESK_DEV_HOOKS=ON "${speed_options[@]}"
phase "asan build" cmake --build "$asan_build" --parallel "$build_jobs"
# Not tst_accessibility (label a11y): it reads the names widgets expose over D-Bus, which the
# sanitizers do not change, and the code it runs (the window and its dialogs opening) runs
# under them already in tst_mainwindow, tst_translatedwindows and tst_clearbuttons.
phase "asan tests" "$root/scripts/with-test-keyring.sh" \
    ctest --test-dir "$asan_build" --output-on-failure --timeout 600 --parallel "$jobs" --label-exclude a11y
