#pragma once

#include "api/ApiResult.h"

#include <QCoreApplication>
#include <QString>

namespace convdesk {

// What one test call says about a profile's AppKey and AppSecret. Only code 200 proves that
// the server accepted the signature. Code 414 proves nothing either way: the service gives it
// both for a rejected signature (AppKey, AppSecret, clock) and for a bad parameter such as an
// unknown conversation, and its msg wording is not documented, so it is never guessed from.
// Other business codes (403, 404, 416, 5xx) are not documented to come only after the
// signature check either.
struct CredentialVerdict
{
    enum class Outcome {
        Accepted,    // code 200: the signature passed
        Unconfirmed, // the server answered another code; the credentials may or may not be right
        Unverified,  // the call failed before the server could judge (network, TLS, HTTP status, ...)
    };
    Outcome outcome = Outcome::Unverified;
    QString message; // one or two sentences for the profile dialog

    bool accepted() const { return outcome == Outcome::Accepted; }
};

class CredentialCheck
{
    Q_DECLARE_TR_FUNCTIONS(CredentialCheck)
public:
    // `request` names what was asked, e.g. "GET acc1|1|acc2".
    static CredentialVerdict assess(const ApiResult &result, const QString &request);
};

} // namespace convdesk
