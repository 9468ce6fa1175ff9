#include "api/ApiClient.h"

#include "api/ApiCall.h"
#include "api/CaCertificateFile.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSslConfiguration>

#include <utility>

namespace convdesk {

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

ApiCall *ApiClient::verifyConversation(const ConversationId &id)
{
    ApiCallRequest request;
    request.method = "GET";
    request.pathAndQuery = QStringLiteral("/im/v2.1/conversations/") + id.toPathSegment();
    request.verification = true;
    return start(std::move(request));
}

ApiCall *ApiClient::updateServerExtension(const ConversationId &id, const QString &serverExtension,
                                          const QString &traceId)
{
    OrderedJson body = OrderedJson::object();
    body["server_extension"] = Json::toStdString(serverExtension);
    return send("PATCH", QStringLiteral("/im/v2/conversations/") + id.toPathSegment(), {},
                Json::serialize(body), traceId);
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
                         const QByteArray &body, const QString &traceId)
{
    ApiCallRequest request;
    request.method = method;
    request.pathAndQuery = query.isEmpty() ? path : path + u'?' + query.query(QUrl::FullyEncoded);
    request.body = body;
    request.traceId = traceId;
    return start(std::move(request));
}

ApiCall *ApiClient::start(ApiCallRequest request)
{
    auto *call = new ApiCall(callSettings(), std::move(request), this);
    connect(call, &ApiCall::attemptSent, this, &ApiClient::requestSent);
    if (const QString problem = configurationProblem(); !problem.isEmpty())
        call->refuse(problem);
    else
        call->start();
    return call;
}

ApiCallSettings ApiClient::callSettings() const
{
    ApiCallSettings settings;
    settings.network = m_network;
    settings.endpoint = m_endpoint;
    settings.credentials = m_credentials;
    settings.tls = m_tlsConfiguration;
    settings.connectTimeoutMs = m_connectTimeoutMs;
    settings.idleTimeoutMs = m_idleTimeoutMs;
    settings.callTimeoutMs = m_callTimeoutMs;
    settings.maxResponseBytes = m_maxResponseBytes;
    settings.clock = m_clock;
    return settings;
}

QString ApiClient::configurationProblem() const
{
    if (!m_credentials.isComplete())
        return tr("No AppKey and AppSecret are set for this profile.");
    if (m_endpoint.primary.isEmpty())
        return tr("The profile has no server address.");
    if (!m_endpointCaProblem.isEmpty())
        return m_endpointCaProblem;
    return m_endpoint.validationError();
}

} // namespace convdesk
