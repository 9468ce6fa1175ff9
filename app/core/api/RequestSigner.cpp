#include "api/RequestSigner.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QUuid>

namespace convdesk {

QByteArray RequestSigner::checkSum(const QString &appSecret, const QByteArray &nonce,
                                   const QByteArray &curTime)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(appSecret.toUtf8());
    hash.addData(nonce);
    hash.addData(curTime);
    return hash.result().toHex();
}

QByteArray RequestSigner::generateNonce()
{
    // QRandomGenerator::system() reads the operating system's CSPRNG.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

QString RequestSigner::generateTraceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SignatureHeaders RequestSigner::sign(const Credentials &credentials, qint64 curTimeSeconds,
                                     const QByteArray &nonce)
{
    SignatureHeaders headers;
    headers.appKey = credentials.appKey.toUtf8();
    headers.nonce = nonce;
    headers.curTime = QByteArray::number(curTimeSeconds);
    headers.checkSum = checkSum(credentials.appSecret, headers.nonce, headers.curTime);
    return headers;
}

SignatureHeaders RequestSigner::sign(const Credentials &credentials, qint64 curTimeSeconds)
{
    return sign(credentials, curTimeSeconds, generateNonce());
}

void RequestSigner::apply(QNetworkRequest &request, const SignatureHeaders &headers,
                          const QString &traceId, bool hasBody)
{
    request.setRawHeader("AppKey", headers.appKey);
    request.setRawHeader("Nonce", headers.nonce);
    request.setRawHeader("CurTime", headers.curTime);
    request.setRawHeader("CheckSum", headers.checkSum);
    request.setRawHeader("X-custom-traceid", traceId.toUtf8());
    if (hasBody)
        request.setRawHeader("Content-Type", "application/json;charset=utf-8");
}

} // namespace convdesk
