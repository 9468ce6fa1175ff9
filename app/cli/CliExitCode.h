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

} // namespace convdesk
