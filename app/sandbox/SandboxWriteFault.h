#pragma once

#ifdef CONVDESK_DEV_HOOKS

#include "SandboxReply.h"

namespace convdesk {

// The answers a client can get to a write that the server did apply (or, for
// LieWithoutApplying, claims to have applied): for the tests of the guarded save's verified
// outcomes. A development hook, absent from release builds.
enum class SandboxWriteFault {
    None,
    ApplyThenStatus500,  // applied, then HTTP 500
    ApplyThenHtml,       // applied, then an HTML error page with status 200
    ApplyThenLie,        // applied, then an answer naming another server_extension
    ApplyThenReset,      // applied, then the connection is closed without an answer
    ApplyThenHang,       // applied, then no answer at all
    LieWithoutApplying,  // not applied, but answered as if another value had been
};

namespace SandboxWriteFaults {

// The reply to send instead of `applied` for the answering faults (500, HTML, lies);
// `applied` itself for the others.
SandboxReply replyFor(SandboxWriteFault fault, const SandboxReply &applied);

} // namespace SandboxWriteFaults
} // namespace convdesk

#endif
