#include "api/CredentialCheck.h"

#include "api/ErrorText.h"

namespace convdesk {

CredentialVerdict CredentialCheck::assess(const ApiResult &result, const QString &request)
{
    const QString details = tr("%1: %2 ms, trace id %3").arg(request).arg(result.latencyMs).arg(result.traceId);
    if (result.ok())
        return {CredentialVerdict::Outcome::Accepted,
                tr("Credentials accepted: the server answered code %1. (%2)").arg(result.code).arg(details)};
    if (result.error == ErrorKind::Business && result.code == 414)
        return {CredentialVerdict::Outcome::Unconfirmed,
                tr("Could not confirm the credentials: the server answered code 414 (\"%1\"), which it gives both "
                   "for a wrong AppKey, AppSecret or clock and for a bad parameter such as an unknown "
                   "conversation. Test with a conversation ID or account that exists; only code 200 proves "
                   "the credentials. (%2)")
                    .arg(result.msg, details)};
    if (result.error == ErrorKind::Business)
        return {CredentialVerdict::Outcome::Unconfirmed,
                tr("Could not confirm the credentials: %1 Only code 200 proves the credentials; test with a "
                   "conversation ID or account that exists. (%2)")
                    .arg(ErrorText::describe(result), details)};
    return {CredentialVerdict::Outcome::Unverified,
            tr("Could not check the credentials: %1 (%2)").arg(ErrorText::describe(result), details)};
}

} // namespace convdesk
