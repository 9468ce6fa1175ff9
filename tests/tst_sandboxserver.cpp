#include "support/SignedSandboxClient.h"

#include <QTcpServer>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// The order the API notes document for a conversation object.
const QStringList DocumentedOrder = {
    u"conversation_id"_s, u"sender_id"_s, u"receiver_id"_s, u"type"_s, u"stick_top"_s,
    u"group_ids"_s, u"server_extension"_s, u"message_state"_s, u"last_message"_s,
    u"revoke_notification"_s, u"unread_count"_s, u"sort_order"_s, u"create_time"_s,
    u"update_time"_s, u"last_read_time"_s,
};

} // namespace

// The simulator over real HTTP on 127.0.0.1: listening, signature verification, the shape of
// its answers, path decoding and the request count. The seeded data is tst_sandboxdata's,
// the fault switches tst_sandboxfaults'.
class TestSandboxServer : public QObject, private SignedSandboxClient
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void listenAndBaseUrl();
    void verification_data();
    void verification();
    void responseKeepsDocumentedKeyOrder();
    void largeIdsAndShapesSurvive();
    void traceIdReuse();
    void pathSegmentsAreDecodedSeparately_data();
    void pathSegmentsAreDecodedSeparately();
    void encodedSlashStaysInOneSegment();
    void requestCountAndSignal();
};

void TestSandboxServer::init()
{
    startSandbox();
}

void TestSandboxServer::cleanup()
{
    stopSandbox();
}

void TestSandboxServer::listenAndBaseUrl()
{
    QVERIFY(m_server->port() != 0);
    QCOMPARE(m_server->baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    QVERIFY(!m_server->listen());
    QVERIFY(m_server->errorString().contains(QString::number(m_server->port())));

    QTcpServer occupied;
    QVERIFY(occupied.listen(QHostAddress::LocalHost));
    SandboxServer second;
    QVERIFY(!second.listen(QHostAddress::LocalHost, occupied.serverPort()));
    QVERIFY(!second.errorString().isEmpty());
    QCOMPARE(second.port(), quint16(0));
}

void TestSandboxServer::verification_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("omit");
    QTest::addColumn<QByteArray>("appKey");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("curTime");
    QTest::addColumn<qint64>("curTimeDelta");
    QTest::addColumn<bool>("corruptCheckSum");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");

    const QByteArray alice = "/im/v2.1/conversations/" + AliceId;
    const QByteArray key = "sandbox-app-key";
    const QByteArray none;
    // Refused signatures get the generic words of the real service's 414.
    const QString expired = u"parameter error"_s;
    const QString badNonce = u"invalid nonce: must be 1 to 128 characters"_s;

    QTest::newRow("valid") << alice << none << key << none << none << qint64(0) << false << 200 << u"success"_s;
    QTest::newRow("missing AppKey") << alice << QByteArray("AppKey") << key << none << none << qint64(0) << false
                                    << 414 << u"missing header: AppKey"_s;
    QTest::newRow("missing Nonce") << alice << QByteArray("Nonce") << key << none << none << qint64(0) << false
                                   << 414 << u"missing header: Nonce"_s;
    QTest::newRow("missing CurTime") << alice << QByteArray("CurTime") << key << none << none << qint64(0) << false
                                     << 414 << u"missing header: CurTime"_s;
    QTest::newRow("missing CheckSum") << alice << QByteArray("CheckSum") << key << none << none << qint64(0)
                                      << false << 414 << u"missing header: CheckSum"_s;
    QTest::newRow("wrong AppKey") << alice << none << QByteArray("someone-else") << none << none << qint64(0)
                                  << false << 414 << u"parameter error"_s;
    QTest::newRow("wrong CheckSum") << alice << none << key << none << none << qint64(0) << true << 414
                                    << u"parameter error"_s;
    QTest::newRow("CurTime 310 s ahead") << alice << none << key << none << none << qint64(310) << false << 414
                                         << expired;
    QTest::newRow("CurTime 310 s behind") << alice << none << key << none << none << qint64(-310) << false
                                          << 414 << expired;
    QTest::newRow("CurTime 290 s ahead") << alice << none << key << none << none << qint64(290) << false << 200
                                         << u"success"_s;
    QTest::newRow("CurTime 290 s behind") << alice << none << key << none << none << qint64(-290) << false
                                          << 200 << u"success"_s;
    QTest::newRow("CurTime in milliseconds")
        << alice << none << key << none
        << QByteArray::number(QDateTime::currentMSecsSinceEpoch()) << qint64(0) << false << 414 << expired;
    QTest::newRow("CurTime not a number") << alice << none << key << none << QByteArray("yesterday")
                                          << qint64(0) << false << 414
                                          << u"invalid curtime: must be whole seconds since 1970-01-01 UTC"_s;
    QTest::newRow("Nonce empty") << alice << none << key << QByteArray("") << none << qint64(0) << false << 414
                                 << badNonce;
    QTest::newRow("Nonce 129 characters") << alice << none << key << QByteArray(129, 'n') << none << qint64(0)
                                          << false << 414 << badNonce;
    QTest::newRow("Nonce 128 characters") << alice << none << key << QByteArray(128, 'n') << none << qint64(0)
                                          << false << 200 << u"success"_s;
    QTest::newRow("unknown conversation")
        << QByteArray("/im/v2.1/conversations/support_demo%7C1%7Cnobody") << none << key << none << none
        << qint64(0) << false << 414 << u"conversation not exist"_s;
    QTest::newRow("malformed id") << QByteArray("/im/v2.1/conversations/support_demo%7C9%7Calice") << none
                                  << key << none << none << qint64(0) << false << 414
                                  << u"invalid parameter: conversation_id \"support_demo|9|alice\" is not "
                                     "account_id|type|target with type 1, 2 or 3"_s;
    QTest::newRow("older v2 path") << QByteArray("/im/v2/conversations/" + AliceId) << none << key << none
                                   << none << qint64(0) << false << 200 << u"success"_s;
}

void TestSandboxServer::verification()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, omit);
    QFETCH(QByteArray, appKey);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, curTime);
    QFETCH(qint64, curTimeDelta);
    QFETCH(bool, corruptCheckSum);
    QFETCH(int, code);
    QFETCH(QString, msg);

    Signature signature;
    signature.omit = omit;
    signature.appKey = appKey;
    signature.nonce = nonce;
    signature.curTime = curTime;
    signature.curTimeDelta = curTimeDelta;
    signature.corruptCheckSum = corruptCheckSum;

    const Reply reply = get(path, signature);
    QCOMPARE(reply.httpStatus, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json;charset=utf-8"));
    QVERIFY2(reply.json, reply.body.constData());
    QCOMPARE(reply.code(), code);
    QCOMPARE(reply.msg(), msg);
    if (code == 200) {
        QCOMPARE(reply.data()["conversation_id"].get<std::string>(), std::string("support_demo|1|alice"));
    } else {
        QVERIFY(reply.data().is_object());
        QVERIFY(reply.data().empty());
    }
}

void TestSandboxServer::responseKeepsDocumentedKeyOrder()
{
    for (const QString &id : m_server->conversationIds()) {
        const Reply reply = get("/im/v2.1/conversations/" + QUrl::toPercentEncoding(id));
        QCOMPARE(reply.code(), 200);
        QCOMPARE(keysOf(*reply.json), QStringList({u"code"_s, u"msg"_s, u"data"_s}));
        QVERIFY(reply.body.indexOf("\"code\"") < reply.body.indexOf("\"msg\""));
        QVERIFY(reply.body.indexOf("\"msg\"") < reply.body.indexOf("\"data\""));

        const QStringList keys = keysOf(reply.data());
        QStringList expected = DocumentedOrder;
        expected.removeIf([&keys](const QString &key) { return !keys.contains(key); });
        QCOMPARE(keys, expected);
        // The raw text has them in that order too (searching on from the previous key, as
        // nested objects repeat names such as create_time).
        qsizetype previous = -1;
        for (const QString &key : keys) {
            previous = reply.body.indexOf(QByteArray("\"" + key.toUtf8() + "\":"), previous + 1);
            QVERIFY2(previous >= 0, qPrintable(id + u": "_s + key));
        }
    }
}

void TestSandboxServer::largeIdsAndShapesSurvive()
{
    const Reply flat = get("/im/v2.1/conversations/support_demo%7C1%7Cbob_88");
    QCOMPARE(flat.code(), 200);
    QVERIFY(flat.body.contains("\"message_server_id\":9007199254740993"));
    QCOMPARE(flat.data()["last_message"]["message_server_id"].get<qint64>(), qint64(9007199254740993));
    QCOMPARE(flat.data()["last_message"]["message_type"].get<int>(), 100);
    QVERIFY(flat.data()["last_message"]["attachment"].is_object());

    const Reply recalled = get("/im/v2.1/conversations/support_demo%7C1%7Ccarol.w");
    QCOMPARE(recalled.data()["message_state"].get<int>(), 1);
    QVERIFY(recalled.data()["last_message"].is_object());
    QVERIFY(recalled.data()["last_message"].empty());
    QVERIFY(recalled.body.contains("\"server_id\":12345678901234567"));
    QCOMPARE(recalled.data()["revoke_notification"]["revoke_type"].get<int>(), 1);

    const Reply superTeam = get("/im/v2.1/conversations/support_demo%7C3%7C9007199254740997");
    QCOMPARE(superTeam.data()["type"].get<int>(), 3);
    QVERIFY(superTeam.data()["unread_count"].get<int>() > 0);
    QVERIFY(superTeam.body.contains("\"team_id\":9007199254740997"));
    QVERIFY(superTeam.body.contains("\"group_ids\":[9223372036854775806]"));

    const Reply nested = get("/im/v2.1/conversations/" + AliceId);
    const OrderedJson message = nested.data()["last_message"];
    QVERIFY(message["sender_no_sense"] == "false");
    QCOMPARE(message["message"]["message_type"].get<int>(), 0);
    QVERIFY(message["message_config"]["mutil_sync_enabled"] == "true");
    QVERIFY(message["route_config"]["route_enabled"] == true);
    QVERIFY(Json::parse(message["push_config"]["push_payload"].get<std::string>()));
}

void TestSandboxServer::traceIdReuse()
{
    Signature signature;
    signature.traceId = "trace-0001";
    QCOMPARE(patch(AliceId, patchBody("first"), signature).code(), 200);

    // A retry: same trace id and body, fresh signature.
    QCOMPARE(patch(AliceId, patchBody("first"), signature).code(), 200);

    const Reply reused = patch(AliceId, patchBody("second"), signature);
    QCOMPARE(reused.code(), 431);
    QCOMPARE(reused.msg(), u"repeated request: trace id already used with a different body"_s);
    QCOMPARE((*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"].get<std::string>(),
             std::string("first"));

    // Same trace id on another request (a GET of the same conversation) is also a reuse.
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId, signature).code(), 431);

    signature.traceId = "trace-0002";
    QCOMPARE(patch(AliceId, patchBody("second"), signature).code(), 200);
}

void TestSandboxServer::pathSegmentsAreDecodedSeparately_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");

    QTest::newRow("%7C") << QByteArray("/im/v2.1/conversations/support_demo%7C1%7Calice") << 200 << 200;
    QTest::newRow("lower-case %7c") << QByteArray("/im/v2.1/conversations/support_demo%7c1%7calice") << 200 << 200;
    QTest::newRow("encoded account") << QByteArray("/im/v2.1/conversations/%73upport_demo%7C1%7Calice") << 200
                                     << 200;
    QTest::newRow("%2F stays in the id") << QByteArray("/im/v2.1/conversations/support_demo%2F1%7C1%7Calice")
                                         << 200 << 414;
    QTest::newRow("bare slash splits") << QByteArray("/im/v2.1/conversations/support_demo/1") << 404 << 404;
    QTest::newRow("unknown endpoint") << QByteArray("/im/v2.1/teams") << 404 << 404;
    QTest::newRow("unknown version") << QByteArray("/im/v3/conversations/" + AliceId) << 404 << 404;
}

void TestSandboxServer::pathSegmentsAreDecodedSeparately()
{
    QFETCH(QByteArray, path);
    QFETCH(int, httpStatus);
    QFETCH(int, code);

    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    const Reply reply = get(path);
    QCOMPARE(reply.httpStatus, httpStatus);
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.first().at(2).toInt(), code);
    if (httpStatus == 200)
        QCOMPARE(reply.code(), code);
    QVERIFY(!m_server->lastRequestPath().contains('|'));
}

void TestSandboxServer::encodedSlashStaysInOneSegment()
{
    OrderedJson odd = *m_server->conversation(u"support_demo|1|alice"_s);
    odd["conversation_id"] = "support_demo|1|odd/peer";
    odd["receiver_id"] = "odd/peer";
    m_server->putConversation(odd);
    QCOMPARE(m_server->conversationIds().constLast(), u"support_demo|1|odd/peer"_s);

    const Reply reply = get("/im/v2.1/conversations/support_demo%7C1%7Codd%2Fpeer");
    QCOMPARE(reply.code(), 200);
    QCOMPARE(reply.data()["conversation_id"].get<std::string>(), std::string("support_demo|1|odd/peer"));
    QCOMPARE(m_server->lastRequestPath().toUpper(),
             QByteArray("/IM/V2.1/CONVERSATIONS/SUPPORT_DEMO%7C1%7CODD%2FPEER"));

    QCOMPARE(patch("support_demo%7C1%7Codd%2Fpeer", patchBody("slash ok")).code(), 200);
    QCOMPARE((*m_server->conversation(u"support_demo|1|odd/peer"_s))["server_extension"].get<std::string>(),
             std::string("slash ok"));
}

void TestSandboxServer::requestCountAndSignal()
{
    QCOMPARE(m_server->requestCount(), 0);
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    Signature signature;
    signature.traceId = "count-trace";
    QCOMPARE(get("/im/v2.1/conversations?account_id=alice&limit=5", signature).code(), 200);
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.first().at(0).toByteArray(), QByteArray("GET"));
    QCOMPARE(handled.first().at(1).toByteArray(), QByteArray("/im/v2.1/conversations"));
    QCOMPARE(handled.first().at(2).toInt(), 200);
    QCOMPARE(m_server->lastRequestQuery(), QByteArray("account_id=alice&limit=5"));
    QCOMPARE(m_server->lastRequestHeader("x-CUSTOM-traceid"), QByteArray("count-trace"));
    QCOMPARE(m_server->lastRequestHeader("AppKey"), QByteArray("sandbox-app-key"));
    QCOMPARE(m_server->lastRequestHeader("Absent"), QByteArray());

    Signature withoutCheckSum;
    withoutCheckSum.omit = "CheckSum";
    QCOMPARE(patch(AliceId, patchBody("x"), withoutCheckSum).code(), 414);
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(handled.size(), 2);
    QCOMPARE(handled.last().at(0).toByteArray(), QByteArray("PATCH"));
    QCOMPARE(handled.last().at(2).toInt(), 414);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
