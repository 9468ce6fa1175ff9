#include "api/ApiCall.h"

#include "api/ApiClient.h"
#include "api/OneShotUploadDevice.h"
#include "api/ReplyClassifier.h"
#include "api/RequestSigner.h"
#include "json/JsonIndex.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <utility>

namespace convdesk {

namespace {

QString joinedPath(const QUrl &base, const QString &path)
{
    QString prefix = base.toString(QUrl::FullyEncoded | QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    return prefix + path;
}

} // namespace

ApiCall::ApiCall(ApiCallSettings settings, ApiCallRequest request, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_request(std::move(request))
{
    m_result.traceId = m_request.traceId.isEmpty() ? RequestSigner::generateTraceId() : m_request.traceId;
    m_callDeadline.setSingleShot(true);
    connect(&m_callDeadline, &QTimer::timeout, this, [this] {
        m_callTimedOut = true;
        if (m_reply)
            m_reply->abort(); // emits finished(), which reports the timeout
    });
    m_idleTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &ApiCall::onIdleTimeout);
    m_elapsed.start();
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::start()
{
    m_callDeadline.start(m_settings.callTimeoutMs);
    startAttempt(m_settings.endpoint.primary);
}

void ApiCall::refuse(const QString &problem)
{
    QMetaObject::invokeMethod(this, [this, problem] {
        if (m_finished)
            return;
        m_result.msg = problem;
        finishWith(ErrorKind::Configuration, problem);
    }, Qt::QueuedConnection);
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // emits finished(), which reports the cancellation
    else
        finishWith(ErrorKind::Cancelled, tr("The request was cancelled."));
}

void ApiCall::startAttempt(const QUrl &base)
{
    ++m_result.attempts;
    m_requestWritten = false;
    m_stall = Stall::None;
    m_oversized = false;
    m_received.clear();
    m_tlsErrors.clear();

    const QUrl url = QUrl::fromEncoded(joinedPath(base, m_request.pathAndQuery).toUtf8(), QUrl::StrictMode);
    QNetworkRequest request(url);
    // A signed call must never be replayed to a host we did not choose.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // The one-shot body that keeps Qt from re-sending a write was proven for HTTP/1.1 only
    // (OneShotUploadDevice.h); HTTP/2's own resend logic was not read, so writes avoid it.
    if (m_request.method != "GET")
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (m_settings.tls)
        request.setSslConfiguration(*m_settings.tls);
    // Signed afresh for every attempt; the trace id stays the same.
    const SignatureHeaders signature = RequestSigner::sign(m_settings.credentials, m_settings.clock());
    RequestSigner::apply(request, signature, m_result.traceId, !m_request.body.isEmpty());

    SentRequest sent;
    sent.method = m_request.method;
    sent.url = url;
    sent.body = m_request.body;
    sent.verification = m_request.verification;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        sent.headers.append({name, request.rawHeader(name)});
    m_result.sent = sent;
    Q_EMIT attemptSent(sent);

    QNetworkReply *reply = sendAttempt(request);
    m_reply = reply;
    watchSize(reply);
    watchProgress(reply);
    // Never ignored: the handshake fails and onReplyFinished() reports these.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_tlsErrors.append(errors); });
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    m_idleTimer.start(m_settings.connectTimeoutMs);
}

QNetworkReply *ApiCall::sendAttempt(QNetworkRequest &request)
{
    QNetworkAccessManager *network = m_settings.network;
    if (!isWrite())
        return network->sendCustomRequest(request, m_request.method); // Qt may resend a read: harmless
    // A write's body can be read once (see OneShotUploadDevice for the Qt code that needs
    // this); Qt hands the device itself to the connection only when it need not buffer it.
    request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotUploadDevice(m_request.body, nullptr);
    QNetworkReply *reply = network->sendCustomRequest(request, m_request.method, body);
    body->setParent(reply); // lives as long as the reply that reads it
    return reply;
}

void ApiCall::watchProgress(QNetworkReply *reply)
{
    // Any sign of life restarts the idle timer: a slow answer that keeps arriving is only
    // bound by the whole-call deadline. Qt signals nothing while the status line and headers
    // arrive, so those must come within one idle period (they are a few hundred bytes).
    connect(reply, &QNetworkReply::requestSent, this, [this] {
        m_requestWritten = true;
        onProgress();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        if (sent > 0)
            onProgress();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, &ApiCall::onProgress);
    connect(reply, &QIODevice::readyRead, this, &ApiCall::onProgress);
    connect(reply, &QNetworkReply::downloadProgress, this, &ApiCall::onProgress);
}

void ApiCall::onProgress()
{
    if (!m_finished && m_reply && m_stall == Stall::None)
        m_idleTimer.start(m_requestWritten ? m_settings.idleTimeoutMs : m_settings.connectTimeoutMs);
}

void ApiCall::onIdleTimeout()
{
    if (!m_reply || m_finished)
        return;
    m_stall = m_requestWritten ? Stall::Silent : Stall::Connecting;
    m_reply->abort(); // emits finished(), which reports the stall or retries
}

void ApiCall::watchSize(QNetworkReply *reply)
{
    // Back-pressure: Qt's network thread stops reading the socket while this much waits
    // unread, so a fast server cannot pile up a huge body before the check below sees it.
    reply->setReadBufferSize(m_settings.maxResponseBytes + 1);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            abortIfTooLarge(reply, length.toLongLong());
    });
    // The body is taken as it arrives, which frees Qt's buffer, and counted: readyRead, not
    // downloadProgress, which Qt emits at most every 100 ms, time enough for many megabytes.
    connect(reply, &QIODevice::readyRead, this, [this, reply] {
        m_received += reply->readAll();
        abortIfTooLarge(reply, m_received.size());
    });
}

void ApiCall::abortIfTooLarge(QNetworkReply *reply, qint64 size)
{
    if (size > m_settings.maxResponseBytes && !m_oversized) {
        m_oversized = true;
        m_received.clear();
        reply->abort();
    }
}

QString ApiCall::oversizedText() const
{
    return ApiClient::tr("The response is larger than %1 MB and was refused.")
        .arg(m_settings.maxResponseBytes / (1024 * 1024));
}

bool ApiCall::shouldRetry() const
{
    return m_result.attempts == 1 && !m_cancelled && !m_callTimedOut && !m_settings.endpoint.backup.isEmpty();
}

void ApiCall::retryOnBackup()
{
    m_idleTimer.stop();
    QNetworkReply *failed = m_reply;
    failed->disconnect(this);
    failed->deleteLater();
    m_reply = nullptr;
    m_result.usedBackup = true;
    startAttempt(m_settings.endpoint.backup);
}

// The transport's verdict first (cancelled, too large, too slow, TLS, no connection), then
// the HTTP answer's.
void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_idleTimer.stop();
    m_result.networkError = reply->error();
    m_result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (m_cancelled)
        return finishWith(ErrorKind::Cancelled, ApiClient::tr("The request was cancelled."));
    if (m_oversized)
        return finishWith(ErrorKind::OversizedResponse, oversizedText());
    if (m_callTimedOut)
        return finishWith(ErrorKind::Timeout, ApiClient::tr("No complete answer within %1 seconds.")
                                                  .arg(m_settings.callTimeoutMs / 1000.0));
    if (finishedAsStall(reply))
        return;
    if (!m_tlsErrors.isEmpty() || m_result.networkError == QNetworkReply::SslHandshakeFailedError) {
        const QString detail = m_tlsErrors.isEmpty()
                                   ? reply->errorString()
                                   : ReplyClassifier::describeTlsErrors(m_tlsErrors, reply->url().host());
        return finishWith(ErrorKind::Tls, detail);
    }

    if (m_result.httpStatus == 0) {
        // Qt wanted to send the write again on a new connection and the body refused: the
        // connection closed after the request went out and before any answer.
        const bool closedUnanswered = m_result.networkError == QNetworkReply::ContentReSendError && isWrite();
        if ((closedUnanswered || ReplyClassifier::isConnectionFailure(m_result.networkError)) && shouldRetry())
            return retryOnBackup();
        if (closedUnanswered)
            return finishWith(ErrorKind::NetworkDown,
                              ApiClient::tr("%1 closed the connection after the request was sent, without "
                                            "answering; it may or may not have applied the change.")
                                  .arg(reply->url().host()));
        const ErrorKind kind = m_result.networkError == QNetworkReply::TimeoutError
                                   || m_result.networkError == QNetworkReply::OperationCanceledError
                               ? ErrorKind::Timeout
                               : ErrorKind::NetworkDown;
        return finishWith(kind, reply->errorString());
    }
    if (m_result.httpStatus == 502 && shouldRetry())
        return retryOnBackup();
    finishWithResponse(reply);
}

// A host that could not be reached, or went silent, within its time. Retried on the backup
// while no HTTP answer has begun, like the vendor SDKs after a connect or read timeout.
bool ApiCall::finishedAsStall(QNetworkReply *reply)
{
    if (m_stall == Stall::None)
        return false;
    if (m_result.httpStatus == 0 && shouldRetry()) {
        retryOnBackup();
        return true;
    }
    const QString host = reply->url().host();
    if (m_stall == Stall::Connecting)
        finishWith(ErrorKind::Timeout, ApiClient::tr("No connection to %1 within %2 seconds.")
                                           .arg(host).arg(m_settings.connectTimeoutMs / 1000.0));
    else
        finishWith(ErrorKind::Timeout, ApiClient::tr("%1 sent nothing for %2 seconds.")
                                           .arg(host).arg(m_settings.idleTimeoutMs / 1000.0));
    return true;
}

void ApiCall::finishWithResponse(QNetworkReply *reply)
{
    ApiResult &result = m_result;
    result.retryAfter = reply->rawHeader("Retry-After");
    if (result.httpStatus != 200) {
        m_received += reply->readAll();
        result.rawBody = m_received.left(64 * 1024);
        if (result.httpStatus >= 300 && result.httpStatus < 400) {
            result.redirectLocation = reply->header(QNetworkRequest::LocationHeader).toUrl().toString();
            return finishWith(ErrorKind::HttpStatus,
                              ApiClient::tr("HTTP %1 redirect to %2 was not followed: signed calls go only "
                                            "to the profile's own server.")
                                  .arg(result.httpStatus).arg(result.redirectLocation));
        }
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return finishWith(ErrorKind::HttpStatus,
                          ApiClient::tr("HTTP %1 %2").arg(result.httpStatus).arg(reason).trimmed());
    }

    if (result.networkError != QNetworkReply::NoError)
        return finishWith(ErrorKind::NetworkDown,
                          ApiClient::tr("The connection broke before the whole response arrived (%1).")
                              .arg(reply->errorString()));

    m_received += reply->readAll();
    // Room for the parser to read past the end, made while the body is ours alone: the
    // parse then shares rawBody's bytes instead of copying them.
    if (m_received.data_ptr().freeSpaceAtEnd() < JsonIndex::Padding)
        m_received.reserve(m_received.size() + JsonIndex::Padding);
    result.rawBody = std::exchange(m_received, {});
    if (result.rawBody.size() > m_settings.maxResponseBytes)
        return finishWith(ErrorKind::OversizedResponse, oversizedText());
    ReplyClassifier::classifyBody(result);
    finish();
}

void ApiCall::finishWith(ErrorKind kind, const QString &detail)
{
    m_result.error = kind;
    if (!detail.isEmpty())
        m_result.detail = detail;
    finish();
}

void ApiCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_callDeadline.stop();
    m_idleTimer.stop();
    m_result.latencyMs = m_elapsed.elapsed();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    Q_EMIT finished(m_result);
    deleteLater();
}

} // namespace convdesk
