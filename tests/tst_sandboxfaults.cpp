#include "support/SignedSandboxClient.h"

#include <QRegularExpression>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The simulator's fault switches over real HTTP: delays, a failing or malformed next answer,
// rate limiting and a skewed clock.
class TestSandboxFaults : public QObject, private SignedSandboxClient
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void delaySwitch();
    void delayedAnswerAfterClientGaveUp();
    void failNextSwitch();
    void failNextRejectsUnwritableStatus();
    void malformedSwitch();
    void rateLimitSwitch();
    void rateLimitNextSwitch_data();
    void rateLimitNextSwitch();
    void rateLimitEveryNthSwitch();
    void connectionsAreCounted();
    void clockOffsetSwitch();
};

void TestSandboxFaults::init()
{
    startSandbox();
}

void TestSandboxFaults::cleanup()
{
    stopSandbox();
}

void TestSandboxFaults::delaySwitch()
{
    m_server->setResponseDelayMs(1500);
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);

    QNetworkRequest request(QUrl::fromEncoded(m_server->baseUrl().toEncoded() + "/im/v2.1/conversations/"
                                              + AliceId));
    const SignatureHeaders headers =
        RequestSigner::sign(SandboxServer::demoCredentials(), QDateTime::currentSecsSinceEpoch());
    RequestSigner::apply(request, headers, RequestSigner::generateTraceId(), false);
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);

    // Received and answered at once internally, but held back on the wire.
    QTRY_COMPARE(m_server->requestCount(), 1);
    QVERIFY(!reply->isFinished());
    QCOMPARE(handled.size(), 0);

    QVERIFY(finished.wait(20000));
    QCOMPARE(handled.size(), 1);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    const auto json = Json::parse(reply->readAll());
    QVERIFY(json);
    QCOMPARE((*json)["code"].get<int>(), 200);
}

void TestSandboxFaults::delayedAnswerAfterClientGaveUp()
{
    m_server->setResponseDelayMs(1500);
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    const Reply abandoned = send("GET", "/im/v2.1/conversations/" + AliceId, {}, {}, 200);
    QCOMPARE_NE(abandoned.error, QNetworkReply::NoError);

    // The late answer finds the connection gone; the server carries on.
    QVERIFY(handled.wait(20000));
    m_server->setResponseDelayMs(0);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::failNextSwitch()
{
    m_server->setFailNextWithHttpStatus(502, 2);
    for (int i = 0; i < 2; ++i) {
        const Reply failed = get("/im/v2.1/conversations/" + AliceId);
        QCOMPARE(failed.httpStatus, 502);
        QVERIFY(failed.body.startsWith("502 "));
        QVERIFY(!failed.json);
    }
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
    QCOMPARE(m_server->requestCount(), 3);

    m_server->setFailNextWithHttpStatus(503);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).httpStatus, 503);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).httpStatus, 200);
}

void TestSandboxFaults::failNextRejectsUnwritableStatus()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"setFailNextWithHttpStatus: 200 "_s));
    m_server->setFailNextWithHttpStatus(200);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"setFailNextWithHttpStatus: 418 "_s));
    m_server->setFailNextWithHttpStatus(418);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::malformedSwitch()
{
    m_server->setMalformedNext(1);
    const Reply malformed = get("/im/v2.1/conversations/" + AliceId);
    QCOMPARE(malformed.httpStatus, 200);
    QVERIFY(!malformed.body.isEmpty());
    QVERIFY(!malformed.json);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::rateLimitSwitch()
{
    m_server->setRateLimited(true);
    for (int i = 0; i < 2; ++i) {
        const Reply limited = get("/im/v2.1/conversations/" + AliceId);
        QCOMPARE(limited.httpStatus, 200);
        QCOMPARE(limited.code(), 416);
        QCOMPARE(limited.msg(), u"rate limited"_s);
    }
    QCOMPARE(patch(AliceId, patchBody("x")).code(), 416);
    QVERIFY((*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"] != "x");
    m_server->setRateLimited(false);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::rateLimitNextSwitch_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("one") << 1;
    QTest::newRow("three") << 3;
}

void TestSandboxFaults::rateLimitNextSwitch()
{
    QFETCH(int, count);
    m_server->setRateLimitedNext(count);
    for (int i = 0; i < count; ++i) {
        const Reply limited = get("/im/v2.1/conversations/" + AliceId);
        QCOMPARE(limited.httpStatus, 200);
        QCOMPARE(limited.code(), 416);
        QCOMPARE(limited.msg(), u"rate limited"_s);
    }
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::rateLimitEveryNthSwitch()
{
    m_server->setRateLimitedEvery(3);
    QList<int> codes;
    for (int i = 0; i < 7; ++i)
        codes << get("/im/v2.1/conversations/" + AliceId).code();
    QCOMPARE(codes, (QList<int>{200, 200, 416, 200, 200, 416, 200}));
    m_server->setRateLimitedEvery(0);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxFaults::connectionsAreCounted()
{
    QCOMPARE(m_server->connectionCount(), 0);
    // One QNetworkAccessManager keeps its connection alive between calls made one by one.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
    QCOMPARE(m_server->requestCount(), 4);
    QCOMPARE(m_server->connectionCount(), 1);

    // Another client is another connection.
    QNetworkAccessManager other;
    QNetworkRequest request(QUrl::fromEncoded(m_server->baseUrl().toEncoded() + "/im/v2.1/conversations/"
                                              + AliceId));
    RequestSigner::apply(request,
                         RequestSigner::sign(SandboxServer::demoCredentials(), QDateTime::currentSecsSinceEpoch()),
                         RequestSigner::generateTraceId(), false);
    std::unique_ptr<QNetworkReply> reply(other.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_server->connectionCount(), 2);

    m_server->resetToSeed();
    QCOMPARE(m_server->connectionCount(), 0);
}

void TestSandboxFaults::clockOffsetSwitch()
{
    m_server->setClockOffsetSeconds(3600);
    const Reply stale = get("/im/v2.1/conversations/" + AliceId);
    QCOMPARE(stale.code(), 414);
    QCOMPARE(stale.msg(), u"parameter error"_s);

    Signature ahead;
    ahead.curTimeDelta = 3600;
    const Reply updated = patch(AliceId, patchBody("from the future"), ahead);
    QCOMPARE(updated.code(), 200);
    // The server's own times follow its clock.
    QVERIFY(updated.data()["update_time"].get<qint64>()
            > QDateTime::currentMSecsSinceEpoch() + 3000 * 1000LL);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
