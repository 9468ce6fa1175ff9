#pragma once

#include "api/ApiResult.h"

#include <QCoreApplication>
#include <QString>

namespace convdesk {

// What one test call says about a profile's AppKey and AppSecret. The server checks the
// signature before anything else, so an answer about the conversation or account itself
// ("not found", "no permission") still proves the credentials were accepted.
struct CredentialVerdict
{
    enum class Outcome {
        Accepted,   // the signature passed
        Rejected,   // AppKey, AppSecret or the clock were refused
        Unverified, // the call failed before the server could judge (network, TLS, 5xx, ...)
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
    // Whether a business failure is about the signature rather than the request.
    static bool isSignatureRejection(const ApiResult &result);
};

} // namespace convdesk
