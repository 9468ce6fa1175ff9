#include "api/CredentialCheck.h"

#include "api/ErrorText.h"

namespace convdesk {

bool CredentialCheck::isSignatureRejection(const ApiResult &result)
{
    if (result.error != ErrorKind::Business || result.code != 414)
        return false;
    const QString msg = result.msg.toLower();
    for (const char *word : {"checksum", "check sum", "signature", "curtime", "appkey", "nonce"}) {
        if (msg.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

CredentialVerdict CredentialCheck::assess(const ApiResult &result, const QString &request)
{
    const QString details = tr("%1: %2 ms, trace id %3").arg(request).arg(result.latencyMs).arg(result.traceId);
    if (result.ok())
        return {CredentialVerdict::Outcome::Accepted,
                tr("Credentials accepted: the server answered code %1. (%2)").arg(result.code).arg(details)};
    if (isSignatureRejection(result))
        return {CredentialVerdict::Outcome::Rejected,
                tr("Credentials rejected: %1 (%2)").arg(ErrorText::describe(result), details)};
    // 414 about the ID, 403 and 404 are answers about the request, given only after the
    // signature passed; rate limits and server errors may come before that check.
    const bool judged = result.error == ErrorKind::Business
                        && (result.code == 414 || result.code == 403 || result.code == 404);
    if (judged)
        return {CredentialVerdict::Outcome::Accepted,
                tr("Credentials accepted; the server answered code %1 about the request itself: %2 (%3)")
                    .arg(result.code).arg(ErrorText::describe(result), details)};
    return {CredentialVerdict::Outcome::Unverified,
            tr("Could not check the credentials: %1 (%2)").arg(ErrorText::describe(result), details)};
}

} // namespace convdesk
