#pragma once

#include "api/ApiResult.h"

#include <QString>

namespace convdesk {

// Words a support engineer can act on, one sentence per failure kind.
namespace ErrorText {

// What a business code means, from the vendor's code table ("rate limited", ...).
QString businessCodeMeaning(int code);

// What went wrong and what to do about it, for the status bar, dialogs and the CLI.
QString describe(const ApiResult &result);

// Whether the same request may well succeed a moment later (the network, a timeout, a busy
// or rate-limiting server), so the window offers Retry. Not for what a retry cannot change:
// a TLS problem, a wrong secret, bad input, or a write whose connection broke after sending.
bool suggestsRetry(const ApiResult &result);

// A short title for the failure kind ("Timeout", "TLS error", ...).
QString title(ErrorKind kind);

} // namespace ErrorText
} // namespace convdesk
