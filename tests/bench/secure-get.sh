#!/usr/bin/env bash
# The careful shell script that reads one conversation: the baseline of the CLI figures of
# scripts/bench.sh (RoundTripRun, BatchRun). The AppSecret comes from the Secret Service
# where `convdesk-cli profile add` stored it (secret-tool), the request is signed exactly
# like app/core/api/RequestSigner (Nonce: 16 random bytes as 32 hex digits; CurTime: seconds
# since the epoch; CheckSum: SHA-1 of AppSecret + Nonce + CurTime in lowercase hex), and the
# headers reach curl on standard input, so neither the secret nor the CheckSum is ever in a
# process's arguments. Bash builtins stand in for date, cut and cat where they can.
# Usage: secure-get.sh PROFILE BASE_URL APP_KEY CONVERSATION_ID
set -euo pipefail
profile=$1 base=$2 app_key=$3 id=$4

secret=$(secret-tool lookup server ConversationDesk user "$profile")
nonce=$(od -An -N16 -tx1 /dev/urandom)
nonce=${nonce//[[:space:]]/}
cur_time=$EPOCHSECONDS
read -r check_sum _ < <(printf '%s' "$secret$nonce$cur_time" | sha1sum)
trace_id=$(</proc/sys/kernel/random/uuid)

# The ID as one path segment: everything but unreserved characters percent-encoded ('|' is %7C).
path=
for ((i = 0; i < ${#id}; i++)); do
    c=${id:i:1}
    case $c in
        [A-Za-z0-9._~-]) path+=$c ;;
        *) printf -v hex '%%%02X' "'$c"; path+=$hex ;;
    esac
done

curl -sS --fail -H @- "${base%/}/im/v2.1/conversations/$path" <<HEADERS
AppKey: $app_key
Nonce: $nonce
CurTime: $cur_time
CheckSum: $check_sum
X-custom-traceid: $trace_id
HEADERS
echo
