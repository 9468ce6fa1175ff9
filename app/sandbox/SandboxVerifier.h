#pragma once

#include "SandboxReply.h"
#include "api/Credentials.h"

#include <QByteArray>
#include <QHash>
#include <QQueue>

#include <optional>

namespace convdesk {

struct SandboxRequest;

// The checks the real service makes before it looks at a request: the four signature
// headers, the CurTime window, the Nonce length, and trace id de-duplication.
class SandboxVerifier
{
public:
    static constexpr qint64 AllowedClockSkewSeconds = 300;
    static constexpr int MaxNonceLength = 128;
    static constexpr qsizetype RememberedTraceIds = 4096;

    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    Credentials credentials() const { return m_credentials; }

    // nowSeconds is the server's clock (clock offset already applied).
    std::optional<SandboxError> verifySignature(const SandboxRequest &request,
                                                qint64 nowSeconds) const;

    // Remembers the request under its X-custom-traceid. The same trace id with the same
    // method, path and body is a retry and passes; with anything else it is code 431.
    std::optional<SandboxError> checkTraceId(const SandboxRequest &request);
    void forgetTraceIds();

private:
    Credentials m_credentials;
    QHash<QByteArray, QByteArray> m_fingerprintByTraceId;
    QQueue<QByteArray> m_traceIdsInOrder; // oldest first, so memory stays bounded
};

} // namespace convdesk
