#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -fsanitize=fuzzer,address,undefined) in build-fuzz and
# runs each for a bounded time, starting from the committed seeds in tests/fuzz/corpus/.
# New interesting inputs stay in build-fuzz/corpus/; crashers land in build-fuzz/artifacts/
# (copy one into tests/fuzz/corpus/<target>/ once fixed: tst_fuzzcorpus replays it forever).
# Not part of CI. Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CONVDESK_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_response_parser fuzz_conversation_id fuzz_extension_validator
                                     fuzz_audit_log_reader)

"$root/scripts/install-deps.sh"
# Only fuzzing needs clang and its sanitizer runtimes (Debian 12 ships clang 14).
missing=()
for package in clang libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DCONVDESK_FUZZ=ON -DCONVDESK_DEV_HOOKS=ON
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_LOGGING_RULES="*.debug=false"
summary="$build/fuzz-summary.txt"
: >"$summary"
status=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    artifacts="$build/artifacts/$target/"
    log="$build/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    dict=()
    [ "$target" = fuzz_conversation_id ] || dict=(-dict="$root/tests/fuzz/json.dict")
    echo "== $target: ${seconds}s"
    if ! "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -max_len=8192 "${dict[@]}" \
            -print_final_stats=1 -artifact_prefix="$artifacts" \
            "$corpus" "$root/tests/fuzz/corpus/$target" >"$log" 2>&1; then
        status=1
        echo "   CRASH or broken property; see $log and $artifacts" | tee -a "$summary"
    fi
    # libFuzzer's last status line: "#<runs> DONE cov: <edges> ft: <features> corp: <n>/<size> ..."
    done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|RELOAD|INITED)' "$log" | tail -n 1 || true)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    printf '%s: %s execs; %s\n' "$target" "${execs:-?}" "${done_line:-no status line}" | tee -a "$summary"
done
echo "Summary in $summary"
exit "$status"
