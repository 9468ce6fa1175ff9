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

// A short title for the failure kind ("Timeout", "TLS error", ...).
QString title(ErrorKind kind);

} // namespace ErrorText
} // namespace convdesk
