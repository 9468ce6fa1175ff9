#pragma once

#include "api/Credentials.h"

#include <QByteArray>
#include <QNetworkRequest>

namespace convdesk {

// The four signature headers of one attempt.
struct SignatureHeaders
{
    QByteArray appKey;
    QByteArray nonce;
    QByteArray curTime;
    QByteArray checkSum;
};

// The one place that signs requests: CheckSum = lowercase hex SHA-1 of
// UTF-8(AppSecret + Nonce + CurTime). Nothing else in the code touches these headers.
class RequestSigner
{
public:
    static QByteArray checkSum(const QString &appSecret, const QByteArray &nonce, const QByteArray &curTime);

    // 32 lowercase hex characters from the system's cryptographic random source.
    static QByteArray generateNonce();

    // A fresh trace id for one logical request (retries reuse it).
    static QString generateTraceId();

    static SignatureHeaders sign(const Credentials &credentials, qint64 curTimeSeconds,
                                 const QByteArray &nonce);
    static SignatureHeaders sign(const Credentials &credentials, qint64 curTimeSeconds);

    // Sets AppKey, Nonce, CurTime, CheckSum and X-custom-traceid, and the JSON content type
    // when the request has a body.
    static void apply(QNetworkRequest &request, const SignatureHeaders &headers,
                      const QString &traceId, bool hasBody);
};

} // namespace convdesk
