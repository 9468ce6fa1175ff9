#pragma once

#include "api/ApiEndpoint.h"
#include "api/ApiResult.h"
#include "api/Credentials.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace convdesk {

// Everything one call needs from its client, copied when the call is made, so that changing
// the client's settings later leaves calls already under way alone.
struct ApiCallSettings
{
    QNetworkAccessManager *network = nullptr;
    ApiEndpoint endpoint;
    Credentials credentials;
    std::optional<QSslConfiguration> tls; // set when extra CAs are trusted
    int connectTimeoutMs = 0; // until the request is written: TCP connect, TLS handshake
    int idleTimeoutMs = 0;    // without a byte of progress while waiting for or reading the answer
    int callTimeoutMs = 0;    // the whole call, every attempt included
    qint64 maxResponseBytes = 0;
    std::function<qint64()> clock;        // seconds since the epoch, for CurTime
};

// What to send: the path already percent-encoded, with its query if any.
struct ApiCallRequest
{
    QByteArray method;
    QString pathAndQuery;
    QByteArray body;
    // Set when the caller must know the trace id before anything is sent (a write is
    // recorded in the audit log first); otherwise a new one is made.
    QString traceId;
    bool verification = false; // see SentRequest::verification
};

// One logical request: up to two signed attempts sharing a trace id, the second on the
// backup host after a connection failure, a connect timeout, a host that went silent before
// any answer, or HTTP 502. Each attempt is signed afresh and announced by attemptSent(); a
// write's body is a OneShotUploadDevice so that Qt cannot replay an attempt by itself.
// Emits finished() exactly once, then deletes itself. ApiClient makes calls (as its
// children); the call runs its own attempts.
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)
public:
    ApiCall(ApiCallSettings settings, ApiCallRequest request, QObject *parent);
    ~ApiCall() override;

    QString traceId() const { return m_result.traceId; }
    bool isFinished() const { return m_finished; }

    // Sends the first attempt, to the primary host.
    void start();
    // Finishes with ErrorKind::Configuration instead of sending anything; from the event
    // loop, so that callers can connect to finished() first.
    void refuse(const QString &problem);

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    // Each attempt as it goes on the wire, before it is sent.
    void attemptSent(const convdesk::SentRequest &request);
    void finished(const convdesk::ApiResult &result);

private:
    enum class Stall { None, Connecting, Silent };

    void startAttempt(const QUrl &base);
    QNetworkReply *sendAttempt(QNetworkRequest &request);
    void watchSize(QNetworkReply *reply);
    void watchProgress(QNetworkReply *reply);
    void onProgress();
    void onIdleTimeout();
    bool finishedAsStall(QNetworkReply *reply);
    bool isWrite() const { return !m_request.body.isEmpty(); }
    void onReplyFinished();
    void finishWithResponse(QNetworkReply *reply);
    bool shouldRetry() const;
    void retryOnBackup();
    void abortIfTooLarge(QNetworkReply *reply, qint64 size);
    QString oversizedText() const;

    void finish();
    void finishWith(ErrorKind kind, const QString &detail);

    const ApiCallSettings m_settings;
    const ApiCallRequest m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_callDeadline; // the whole call
    QTimer m_idleTimer;    // the current attempt: connect, then idle between bytes
    bool m_requestWritten = false;
    Stall m_stall = Stall::None;
    QElapsedTimer m_elapsed;
    ApiResult m_result;
    QByteArray m_received; // the response body of the current attempt, so far
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_callTimedOut = false;
    bool m_oversized = false;
    QList<QSslError> m_tlsErrors;
};

} // namespace convdesk
