#!/usr/bin/env bash
# Regenerates the TEST-ONLY certificates in this directory (tst_tls uses them): a private
# CA, a server certificate for localhost/127.0.0.1/::1 signed by it, and one for a host
# name nobody connects to. The CA key is thrown away, so nothing else can be signed with it.
# Usage: tests/tls/generate.sh   (needs the openssl command)
set -euo pipefail
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
days=36500

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days "$days" \
    -subj "/O=Conversation Desk tests/CN=Conversation Desk TEST-ONLY CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$scratch/ca.key" -out test-ca.pem

issue() { # name subjectAltName
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -subj "/O=Conversation Desk tests/CN=$1 (TEST-ONLY)" -keyout "$1.key" -out "$scratch/$1.csr"
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
        "$2" >"$scratch/$1.ext"
    openssl x509 -req -in "$scratch/$1.csr" -CA test-ca.pem -CAkey "$scratch/ca.key" -CAcreateserial \
        -CAserial "$scratch/ca.srl" -days "$days" -extfile "$scratch/$1.ext" -out "$1.pem"
}
issue localhost "DNS:localhost,IP:127.0.0.1,IP:::1"
issue wrong-host "DNS:wrong-host.invalid"
chmod 644 ./*.key ./*.pem
