#include "SandboxServer.h"

#include "SandboxEndpoints.h"
#include "SandboxHttpFrontend.h"
#include "SandboxReply.h"
#include "SandboxRequest.h"
#include "SandboxSeed.h"
#include "SandboxStore.h"
#include "SandboxVerifier.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <map>
#include <optional>

namespace convdesk {

static_assert(SandboxServer::MaxServerExtensionLength == SandboxEndpoints::MaxServerExtensionLength);
static_assert(SandboxServer::AllowedClockSkewSeconds == SandboxVerifier::AllowedClockSkewSeconds);

namespace {

using StatusCode = QHttpServerResponder::StatusCode;

#ifdef CONVDESK_DEV_HOOKS
// Statuses QHttpServerResponder can write a reason phrase for (it has none for 418 or 599).
bool isWritableErrorStatus(int status)
{
    return status >= 400 && status <= 511 && status != 418
        && QMetaEnum::fromType<StatusCode>().valueToKey(status) != nullptr;
}

QByteArray injectedFailureText(int status)
{
    return QByteArray::number(status) + ' '
        + QMetaEnum::fromType<StatusCode>().valueToKey(status)
        + " (injected by the sandbox's fault switch)\n";
}
#endif

} // namespace

struct SandboxServer::Private
{
    explicit Private(SandboxServer *owner) : q(owner) {}

    // Nested rather than in the anonymous namespace: a member of a class with linkage may not
    // have a type without it (GCC's -Wsubobject-linkage, in the unity build).
    struct PendingReply
    {
        QHttpServerResponder responder;
        SandboxReply reply;
        QByteArray method;
        QByteArray path;
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        // 6.4 deletes a disconnected socket the responder still points at. From 6.5 on the
        // connection lives as long as its responder, and a write after the client left fails
        // quietly in QAbstractSocket.
        QPointer<QTcpSocket> socket;
#endif
    };

    qint64 nowMs() const
    {
#ifdef CONVDESK_DEV_HOOKS
        return QDateTime::currentMSecsSinceEpoch() + faults.clockOffsetSeconds * 1000;
#else
        return QDateTime::currentMSecsSinceEpoch();
#endif
    }

    void receive(const QHttpServerRequest &httpRequest, QHttpServerResponder &responder);
    SandboxReply process(const SandboxRequest &request);
    static void write(QHttpServerResponder &responder, const SandboxReply &reply);
#ifdef CONVDESK_DEV_HOOKS
    void deliver(PendingReply &pendingReply);
#endif

    SandboxServer *const q;
    SandboxStore store;
    SandboxEndpoints endpoints{store};
    SandboxVerifier verifier;

#ifdef CONVDESK_DEV_HOOKS
    struct Faults
    {
        int responseDelayMs = 0;
        int failStatus = 0;
        int failCount = 0;
        int malformedCount = 0;
        bool rateLimited = false;
        int rateLimitedCount = 0;
        int rateLimitedEvery = 0;
        int rateLimitCounter = 0; // requests seen by the "every Nth" switch since it was set
        qint64 clockOffsetSeconds = 0;
        SandboxWriteFault nextWriteFault = SandboxWriteFault::None;
    };
    Faults faults;
    std::optional<SandboxReply> injectedFault();
#endif

    int requestCount = 0;
    int connectionCount = 0;
    SandboxRequest lastRequest;

    std::map<quint64, PendingReply> pendingReplies;
    quint64 nextPendingId = 1;

    QString errorString;
    std::optional<QSslConfiguration> tls;
    QHostAddress address;
    QPointer<QTcpServer> tcpServer;
    std::unique_ptr<SandboxHttpFrontend> http;
};

void SandboxServer::Private::receive(const QHttpServerRequest &httpRequest,
                                     QHttpServerResponder &responder)
{
    SandboxRequest request = SandboxRequest::fromHttp(httpRequest);
    ++requestCount;
    lastRequest = request;

    // The answer is computed now (a PATCH takes effect at once), even when sent later.
#ifndef CONVDESK_DEV_HOOKS
    SandboxReply reply = process(request);
#else
    const SandboxWriteFault writeFault = request.method == "PATCH"
                                             ? std::exchange(faults.nextWriteFault, SandboxWriteFault::None)
                                             : SandboxWriteFault::None;
    std::optional<SandboxStore> before;
    if (writeFault == SandboxWriteFault::LieWithoutApplying)
        before = store;
    SandboxReply reply = SandboxWriteFaults::replyFor(writeFault, process(request));
    if (before)
        store = std::move(*before);
    if (writeFault == SandboxWriteFault::ApplyThenReset || writeFault == SandboxWriteFault::ApplyThenHang) {
#  if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        if (writeFault == SandboxWriteFault::ApplyThenReset) {
            if (QTcpSocket *socket = responder.socket())
                socket->abort();
            Q_EMIT q->requestHandled(request.method, request.encodedPath, 0);
            return;
        }
#  endif
        // Held unanswered until the server goes (from 6.5 on also for a reset: no socket to close).
        PendingReply pending{std::move(responder), std::move(reply), request.method, request.encodedPath
#  if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
                             , nullptr
#  endif
        };
        pendingReplies.emplace(nextPendingId++, std::move(pending));
        Q_EMIT q->requestHandled(request.method, request.encodedPath, 0);
        return;
    }
    if (faults.responseDelayMs > 0) {
#  if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
        QPointer<QTcpSocket> socket = responder.socket();
        PendingReply pending{std::move(responder), std::move(reply), request.method,
                             request.encodedPath, std::move(socket)};
#  else
        PendingReply pending{std::move(responder), std::move(reply), request.method,
                             request.encodedPath};
#  endif
        const quint64 id = nextPendingId++;
        pendingReplies.emplace(id, std::move(pending));
        QTimer::singleShot(faults.responseDelayMs, q, [this, id] {
            auto node = pendingReplies.extract(id);
            if (!node.empty())
                deliver(node.mapped());
        });
        return;
    }
#endif
    // From 6.5 on the responder must not die inside handleRequest(): Qt would then listen to
    // the connection twice. Answering through the reference keeps it where Qt put it.
    write(responder, reply);
    Q_EMIT q->requestHandled(request.method, request.encodedPath, reply.code);
}

#ifdef CONVDESK_DEV_HOOKS
std::optional<SandboxReply> SandboxServer::Private::injectedFault()
{
    // Gateway-level faults: such requests never reach the service.
    if (faults.failCount > 0) {
        --faults.failCount;
        return SandboxReply::httpError(faults.failStatus, injectedFailureText(faults.failStatus));
    }
    if (faults.malformedCount > 0) {
        --faults.malformedCount;
        return SandboxReply::malformed();
    }
    const bool nth = faults.rateLimitedEvery > 0 && ++faults.rateLimitCounter % faults.rateLimitedEvery == 0;
    if (faults.rateLimitedCount > 0) {
        --faults.rateLimitedCount;
        return SandboxReply::failure(SandboxReply::RateLimited, "rate limited");
    }
    if (faults.rateLimited || nth)
        return SandboxReply::failure(SandboxReply::RateLimited, "rate limited");
    return std::nullopt;
}
#endif

SandboxReply SandboxServer::Private::process(const SandboxRequest &request)
{
#ifdef CONVDESK_DEV_HOOKS
    if (std::optional<SandboxReply> fault = injectedFault())
        return *fault;
#endif

    const SandboxEndpoints::Match match = SandboxEndpoints::match(request);
    if (match.route == SandboxEndpoints::Route::Unknown
        || match.route == SandboxEndpoints::Route::WrongMethod) {
        return endpoints.answer(match, request, nowMs());
    }
    if (const auto error = verifier.verifySignature(request, nowMs() / 1000))
        return error->toReply();
    if (const auto error = verifier.checkTraceId(request))
        return error->toReply();
    return endpoints.answer(match, request, nowMs());
}

void SandboxServer::Private::write(QHttpServerResponder &responder, const SandboxReply &reply)
{
    // The mime-type overload exists unchanged from 6.4 to 6.8 (HeaderList became QHttpHeaders).
    responder.write(reply.body, reply.contentType, StatusCode(reply.httpStatus));
}

#ifdef CONVDESK_DEV_HOOKS
void SandboxServer::Private::deliver(PendingReply &pending)
{
#  if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    // The client may have given up (timeout) while a delayed answer waited.
    if (pending.socket && pending.socket->isOpen())
        write(pending.responder, pending.reply);
#  else
    write(pending.responder, pending.reply);
#  endif
    Q_EMIT q->requestHandled(pending.method, pending.path, pending.reply.code);
}
#endif

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this))
{
    d->verifier.setCredentials(demoCredentials());
    d->http = std::make_unique<SandboxHttpFrontend>(
        [this](const QHttpServerRequest &request, QHttpServerResponder &responder) {
            d->receive(request, responder);
        },
        nullptr);
    resetToSeed();
}

SandboxServer::~SandboxServer()
{
    // Unanswered responders go first: from 6.5 on each one points into its connection, which
    // the HTTP layer deletes. Then stop accepting and drop the connections before the state
    // their handlers use.
    d->pendingReplies.clear();
    d->http.reset();
}

bool SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    if (d->tcpServer) {
        d->errorString = tr("The sandbox is already listening on port %1.")
                             .arg(d->tcpServer->serverPort());
        return false;
    }
    QTcpServer *tcpServer = nullptr;
    if (d->tls) {
        // QSslServer hands a connection to the HTTP layer only after the handshake succeeded.
        auto *sslServer = new LowDelayServer<QSslServer>(d->http.get());
        sslServer->setSslConfiguration(*d->tls);
        sslServer->accepted = [this] { ++d->connectionCount; };
        tcpServer = sslServer;
    } else {
        auto *plainServer = new LowDelayServer<QTcpServer>(d->http.get());
        plainServer->accepted = [this] { ++d->connectionCount; };
        tcpServer = plainServer;
    }
    if (!tcpServer->listen(address, port)) {
        d->errorString = tr("The sandbox cannot listen on %1 port %2: %3")
                             .arg(address.toString()).arg(port).arg(tcpServer->errorString());
        delete tcpServer;
        return false;
    }
    // bind() wants a listening server; 6.8 says so by returning false, before it ignored it.
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    if (!d->http->bind(tcpServer)) {
        d->errorString = tr("The sandbox's HTTP layer did not take the socket on %1 port %2.")
                             .arg(address.toString()).arg(port);
        delete tcpServer;
        return false;
    }
#else
    d->http->bind(tcpServer);
#endif
    d->tcpServer = tcpServer;
    d->address = address;
    d->errorString.clear();
    return true;
}

quint16 SandboxServer::port() const
{
    return d->tcpServer ? d->tcpServer->serverPort() : 0;
}

QUrl SandboxServer::baseUrl() const
{
    if (!d->tcpServer)
        return {};
    QUrl url;
    url.setScheme(d->tls ? QStringLiteral("https") : QStringLiteral("http"));
    if (d->address == QHostAddress::Any || d->address == QHostAddress::AnyIPv4)
        url.setHost(QStringLiteral("127.0.0.1"));
    else if (d->address == QHostAddress::AnyIPv6)
        url.setHost(QStringLiteral("::1"));
    else
        url.setHost(d->address.toString());
    url.setPort(port());
    return url;
}

QString SandboxServer::errorString() const
{
    return d->errorString;
}

bool SandboxServer::setTlsCertificate(const QString &certificateFile, const QString &privateKeyFile)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty()) {
        d->errorString = tr("No PEM certificate could be read from %1.").arg(certificateFile);
        return false;
    }
    QFile keyFile(privateKeyFile);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        d->errorString = tr("The private key %1 cannot be read: %2")
                             .arg(privateKeyFile, keyFile.errorString());
        return false;
    }
    const QByteArray pem = keyFile.readAll();
    QSslKey key(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull()) {
        d->errorString = tr("%1 holds no unencrypted PEM private key (EC or RSA).").arg(privateKeyFile);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    setTlsConfiguration(configuration);
    return true;
}

void SandboxServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    d->tls = configuration;
}

bool SandboxServer::isTls() const
{
    return d->tls.has_value();
}

Credentials SandboxServer::demoCredentials()
{
    return {QStringLiteral("sandbox-app-key"), QStringLiteral("sandbox-app-secret")};
}

void SandboxServer::setCredentials(const Credentials &credentials)
{
    d->verifier.setCredentials(credentials);
}

Credentials SandboxServer::credentials() const
{
    return d->verifier.credentials();
}

QStringList SandboxServer::conversationIds() const
{
    return d->store.ids();
}

std::optional<OrderedJson> SandboxServer::conversation(const QString &conversationId) const
{
    if (const OrderedJson *found = d->store.find(conversationId))
        return *found;
    return std::nullopt;
}

bool SandboxServer::setServerExtension(const QString &conversationId, const QString &value)
{
    OrderedJson *found = d->store.find(conversationId);
    if (!found) {
        qWarning("SandboxServer::setServerExtension: no conversation %s",
                 qUtf8Printable(conversationId));
        return false;
    }
    if (const auto error = SandboxEndpoints::checkServerExtension(value)) {
        qWarning("SandboxServer::setServerExtension: %s", error->message.c_str());
        return false;
    }
    (*found)["server_extension"] = Json::toStdString(value);
    (*found)["update_time"] = d->nowMs();
    return true;
}

void SandboxServer::putConversation(const OrderedJson &conversation)
{
    const auto id = conversation.is_object() ? conversation.find("conversation_id")
                                             : conversation.end();
    if (id == conversation.end() || !id->is_string() || id->get<std::string>().empty()) {
        qWarning("SandboxServer::putConversation: the object has no string \"conversation_id\"");
        return;
    }
    d->store.put(conversation);
}

void SandboxServer::resetToSeed()
{
    d->store.clear();
    for (const OrderedJson &conversation : SandboxSeed::conversations(d->nowMs()))
        d->store.put(conversation);
    d->verifier.forgetTraceIds();
    d->requestCount = 0;
    d->connectionCount = 0;
    d->lastRequest = {};
}

#ifdef CONVDESK_DEV_HOOKS
void SandboxServer::setResponseDelayMs(int delayMs)
{
    d->faults.responseDelayMs = qMax(0, delayMs);
}

void SandboxServer::setFailNextWithHttpStatus(int status, int count)
{
    if (!isWritableErrorStatus(status)) {
        qWarning("SandboxServer::setFailNextWithHttpStatus: %d is not an HTTP error status the "
                 "server can send (400..511, not 418); the switch is unchanged", status);
        return;
    }
    d->faults.failStatus = status;
    d->faults.failCount = qMax(0, count);
}

void SandboxServer::setMalformedNext(int count)
{
    d->faults.malformedCount = qMax(0, count);
}

void SandboxServer::setRateLimited(bool limited)
{
    d->faults.rateLimited = limited;
}

void SandboxServer::setRateLimitedNext(int count)
{
    d->faults.rateLimitedCount = qMax(0, count);
}

void SandboxServer::setRateLimitedEvery(int nth)
{
    d->faults.rateLimitedEvery = qMax(0, nth);
    d->faults.rateLimitCounter = 0;
}

void SandboxServer::setClockOffsetSeconds(qint64 offset)
{
    d->faults.clockOffsetSeconds = offset;
}

void SandboxServer::setNextWriteFault(SandboxWriteFault fault)
{
    d->faults.nextWriteFault = fault;
}
#endif

int SandboxServer::requestCount() const
{
    return d->requestCount;
}

int SandboxServer::connectionCount() const
{
    return d->connectionCount;
}

QByteArray SandboxServer::lastRequestPath() const
{
    return d->lastRequest.encodedPath;
}

QByteArray SandboxServer::lastRequestHeader(const QByteArray &name) const
{
    return d->lastRequest.header(name).value_or(QByteArray());
}

QByteArray SandboxServer::lastRequestQuery() const
{
    return d->lastRequest.query.toString(QUrl::FullyEncoded).toUtf8();
}

QByteArray SandboxServer::lastRequestBody() const
{
    return d->lastRequest.body;
}

} // namespace convdesk
