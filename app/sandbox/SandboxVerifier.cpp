#include "SandboxVerifier.h"

#include "SandboxRequest.h"
#include "api/RequestSigner.h"

#include <QCryptographicHash>

#include <cstdlib>

namespace convdesk {

namespace {
bool isDecimalSeconds(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18) // 18 digits cannot overflow qint64
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

SandboxError parameterError(const std::string &message)
{
    return {SandboxReply::ParameterError, message};
}

// A refused signature (AppKey, clock window, CheckSum) gets the same generic words as a bad
// parameter, as the real service's 414 does: clients must not learn to tell them apart by msg.
SandboxError signatureRefused()
{
    return parameterError("parameter error");
}
} // namespace

std::optional<SandboxError> SandboxVerifier::verifySignature(const SandboxRequest &request,
                                                             qint64 nowSeconds) const
{
    static const char *const required[] = {"AppKey", "Nonce", "CurTime", "CheckSum"};
    for (const char *name : required) {
        if (!request.header(name))
            return parameterError(std::string("missing header: ") + name);
    }
    const QByteArray appKey = *request.header("AppKey");
    const QByteArray nonce = *request.header("Nonce");
    const QByteArray curTime = *request.header("CurTime");
    const QByteArray checkSum = *request.header("CheckSum");

    if (appKey.isEmpty() || appKey != m_credentials.appKey.toUtf8())
        return signatureRefused();
    if (nonce.isEmpty() || nonce.size() > MaxNonceLength)
        return parameterError("invalid nonce: must be 1 to 128 characters");
    if (!isDecimalSeconds(curTime))
        return parameterError("invalid curtime: must be whole seconds since 1970-01-01 UTC");
    if (std::llabs(curTime.toLongLong() - nowSeconds) > AllowedClockSkewSeconds)
        return signatureRefused();
    if (checkSum != RequestSigner::checkSum(m_credentials.appSecret, nonce, curTime))
        return signatureRefused();
    return std::nullopt;
}

std::optional<SandboxError> SandboxVerifier::checkTraceId(const SandboxRequest &request)
{
    const std::optional<QByteArray> traceId = request.header("X-custom-traceid");
    if (!traceId || traceId->isEmpty())
        return std::nullopt;

    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(request.method);
    hash.addData(QByteArrayView(" "));
    hash.addData(request.encodedPath);
    hash.addData(QByteArrayView("?"));
    hash.addData(request.query.toString(QUrl::FullyEncoded).toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(request.body);
    const QByteArray fingerprint = hash.result();

    const auto known = m_fingerprintByTraceId.constFind(*traceId);
    if (known != m_fingerprintByTraceId.constEnd()) {
        if (*known == fingerprint)
            return std::nullopt;
        return SandboxError{SandboxReply::RepeatedRequest,
                            "repeated request: trace id already used with a different body"};
    }
    m_fingerprintByTraceId.insert(*traceId, fingerprint);
    m_traceIdsInOrder.enqueue(*traceId);
    if (m_traceIdsInOrder.size() > RememberedTraceIds)
        m_fingerprintByTraceId.remove(m_traceIdsInOrder.dequeue());
    return std::nullopt;
}

void SandboxVerifier::forgetTraceIds()
{
    m_fingerprintByTraceId.clear();
    m_traceIdsInOrder.clear();
}

} // namespace convdesk
