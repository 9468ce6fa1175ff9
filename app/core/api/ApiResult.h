#pragma once

#include "json/SharedJson.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace convdesk {

// Why a call failed, classified so that each reads differently to the user and maps to a
// CLI exit code. Keep errorKindKey() stable: it is written to the audit log.
enum class ErrorKind {
    None,
    Configuration,     // missing credentials, http to a non-loopback host, invalid input
    NetworkDown,       // connection refused, host not found, connection closed
    Timeout,
    Tls,
    HttpStatus,        // any HTTP status other than 200, redirects included
    MalformedResponse, // not JSON, not an object, no integer "code"
    OversizedResponse,
    Business,          // code other than 200
    Cancelled,
};

// One request as it went on the wire (the last attempt): for the status bar, the audit
// log and "copy as cURL". Holds the signature headers but never the AppSecret.
struct SentRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // A read the app made on its own to check a save (after the PATCH, or of an interrupted
    // one), not a request the user asked for: "copy as cURL" skips it.
    bool verification = false;
};

struct ApiResult
{
    ErrorKind error = ErrorKind::None;
    int httpStatus = 0;             // 0 when no HTTP response arrived
    int code = 0;                   // business code; 0 when the body had none
    QString msg;                    // the server's msg, or our own description of the failure
    // Parsed once and shared, never copied: copying an ApiResult copies pointers.
    SharedJson body;                // the whole parsed response, when it parsed
    SharedJson data;                // body["data"] (the same nodes), when present
    QByteArray rawBody;
    QString traceId;
    qint64 latencyMs = 0;
    int attempts = 0;
    bool usedBackup = false;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString detail;                 // transport detail: Qt's error string, TLS errors, parse error
    QString redirectLocation;       // for 3xx responses, where the server pointed
    QByteArray retryAfter;          // the answer's Retry-After header as sent (rate limits); empty when none
    SentRequest sent;

    bool ok() const { return error == ErrorKind::None; }
};

QString errorKindKey(ErrorKind kind); // "none", "timeout", "business", ...

} // namespace convdesk

Q_DECLARE_METATYPE(convdesk::ApiResult)
Q_DECLARE_METATYPE(convdesk::SentRequest)
