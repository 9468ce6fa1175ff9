#pragma once

#include "api/ApiLimits.h"
#include "SandboxWriteFault.h"
#include "api/Credentials.h"
#include "json/JsonDocument.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

namespace convdesk {

// A local implementation of the three conversation endpoints, verifying requests the way
// the real service does (signature, CurTime window, Nonce length, trace id de-duplication,
// server_extension length). Runs in-process on loopback; in builds with CONVDESK_DEV_HOOKS,
// fault switches serve the tests.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)
public:
    static constexpr int MaxServerExtensionLength = ApiLimits::MaxServerExtensionLength;
    static constexpr qint64 AllowedClockSkewSeconds = 300;

    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // Serve https from the next listen() on: a PEM certificate (the leaf first, then any
    // intermediates) and its PEM private key (EC or RSA). False with errorString() when a
    // file cannot be read or holds no certificate or key.
    bool setTlsCertificate(const QString &certificateFile, const QString &privateKeyFile);
    void setTlsConfiguration(const QSslConfiguration &configuration);
    bool isTls() const;

    // Listens on the address (loopback by default); port 0 picks a free one.
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const;                       // http://127.0.0.1:PORT, https:// with TLS
    QString errorString() const;

    static Credentials demoCredentials();       // the sandbox's AppKey and AppSecret
    void setCredentials(const Credentials &credentials);
    Credentials credentials() const;

    // Seeded conversations, in a stable order, for the GUI's sandbox mode and the tests.
    QStringList conversationIds() const;
    std::optional<OrderedJson> conversation(const QString &conversationId) const;
    // Acts as a second writer: changes server_extension behind the client's back.
    bool setServerExtension(const QString &conversationId, const QString &value);
    // Adds (or replaces) a conversation object; its "conversation_id" is the key.
    void putConversation(const OrderedJson &conversation);
    // Restores the seeded conversations (times relative to now) and forgets trace ids, the
    // request and connection counts and the last request. Fault switches keep their settings.
    void resetToSeed();

#ifdef CONVDESK_DEV_HOOKS
    // Fault switches for the tests; a release build (CONVDESK_DEV_HOOKS off) has none.
    void setResponseDelayMs(int delayMs);              // every response waits this long
    void setFailNextWithHttpStatus(int status, int count = 1); // e.g. 502 for the next N requests
    void setMalformedNext(int count = 1);              // next N bodies are not JSON
    void setRateLimited(bool limited);                 // every request answers code 416
    void setRateLimitedNext(int count);                // the next N requests answer code 416
    void setRateLimitedEvery(int nth);                 // every Nth request answers 416 (0: off)
    void setClockOffsetSeconds(qint64 offset);         // the server's clock runs ahead by this
    // What the next PATCH does after it took effect: answer wrongly or not at all.
    void setNextWriteFault(SandboxWriteFault fault);
#endif

    int requestCount() const;                          // requests received since start/reset
    int connectionCount() const;                       // connections accepted since start/reset
    // The raw request path (still percent-encoded) and headers of the last request received.
    QByteArray lastRequestPath() const;
    QByteArray lastRequestHeader(const QByteArray &name) const; // case-insensitive
    QByteArray lastRequestQuery() const;                // percent-encoded, without the '?'
    QByteArray lastRequestBody() const;

Q_SIGNALS:
    // Emitted when the answer is written (after any delay), or dropped because the client
    // has already gone. code is the business code of a JSON answer, the HTTP status of a
    // transport-level failure (404, 405, an injected 502), or 0 for a malformed body.
    void requestHandled(const QByteArray &method, const QByteArray &path, int code);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace convdesk
