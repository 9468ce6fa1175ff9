#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ErrorText.h"
#include "support/RawHttpServer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The API client over real HTTP on 127.0.0.1 against the built-in sandbox and a few raw
// servers for faults the sandbox cannot produce.
class TestApiClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void getKeepsKeyOrderAndLargeIds();
    void idIsOnePercentEncodedSegment();
    void updateRoundTrip();
    void listPagesWithNextToken();
    void errorKinds_data();
    void errorKinds();
    void timeout();
    void cancel();
    void oversizedBodyIsRefused();
    void tlsHandshakeFailureIsTls();
    void redirectIsNotFollowed();
    void connectionResetMidBody();
    void plainHttpToRemoteHostIsRefused();
    void retriesOnceOnConnectionFailure();
    void retriesOnceOn502WithSameTraceId();
    void noRetryWithoutBackupOrForOtherStatuses_data();
    void noRetryWithoutBackupOrForOtherStatuses();
    void codeOutsideIntRangeIsMalformed_data();
    void codeOutsideIntRangeIsMalformed();

private:
    ApiResult waitFor(ApiCall *call);
    static quint16 closedPort();

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    ConversationId m_firstId;
};

void TestApiClient::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<ApiClient>();
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl()));
    m_client->setCredentials(SandboxServer::demoCredentials());
    const auto id = ConversationId::parse(m_sandbox->conversationIds().value(0));
    QVERIFY(id);
    m_firstId = *id;
}

void TestApiClient::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

ApiResult TestApiClient::waitFor(ApiCall *call)
{
    QSignalSpy spy(call, &ApiCall::finished);
    if (!spy.wait(15000))
        return {};
    return spy.first().first().value<ApiResult>();
}

quint16 TestApiClient::closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void TestApiClient::getKeepsKeyOrderAndLargeIds()
{
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QVERIFY2(result.ok(), qPrintable(ErrorText::describe(result)));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.code, 200);
    QCOMPARE(result.attempts, 1);
    QVERIFY(!result.traceId.isEmpty());
    QCOMPARE(m_sandbox->lastRequestHeader("X-custom-traceid"), result.traceId.toUtf8());

    // The data object keeps the order of the raw body, which is the server's order.
    QStringList keys;
    for (const auto &[key, value] : result.data->items())
        keys << QString::fromStdString(key);
    QCOMPARE(keys.first(), u"conversation_id"_s);
    QVERIFY(keys.indexOf(u"sender_id"_s) < keys.indexOf(u"type"_s));
    QVERIFY(keys.indexOf(u"server_extension"_s) < keys.indexOf(u"update_time"_s));
    const QByteArray rawData = result.rawBody.mid(result.rawBody.indexOf("\"data\""));
    qsizetype previous = -1;
    for (const QString &key : std::as_const(keys)) {
        const qsizetype at = rawData.indexOf(QByteArray("\"" + key.toUtf8() + "\":"));
        QVERIFY2(at > previous, qPrintable(key));
        previous = at;
    }

    // 64-bit ids survive exactly: every integer in the raw body is in the serialised data.
    const QByteArray serialised = Json::serialize(result.body);
    QCOMPARE(serialised, Json::serialize(*Json::parse(result.rawBody)));
}

void TestApiClient::idIsOnePercentEncodedSegment()
{
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QVERIFY(result.ok());
    const QByteArray path = m_sandbox->lastRequestPath();
    QVERIFY2(path.contains("%7C"), path.constData());
    QVERIFY(!path.contains('|'));
    QCOMPARE(path, "/im/v2.1/conversations/" + m_firstId.toPathSegment().toUtf8());
}

void TestApiClient::updateRoundTrip()
{
    const QString value = u"{\"vip\":true,\"ticket\":\"T-1\",\"note\":\"中文\"}"_s;
    const ApiResult saved = waitFor(m_client->updateServerExtension(m_firstId, value));
    QVERIFY2(saved.ok(), qPrintable(ErrorText::describe(saved)));
    QCOMPARE(saved.sent.method, QByteArray("PATCH"));
    QVERIFY(saved.sent.url.toString(QUrl::FullyEncoded).contains(u"/im/v2/conversations/"_s));
    QCOMPARE(Json::toQString((*saved.data)["server_extension"].get<std::string>()), value);

    const ApiResult reread = waitFor(m_client->getConversation(m_firstId));
    QVERIFY(reread.ok());
    QCOMPARE(Json::toQString((*reread.data)["server_extension"].get<std::string>()), value);
}

void TestApiClient::listPagesWithNextToken()
{
    const QString account = m_firstId.accountId();
    QStringList seen;
    QString token;
    int pages = 0;
    for (; pages < 50; ++pages) {
        const ApiResult page = waitFor(m_client->listConversations(account, token, 2));
        QVERIFY2(page.ok(), qPrintable(ErrorText::describe(page)));
        QVERIFY((*page.data)["items"].size() <= 2);
        for (const auto &item : (*page.data)["items"])
            seen << Json::toQString(item["conversation_id"].get<std::string>());
        if (!(*page.data)["has_more"].get<bool>())
            break;
        token = Json::toQString((*page.data)["next_token"].get<std::string>());
    }
    QVERIFY(pages >= 1);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
    QVERIFY(seen.contains(m_firstId.toString()));
}

void TestApiClient::errorKinds_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("advice");

    QTest::newRow("wrong secret") << u"secret"_s << int(ErrorKind::Business) << 414 << u"AppSecret"_s;
    QTest::newRow("wrong app key") << u"appkey"_s << int(ErrorKind::Business) << 414 << u"AppKey"_s;
    QTest::newRow("clock ahead") << u"clock+"_s << int(ErrorKind::Business) << 414 << u"clock"_s;
    QTest::newRow("clock behind") << u"clock-"_s << int(ErrorKind::Business) << 414 << u"clock"_s;
    QTest::newRow("unknown conversation") << u"unknown"_s << int(ErrorKind::Business) << 414
                                          << u"No such conversation"_s;
    QTest::newRow("rate limited") << u"ratelimit"_s << int(ErrorKind::Business) << 416 << u"Rate limited"_s;
    QTest::newRow("malformed body") << u"malformed"_s << int(ErrorKind::MalformedResponse) << 0
                                    << u"could not be read"_s;
    QTest::newRow("HTTP 500") << u"http500"_s << int(ErrorKind::HttpStatus) << 0 << u"HTTP 500"_s;
    QTest::newRow("network down") << u"down"_s << int(ErrorKind::NetworkDown) << 0 << u"Could not reach"_s;
    QTest::newRow("no credentials") << u"nocredentials"_s << int(ErrorKind::Configuration) << 0
                                    << u"AppSecret"_s;
}

void TestApiClient::errorKinds()
{
    QFETCH(QString, fault);
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, advice);

    ConversationId id = m_firstId;
    if (fault == u"secret")
        m_client->setCredentials({SandboxServer::demoCredentials().appKey, u"not-the-secret"_s});
    else if (fault == u"appkey")
        m_client->setCredentials({u"someone-else"_s, SandboxServer::demoCredentials().appSecret});
    else if (fault == u"clock+")
        m_client->setClock([] { return QDateTime::currentSecsSinceEpoch() + 400; });
    else if (fault == u"clock-")
        m_client->setClock([] { return QDateTime::currentSecsSinceEpoch() - 400; });
    else if (fault == u"unknown")
        id = ConversationId(u"nobody"_s, ConversationType::OneToOne, u"ghost"_s);
    else if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    else if (fault == u"malformed")
        m_sandbox->setMalformedNext(1);
    else if (fault == u"http500")
        m_sandbox->setFailNextWithHttpStatus(500);
    else if (fault == u"down")
        m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()))));
    else if (fault == u"nocredentials")
        m_client->setCredentials({});

    const ApiResult result = waitFor(m_client->getConversation(id));
    QCOMPARE(int(result.error), kind);
    QCOMPARE(result.code, code);
    QVERIFY(!result.traceId.isEmpty());
    const QString text = ErrorText::describe(result);
    QVERIFY2(text.contains(advice, Qt::CaseInsensitive), qPrintable(text));
    QVERIFY(!text.contains(SandboxServer::demoCredentials().appSecret));
}

void TestApiClient::timeout()
{
    m_sandbox->setResponseDelayMs(3000);
    m_client->setIdleTimeoutMs(300); // connected, then silent
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 1);
    QVERIFY(ErrorText::describe(result).contains(u"did not answer in time"_s));
}

void TestApiClient::cancel()
{
    m_sandbox->setResponseDelayMs(3000);
    ApiCall *call = m_client->getConversation(m_firstId);
    QSignalSpy spy(call, &ApiCall::finished);
    QTimer::singleShot(100, call, &ApiCall::cancel);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.first().first().value<ApiResult>().error, ErrorKind::Cancelled);
}

void TestApiClient::oversizedBodyIsRefused()
{
    m_client->setMaxResponseBytes(200);
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::OversizedResponse);
    QVERIFY(result.rawBody.size() <= 200);
}

void TestApiClient::tlsHandshakeFailureIsTls()
{
    // An https client talking to a server that answers in plain text fails the handshake.
    RawHttpServer plain("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"https://127.0.0.1:%1"_s.arg(plain.serverPort()))));
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::Tls);
    QVERIFY(ErrorText::describe(result).contains(u"secure connection"_s));
}

void TestApiClient::redirectIsNotFollowed()
{
    RawHttpServer redirect("HTTP/1.1 302 Found\r\nLocation: " + m_sandbox->baseUrl().toEncoded()
                           + "/im/v2.1/conversations/x\r\nContent-Length: 0\r\n\r\n");
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(redirect.serverPort()))));
    const int before = m_sandbox->requestCount();
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::HttpStatus);
    QCOMPARE(result.httpStatus, 302);
    QVERIFY(result.redirectLocation.startsWith(m_sandbox->baseUrl().toString()));
    QCOMPARE(m_sandbox->requestCount(), before);
}

void TestApiClient::connectionResetMidBody()
{
    RawHttpServer reset("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"code\":200,",
                        RawHttpServer::Mode::ReplyThenReset);
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(reset.serverPort()))));
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::NetworkDown);
    QCOMPARE(result.httpStatus, 200);
}

void TestApiClient::plainHttpToRemoteHostIsRefused()
{
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://open.yunxinapi.com"_s)));
    QSignalSpy sent(m_client.get(), &ApiClient::requestSent);
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::Configuration);
    QVERIFY(result.detail.contains(u"https"_s));
    QCOMPARE(sent.count(), 0);
}

void TestApiClient::retriesOnceOnConnectionFailure()
{
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())),
                                              m_sandbox->baseUrl()));
    QSignalSpy sent(m_client.get(), &ApiClient::requestSent);
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QVERIFY2(result.ok(), qPrintable(ErrorText::describe(result)));
    QCOMPARE(result.attempts, 2);
    QVERIFY(result.usedBackup);
    QCOMPARE(sent.count(), 2);
    const auto first = sent.at(0).first().value<SentRequest>();
    const auto second = sent.at(1).first().value<SentRequest>();
    auto header = [](const SentRequest &request, const QByteArray &name) {
        for (const auto &[key, value] : request.headers)
            if (key == name)
                return value;
        return QByteArray();
    };
    QCOMPARE(header(first, "X-custom-traceid"), header(second, "X-custom-traceid"));
    QVERIFY(header(first, "Nonce") != header(second, "Nonce")); // re-signed
    QCOMPARE(m_sandbox->lastRequestHeader("X-custom-traceid"), result.traceId.toUtf8());
}

void TestApiClient::retriesOnceOn502WithSameTraceId()
{
    SandboxServer backup;
    QVERIFY(backup.listen());
    m_sandbox->setFailNextWithHttpStatus(502, 5);
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl(), backup.baseUrl()));
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QVERIFY2(result.ok(), qPrintable(ErrorText::describe(result)));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(m_sandbox->lastRequestHeader("X-custom-traceid"), result.traceId.toUtf8());
    QCOMPARE(backup.lastRequestHeader("X-custom-traceid"), result.traceId.toUtf8());

    // Both hosts failing: still only one retry.
    backup.setFailNextWithHttpStatus(502, 5);
    const ApiResult failed = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(failed.error, ErrorKind::HttpStatus);
    QCOMPARE(failed.httpStatus, 502);
    QCOMPARE(failed.attempts, 2);
}

void TestApiClient::noRetryWithoutBackupOrForOtherStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("withBackup");
    QTest::newRow("502 without backup") << 502 << false;
    QTest::newRow("500 with backup") << 500 << true;
    QTest::newRow("503 with backup") << 503 << true;
    QTest::newRow("404 with backup") << 404 << true;
}

void TestApiClient::noRetryWithoutBackupOrForOtherStatuses()
{
    QFETCH(int, status);
    QFETCH(bool, withBackup);
    SandboxServer backup;
    QVERIFY(backup.listen());
    m_sandbox->setFailNextWithHttpStatus(status, 5);
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl(), withBackup ? backup.baseUrl() : QUrl()));
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.error, ErrorKind::HttpStatus);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(backup.requestCount(), 0);
}

void TestApiClient::codeOutsideIntRangeIsMalformed_data()
{
    QTest::addColumn<QByteArray>("code");
    // Each wraps to 200 when narrowed to a 32-bit int.
    QTest::newRow("2^32 + 200") << QByteArray("4294967496");
    QTest::newRow("-2^32 + 200") << QByteArray("-4294967096");
    QTest::newRow("2^64 - 2^32 + 200") << QByteArray("18446744069414584520");
}

void TestApiClient::codeOutsideIntRangeIsMalformed()
{
    QFETCH(QByteArray, code);
    const QByteArray body = "{\"code\":" + code + ",\"msg\":\"success\",\"data\":{}}";
    RawHttpServer server("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                         + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_client->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()))));
    const ApiResult result = waitFor(m_client->getConversation(m_firstId));
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.error, ErrorKind::MalformedResponse);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
