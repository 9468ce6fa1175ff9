#include "api/ErrorText.h"

#include "api/ApiLimits.h"

#include <QCoreApplication>

namespace convdesk::ErrorText {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("convdesk::ErrorText", text);
}
} // namespace

QString businessCodeMeaning(int code)
{
    switch (code) {
    case 200: return tr("success");
    case 403: return tr("operation not allowed or no permission");
    case 404: return tr("object not found");
    case 405: return tr("parameter too long");
    case 408: return tr("client request timeout");
    case 414: return tr("parameter error");
    case 416: return tr("rate limited");
    case 417: return tr("repeated operation");
    case 419: return tr("quantity over the limit");
    case 431: return tr("repeated HTTP request (same trace id)");
    case 500: return tr("server internal error");
    case 503: return tr("server busy");
    case 514: return tr("service unavailable");
    default: return tr("unknown code");
    }
}

QString title(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::None: return tr("Success");
    case ErrorKind::Configuration: return tr("Profile problem");
    case ErrorKind::NetworkDown: return tr("Network error");
    case ErrorKind::Timeout: return tr("Timeout");
    case ErrorKind::Tls: return tr("TLS error");
    case ErrorKind::HttpStatus: return tr("HTTP error");
    case ErrorKind::MalformedResponse: return tr("Malformed response");
    case ErrorKind::OversizedResponse: return tr("Response too large");
    case ErrorKind::Business: return tr("Rejected by the server");
    case ErrorKind::Cancelled: return tr("Cancelled");
    }
    return {};
}

namespace {

QString describeBusiness(const ApiResult &result)
{
    const QString msg = result.msg.toLower();
    const QString quoted = result.msg.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(result.msg);
    switch (result.code) {
    case 414:
        if (msg.contains(QLatin1String("not exist")) || msg.contains(QLatin1String("not found")))
            return tr("No such conversation: check the conversation ID (account|type|target).") + quoted;
        // The service gives 414 for a rejected signature too, with undocumented wording.
        return tr("The server rejected a parameter, or the signature (AppKey, AppSecret or this computer's "
                  "clock); code 414 does not say which.") + quoted;
    case 416:
        return tr("Rate limited by the server: wait a moment, then try again.") + quoted;
    case 403:
        return tr("The server does not allow this operation for this app.") + quoted;
    case 404:
        return tr("The server did not find the object.") + quoted;
    case 405:
        return tr("A value is too long for the server (server_extension takes at most %1 characters).")
                   .arg(ApiLimits::MaxServerExtensionLength)
            + quoted;
    case 431:
        // After a retry the "earlier" request with this trace id is our own first attempt,
        // which may have been applied before its connection broke.
        if (result.usedBackup)
            return tr("The first attempt probably reached the server before its connection broke: "
                      "reload the conversation to see whether the change was applied.") + quoted;
        return tr("The server saw this trace id before with a different body; send the request again.") + quoted;
    default:
        if (result.code >= 500)
            return tr("The server had a problem (code %1, %2); try again later.")
                       .arg(result.code).arg(businessCodeMeaning(result.code)) + quoted;
        return tr("The server answered code %1 (%2).").arg(result.code).arg(businessCodeMeaning(result.code))
            + quoted;
    }
}

} // namespace

QString describe(const ApiResult &result)
{
    switch (result.error) {
    case ErrorKind::None:
        return tr("Done.");
    case ErrorKind::Configuration:
        return result.detail;
    case ErrorKind::NetworkDown:
        // A write whose connection dropped after it was sent (ApiCall refuses Qt's resend).
        if (result.networkError == QNetworkReply::ContentReSendError)
            return tr("The connection broke after the request was sent: %1 Reload the conversation to see "
                      "whether the change was applied.").arg(result.detail);
        return tr("Could not reach the server: check the network connection and the profile's "
                  "region or address. (%1)").arg(result.detail);
    case ErrorKind::Timeout:
        return tr("The server did not answer in time. It may be slow or unreachable; try again. (%1)")
            .arg(result.detail);
    case ErrorKind::Tls:
        // The detail names the problem: untrusted, another host name, expired, no TLS at all.
        return tr("The secure connection failed, so nothing was sent: %1").arg(result.detail);
    case ErrorKind::HttpStatus:
        if (result.httpStatus == 502 || result.httpStatus == 503 || result.httpStatus == 504)
            return tr("The server's gateway failed (%1); try again later.").arg(result.detail);
        return tr("The server answered with an unexpected HTTP status: %1.").arg(result.detail);
    case ErrorKind::MalformedResponse:
        return tr("The server's answer could not be read: %1").arg(result.detail);
    case ErrorKind::OversizedResponse:
        return result.detail;
    case ErrorKind::Business:
        return describeBusiness(result);
    case ErrorKind::Cancelled:
        return tr("Cancelled; nothing more will happen for this request.");
    }
    return {};
}

bool suggestsRetry(const ApiResult &result)
{
    switch (result.error) {
    case ErrorKind::NetworkDown:
        return result.networkError != QNetworkReply::ContentReSendError;
    case ErrorKind::Timeout:
        return true;
    case ErrorKind::HttpStatus:
        return result.httpStatus == 429 || result.httpStatus == 502 || result.httpStatus == 503
            || result.httpStatus == 504;
    case ErrorKind::Business:
        return result.code == 416 || result.code >= 500;
    case ErrorKind::None:
    case ErrorKind::Configuration:
    case ErrorKind::Tls:
    case ErrorKind::MalformedResponse:
    case ErrorKind::OversizedResponse:
    case ErrorKind::Cancelled:
        return false;
    }
    return false;
}

} // namespace convdesk::ErrorText
