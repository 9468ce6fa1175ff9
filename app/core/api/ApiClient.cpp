#include "api/ApiClient.h"

#include "api/ApiCall.h"
#include "api/CaCertificateFile.h"
#include "api/RequestSigner.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>

#include <utility>

#include <cstdint>
#include <limits>

namespace convdesk {

namespace {

bool isConnectionFailure(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

bool looksLikeHtml(const QByteArray &body)
{
    const QByteArray start = body.left(512).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<body");
}

// One sentence about what is wrong with the server's certificate, then Qt's own words.
QString describeTlsErrors(const QList<QSslError> &errors, const QString &host)
{
    bool untrusted = false;
    bool otherHost = false;
    bool outOfDate = false;
    QStringList details;
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::HostNameMismatch:
            otherHost = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            outOfDate = true;
            break;
        default:
            break;
        }
        if (!details.contains(error.errorString()))
            details.append(error.errorString());
    }
    QStringList problems;
    if (untrusted)
        problems << ApiClient::tr("the server's certificate is not trusted: no certificate authority "
                                  "known to this computer or named in the profile signed it");
    if (otherHost)
        problems << ApiClient::tr("the server's certificate is not valid for the host name %1").arg(host);
    if (outOfDate)
        problems << ApiClient::tr("the server's certificate has expired or is not valid yet (is this "
                                  "computer's clock right?)");
    if (problems.isEmpty())
        problems << ApiClient::tr("the server's certificate was refused");
    return problems.join(QLatin1String("; ")) + QLatin1String(" (") + details.join(QLatin1String("; "))
        + u')';
}

// An integer that fits ApiResult::code: get<int>() would wrap 2^32 + 200 to a false success.
bool isIntCode(const OrderedJson &value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<int>::max());
    if (!value.is_number_integer())
        return false;
    const std::int64_t number = value.get<std::int64_t>();
    return number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max();
}

QString joinedPath(const QUrl &base, const QString &path)
{
    QString prefix = base.toString(QUrl::FullyEncoded | QUrl::RemoveQuery | QUrl::RemoveFragment);
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    return prefix + path;
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : ApiClient(nullptr, parent)
{
}

ApiClient::ApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network ? network : new QNetworkAccessManager(this))
    , m_clock([] { return QDateTime::currentSecsSinceEpoch(); })
{
    qRegisterMetaType<convdesk::ApiResult>();
    qRegisterMetaType<convdesk::SentRequest>();
}

ApiClient::~ApiClient() = default;

void ApiClient::setEndpoint(const ApiEndpoint &endpoint)
{
    m_endpoint = endpoint;
    m_endpointCaCertificates.clear();
    m_endpointCaProblem.clear();
    if (!endpoint.caCertificateFile.isEmpty()) {
        if (auto loaded = CaCertificateFile::load(endpoint.caCertificateFile, &m_endpointCaProblem))
            m_endpointCaCertificates = std::move(*loaded);
    }
    updateTlsConfiguration();
}

void ApiClient::setCaCertificates(const QList<QSslCertificate> &certificates)
{
    m_caCertificates = certificates;
    updateTlsConfiguration();
}

void ApiClient::updateTlsConfiguration()
{
    if (m_caCertificates.isEmpty() && m_endpointCaCertificates.isEmpty()) {
        m_tlsConfiguration.reset();
        return;
    }
    // Added to the system's authorities, never replacing them; verification stays on.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslConfiguration::systemCaCertificates() + m_caCertificates
                          + m_endpointCaCertificates);
    m_tlsConfiguration = tls;
}

ApiCall *ApiClient::getConversation(const ConversationId &id)
{
    return send("GET", QStringLiteral("/im/v2.1/conversations/") + id.toPathSegment());
}

ApiCall *ApiClient::updateServerExtension(const ConversationId &id, const QString &serverExtension)
{
    OrderedJson body = OrderedJson::object();
    body["server_extension"] = Json::toStdString(serverExtension);
    return send("PATCH", QStringLiteral("/im/v2/conversations/") + id.toPathSegment(), {},
                Json::serialize(body));
}

ApiCall *ApiClient::listConversations(const QString &accountId, const QString &pageToken, int limit)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("account_id"),
                       QString::fromLatin1(QUrl::toPercentEncoding(accountId)));
    if (!pageToken.isEmpty())
        query.addQueryItem(QStringLiteral("page_token"),
                           QString::fromLatin1(QUrl::toPercentEncoding(pageToken)));
    query.addQueryItem(QStringLiteral("limit"), QString::number(qBound(1, limit, 100)));
    return send("GET", QStringLiteral("/im/v2.1/conversations"), query);
}

ApiCall *ApiClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                         const QByteArray &body)
{
    auto *call = new ApiCall(this);
    call->m_method = method;
    call->m_path = query.isEmpty() ? path : path + u'?' + query.query(QUrl::FullyEncoded);
    call->m_body = body;
    call->m_result.traceId = RequestSigner::generateTraceId();

    QString problem;
    if (!m_credentials.isComplete())
        problem = tr("No AppKey and AppSecret are set for this profile.");
    else if (m_endpoint.primary.isEmpty())
        problem = tr("The profile has no server address.");
    else if (!m_endpointCaProblem.isEmpty())
        problem = m_endpointCaProblem;
    else
        problem = m_endpoint.validationError();
    if (!problem.isEmpty()) {
        // Reported from the event loop so that callers can connect to finished() first.
        QMetaObject::invokeMethod(call, [call, problem] {
            call->m_result.msg = problem;
            call->finishWith(ErrorKind::Configuration, problem);
        }, Qt::QueuedConnection);
        return call;
    }
    startAttempt(call, m_endpoint.primary);
    return call;
}

void ApiClient::startAttempt(ApiCall *call, const QUrl &base)
{
    ++call->m_result.attempts;
    call->m_timedOut = false;
    call->m_oversized = false;
    call->m_received.clear();
    call->m_tlsErrors.clear();

    const QUrl url = QUrl::fromEncoded(joinedPath(base, call->m_path).toUtf8(), QUrl::StrictMode);
    QNetworkRequest request(url);
    // A signed call must never be replayed to a host we did not choose.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (m_tlsConfiguration)
        request.setSslConfiguration(*m_tlsConfiguration);
    const SignatureHeaders signature = RequestSigner::sign(m_credentials, m_clock());
    RequestSigner::apply(request, signature, call->m_result.traceId, !call->m_body.isEmpty());

    SentRequest sent;
    sent.method = call->m_method;
    sent.url = url;
    sent.body = call->m_body;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        sent.headers.append({name, request.rawHeader(name)});
    call->m_result.sent = sent;
    Q_EMIT requestSent(sent);

    QNetworkReply *reply = call->m_body.isEmpty()
        ? m_network->sendCustomRequest(request, call->m_method)
        : m_network->sendCustomRequest(request, call->m_method, call->m_body);
    call->m_reply = reply;
    // Back-pressure: Qt's network thread stops reading the socket while this much waits
    // unread, so a fast server cannot pile up a huge body before the check below sees it.
    reply->setReadBufferSize(m_maxResponseBytes + 1);

    const qint64 limit = m_maxResponseBytes;
    auto abortIfTooLarge = [call, reply, limit](qint64 size) {
        if (size > limit && !call->m_oversized) {
            call->m_oversized = true;
            call->m_received.clear();
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, call, [reply, abortIfTooLarge] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid())
            abortIfTooLarge(length.toLongLong());
    });
    // The body is taken as it arrives, which frees Qt's buffer, and counted: readyRead, not
    // downloadProgress, which Qt emits at most every 100 ms, time enough for many megabytes.
    connect(reply, &QIODevice::readyRead, call, [call, reply, abortIfTooLarge] {
        call->m_received += reply->readAll();
        abortIfTooLarge(call->m_received.size());
    });
    // Never ignored: the handshake fails and handleReply() reports these.
    connect(reply, &QNetworkReply::sslErrors, call,
            [call](const QList<QSslError> &errors) { call->m_tlsErrors.append(errors); });
    connect(reply, &QNetworkReply::finished, call, [this, call] { handleReply(call); });

    call->m_deadline.disconnect();
    connect(&call->m_deadline, &QTimer::timeout, call, [call] {
        call->m_timedOut = true;
        if (call->m_reply)
            call->m_reply->abort();
    });
    call->m_deadline.start(m_timeoutMs);
}

void ApiClient::retryOnBackup(ApiCall *call)
{
    QNetworkReply *failed = call->m_reply;
    failed->disconnect(call);
    failed->deleteLater();
    call->m_reply = nullptr;
    call->m_result.usedBackup = true;
    startAttempt(call, m_endpoint.backup);
}

bool ApiClient::shouldRetry(const ApiCall *call) const
{
    return call->m_result.attempts == 1 && !call->m_cancelled && !m_endpoint.backup.isEmpty();
}

void ApiClient::handleReply(ApiCall *call)
{
    QNetworkReply *reply = call->m_reply;
    if (!reply || call->m_finished)
        return;
    call->m_deadline.stop();
    ApiResult &result = call->m_result;
    result.networkError = reply->error();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (call->m_cancelled)
        return call->finishWith(ErrorKind::Cancelled, tr("The request was cancelled."));
    if (call->m_oversized)
        return call->finishWith(ErrorKind::OversizedResponse,
                                tr("The response is larger than %1 MB and was refused.")
                                    .arg(m_maxResponseBytes / (1024 * 1024)));
    if (call->m_timedOut)
        return call->finishWith(ErrorKind::Timeout,
                                tr("No complete answer within %1 seconds.").arg(m_timeoutMs / 1000.0));
    if (!call->m_tlsErrors.isEmpty() || result.networkError == QNetworkReply::SslHandshakeFailedError) {
        const QString detail = call->m_tlsErrors.isEmpty()
                                   ? reply->errorString()
                                   : describeTlsErrors(call->m_tlsErrors, reply->url().host());
        return call->finishWith(ErrorKind::Tls, detail);
    }

    if (result.httpStatus == 0) {
        if (isConnectionFailure(result.networkError) && shouldRetry(call)) {
            return retryOnBackup(call);
        }
        const ErrorKind kind = result.networkError == QNetworkReply::TimeoutError
                                   || result.networkError == QNetworkReply::OperationCanceledError
                               ? ErrorKind::Timeout
                               : ErrorKind::NetworkDown;
        return call->finishWith(kind, reply->errorString());
    }

    if (result.httpStatus != 200) {
        if (result.httpStatus == 502 && shouldRetry(call)) {
            return retryOnBackup(call);
        }
        call->m_received += reply->readAll();
        result.rawBody = call->m_received.left(64 * 1024);
        if (result.httpStatus >= 300 && result.httpStatus < 400) {
            result.redirectLocation = reply->header(QNetworkRequest::LocationHeader).toUrl().toString();
            return call->finishWith(ErrorKind::HttpStatus,
                                    tr("HTTP %1 redirect to %2 was not followed: signed calls go only "
                                       "to the profile's own server.")
                                        .arg(result.httpStatus).arg(result.redirectLocation));
        }
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return call->finishWith(ErrorKind::HttpStatus,
                                tr("HTTP %1 %2").arg(result.httpStatus).arg(reason).trimmed());
    }

    if (result.networkError != QNetworkReply::NoError)
        return call->finishWith(ErrorKind::NetworkDown,
                                tr("The connection broke before the whole response arrived (%1).")
                                    .arg(reply->errorString()));

    call->m_received += reply->readAll();
    result.rawBody = std::exchange(call->m_received, {});
    if (result.rawBody.size() > m_maxResponseBytes)
        return call->finishWith(ErrorKind::OversizedResponse,
                                tr("The response is larger than %1 MB and was refused.")
                                    .arg(m_maxResponseBytes / (1024 * 1024)));
    classifyBody(call);
}

void ApiClient::classifyBody(ApiCall *call)
{
    ApiResult &result = call->m_result;
    JsonParseError parseError;
    std::optional<OrderedJson> parsed = Json::parse(result.rawBody, &parseError);
    if (!parsed) {
        if (looksLikeHtml(result.rawBody))
            return call->finishWith(ErrorKind::MalformedResponse,
                                    tr("The server answered with an HTML page instead of JSON."));
        return call->finishWith(ErrorKind::MalformedResponse,
                                tr("The response is not valid JSON (%1).").arg(parseError.describe()));
    }
    result.body = std::move(*parsed);
    const OrderedJson &body = result.body;
    if (!body.is_object() || !body.contains("code") || !isIntCode(body["code"]))
        return call->finishWith(ErrorKind::MalformedResponse,
                                tr("The response is JSON but has no integer \"code\" field."));
    result.code = body["code"].get<int>();
    if (const auto msg = body.find("msg"); msg != body.end() && msg->is_string())
        result.msg = Json::toQString(msg->get<std::string>());
    if (const auto data = body.find("data"); data != body.end())
        result.data = *data;
    if (result.code != 200)
        return call->finishWith(ErrorKind::Business, {});
    call->finish();
}

} // namespace convdesk
