#!/usr/bin/env bash
# A round trip through convdesk-cli against its sandbox, in a throw-away HOME and keyring:
# start the simulator, add a profile, read a conversation, change its server_extension,
# read it again. Usage: scripts/cli-sandbox-demo.sh [path/to/convdesk-cli]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cli="${1:-$root/build/app/cli/convdesk-cli}"

if [ "${CONVDESK_TEST_KEYRING_INNER:-}" != 1 ]; then
    exec "$root/scripts/with-test-keyring.sh" "$0" "$cli"
fi

log=$(mktemp)
"$cli" sandbox >"$log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q '^AppSecret' "$log" && break; sleep 0.1; done
cat "$log"

url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$log")
key=$(sed -n 's/^AppKey: *//p' "$log")
secret=$(sed -n 's/^AppSecret: *\([^ ]*\).*/\1/p' "$log")
id=$(sed -n 's/^Conversations: \([^,]*\).*/\1/p' "$log")

set -x
printf '%s\n' "$secret" | "$cli" profile add sandbox --endpoint "$url" --app-key "$key"
"$cli" get "$id"
"$cli" set-extension "$id" --value '{"ticket":"CS-1024","vip":true}'
"$cli" get "$id" | grep server_extension
