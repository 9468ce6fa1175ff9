#pragma once

#include "api/ApiEndpoint.h"
#include "api/ApiResult.h"
#include "api/ConversationId.h"
#include "api/Credentials.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace convdesk {

class ApiCall;
struct ApiCallRequest;
struct ApiCallSettings;

// Signed calls to the conversation API over QNetworkAccessManager. Holds the configuration
// and makes the calls; each ApiCall runs its own attempts and yields one ApiResult.
// Timeouts like the vendor SDKs: 5 s to connect, 5 s without data while waiting for or
// reading the answer, and a cap on the whole call (30 s). At most one retry, on the backup
// host, after a connection failure, a connect timeout, a host silent before any answer or
// HTTP 502; redirects are never followed.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)
public:
    static constexpr int DefaultConnectTimeoutMs = 5000;
    static constexpr int DefaultIdleTimeoutMs = 5000;
    static constexpr int DefaultCallTimeoutMs = 30000;
    static constexpr qint64 DefaultMaxResponseBytes = 16 * 1024 * 1024;

    explicit ApiClient(QObject *parent = nullptr);
    ApiClient(QNetworkAccessManager *network, QObject *parent);
    ~ApiClient() override;

    // Also loads the endpoint's CA certificate file, if it names one; a file that cannot be
    // loaded makes every call fail with ErrorKind::Configuration saying why.
    void setEndpoint(const ApiEndpoint &endpoint);
    ApiEndpoint endpoint() const { return m_endpoint; }
    // Certificate authorities trusted for https besides the system's (and the endpoint's file).
    void setCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }
    void setCredentials(const Credentials &credentials) { m_credentials = credentials; }
    bool hasCredentials() const { return m_credentials.isComplete(); }
    QString appKey() const { return m_credentials.appKey; }

    // Until the request is written (TCP connect and TLS handshake included).
    void setConnectTimeoutMs(int timeoutMs) { m_connectTimeoutMs = timeoutMs; }
    int connectTimeoutMs() const { return m_connectTimeoutMs; }
    // Without any data while waiting for or reading the answer; restarted by every byte.
    void setIdleTimeoutMs(int timeoutMs) { m_idleTimeoutMs = timeoutMs; }
    int idleTimeoutMs() const { return m_idleTimeoutMs; }
    // The whole call, both attempts included; never retried.
    void setCallTimeoutMs(int timeoutMs) { m_callTimeoutMs = timeoutMs; }
    int callTimeoutMs() const { return m_callTimeoutMs; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    // Seconds since the epoch used for CurTime; replaceable so tests can skew the clock.
    void setClock(std::function<qint64()> secondsSinceEpoch) { m_clock = std::move(secondsSinceEpoch); }

    // Calls take a copy of the settings above when they are made.
    ApiCall *getConversation(const ConversationId &id);
    // The same read, made to check a save rather than asked for (SentRequest::verification).
    ApiCall *verifyConversation(const ConversationId &id);
    // traceId: one the caller made (RequestSigner::generateTraceId()) to record the write
    // before it is sent; empty makes a new one.
    ApiCall *updateServerExtension(const ConversationId &id, const QString &serverExtension,
                                   const QString &traceId = {});
    ApiCall *listConversations(const QString &accountId, const QString &pageToken = {}, int limit = 100);

    // The general form; path is already percent-encoded.
    ApiCall *send(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                  const QByteArray &body = {}, const QString &traceId = {});

    QNetworkAccessManager *network() const { return m_network; }

Q_SIGNALS:
    // Every attempt as sent, for "copy as cURL" and diagnostics.
    void requestSent(const convdesk::SentRequest &request);

private:
    ApiCall *start(ApiCallRequest request); // checks the configuration, then starts the call
    ApiCallSettings callSettings() const;
    QString configurationProblem() const;
    void updateTlsConfiguration();

    QNetworkAccessManager *m_network;
    ApiEndpoint m_endpoint;
    QList<QSslCertificate> m_caCertificates;
    QList<QSslCertificate> m_endpointCaCertificates;
    QString m_endpointCaProblem;
    std::optional<QSslConfiguration> m_tlsConfiguration; // set when extra CAs are trusted
    Credentials m_credentials;
    int m_connectTimeoutMs = DefaultConnectTimeoutMs;
    int m_idleTimeoutMs = DefaultIdleTimeoutMs;
    int m_callTimeoutMs = DefaultCallTimeoutMs;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    std::function<qint64()> m_clock;
};

} // namespace convdesk
