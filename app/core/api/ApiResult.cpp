#include "api/ApiResult.h"

namespace convdesk {

QString errorKindKey(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return QStringLiteral("none");
    case ErrorKind::Configuration: return QStringLiteral("configuration");
    case ErrorKind::NetworkDown: return QStringLiteral("network");
    case ErrorKind::Timeout: return QStringLiteral("timeout");
    case ErrorKind::Tls: return QStringLiteral("tls");
    case ErrorKind::HttpStatus: return QStringLiteral("http-status");
    case ErrorKind::MalformedResponse: return QStringLiteral("malformed-response");
    case ErrorKind::OversizedResponse: return QStringLiteral("oversized-response");
    case ErrorKind::Business: return QStringLiteral("business");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

} // namespace convdesk
