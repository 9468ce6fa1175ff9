#pragma once

namespace convdesk {

// convdesk-cli's documented exit codes; scripts depend on them.
enum CliExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,       // usage error or invalid input, caught before any request
    ExitBusiness = 3,    // the server answered a code other than 200
    ExitTransport = 4,   // network, timeout, TLS, HTTP status, malformed or oversized body
    ExitCredentials = 5, // no profile, no secret, keychain problem
    ExitConflict = 6,    // --expect-current/--expect-file did not match the server's value
    ExitAuditLog = 7,    // the audit log cannot be written, so the save was not sent
};

// A batch run (several conversations) ends with the most severe code of its conversations.
// Most severe first: 7 (nothing can be recorded, so nothing is sent), 5 (no usable profile or
// secret), 4 (no answer: a save may or may not have been applied), 6 (someone else changed
// the value), 3 (the server refused), 2 (invalid input, e.g. a malformed ID, skipped), 0.
// The order is documented in "convdesk-cli --help" and the README.
constexpr int exitCodeSeverity(int code)
{
    switch (code) {
    case ExitOk: return 0;
    case ExitUsage: return 1;
    case ExitBusiness: return 2;
    case ExitConflict: return 3;
    case ExitTransport: return 4;
    case ExitCredentials: return 5;
    case ExitAuditLog: return 6;
    default: return 7; // an undocumented code is never hidden behind a documented one
    }
}

constexpr int mostSevereExitCode(int a, int b)
{
    return exitCodeSeverity(b) > exitCodeSeverity(a) ? b : a;
}

} // namespace convdesk
