#!/usr/bin/env bash
# Checks that the programs in a build made without CONVDESK_DEV_HOOKS carry none of the test
# and benchmark hooks: no screenshot, start-up probe or dialog opener, no sandbox fault
# switches, no dialog answer queue or dialog text capture. Reads the symbol tables with nm, so
# it needs unstripped binaries (a build tree, not the installed package), and first proves that
# the table is there by finding symbols every build has. Usage: scripts/check-release-hooks.sh BUILD_DIR
set -euo pipefail
build="${1:?usage: $0 BUILD_DIR}"

# Present in every build: if nm cannot see these, the check below would prove nothing.
required=(
    'convdesk::DialogHook::exec('
    'convdesk::SandboxServer::listen('
    'convdesk::ApiClient::'
)
# Only in builds with CONVDESK_DEV_HOOKS.
forbidden=(
    'convdesk::captureWhenShown('
    'convdesk::reportWhenLoadedForBenchmark('
    'convdesk::openDialogsWhenShown('
    'convdesk::DialogHook::setNextAnswer('
    'convdesk::DialogHook::setNextFileName('
    'convdesk::DialogHook::setInspector('
    'convdesk::DialogHook::lastText('
    'convdesk::DialogHook::answerQueued('
    'convdesk::SandboxServer::setResponseDelayMs('
    'convdesk::SandboxServer::setFailNextWithHttpStatus('
    'convdesk::SandboxServer::setMalformedNext('
    'convdesk::SandboxServer::setRateLimited('
    'convdesk::SandboxServer::setClockOffsetSeconds('
    'convdesk::SandboxServer::Private::injectedFault('
)
# Texts only the hooks print or match.
forbidden_strings=(
    'CONVDESK_BENCH_EXIT_WHEN_LOADED'
    "injected by the sandbox's fault switch"
    'DialogHook: question'
    'CONVDESK_DIALOGS open'
)

status=0
for program in "$build/ui/convdesk" "$build/app/cli/convdesk-cli"; do
    if [ ! -x "$program" ]; then
        echo "check-release-hooks: $program is missing" >&2
        exit 1
    fi
    symbols="$(nm -C "$program" 2>&1)"
    for name in "${required[@]}"; do
        if [ "$(basename "$program")" = convdesk-cli ] && [ "$name" = 'convdesk::DialogHook::exec(' ]; then
            continue # the CLI has no widgets
        fi
        if ! grep -qF -- "$name" <<<"$symbols"; then
            echo "check-release-hooks: $program has no symbol $name; is it stripped? Nothing can be checked." >&2
            exit 1
        fi
    done
    for name in "${forbidden[@]}"; do
        if grep -qF -- "$name" <<<"$symbols"; then
            echo "check-release-hooks: $program contains the development hook $name" >&2
            status=1
        fi
    done
    for text in "${forbidden_strings[@]}"; do
        if grep -qaF -- "$text" "$program"; then
            echo "check-release-hooks: $program contains the development text \"$text\"" >&2
            status=1
        fi
    done
done
[ "$status" -eq 0 ] && echo "check-release-hooks: no development hooks in $build"
exit "$status"
