#include "support/SignedSandboxClient.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The simulator's seeded conversations over real HTTP: the seed, listing and paging, PATCH
// and its parameters, a second writer, and the reset to the seed.
class TestSandboxData : public QObject, private SignedSandboxClient
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void seedIsVariedAndStable();
    void pagingWithLimitTwo();
    void listParameters_data();
    void listParameters();
    void patchRoundTrip();
    void patchParameters_data();
    void patchParameters();
    void secondWriter();
    void resetToSeedRestoresData();
};

void TestSandboxData::init()
{
    startSandbox();
}

void TestSandboxData::cleanup()
{
    stopSandbox();
}

void TestSandboxData::seedIsVariedAndStable()
{
    const QStringList ids = m_server->conversationIds();
    QVERIFY(ids.size() >= 6 && ids.size() <= 10);
    QCOMPARE(ids.first(), u"support_demo|1|alice"_s);
    QCOMPARE(m_server->conversationIds(), ids);
    QVERIFY(idsOf(u"support_demo"_s).size() >= 5);
    QVERIFY(!idsOf(u"alice"_s).isEmpty());

    QSet<int> types;
    bool nestedShape = false, flatShape = false, jsonExtension = false, textExtension = false,
         emptyExtension = false, teamOption = false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &id : ids) {
        const OrderedJson conversation = *m_server->conversation(id);
        QCOMPARE(Json::toQString(conversation["conversation_id"].get<std::string>()), id);
        types.insert(conversation["type"].get<int>());
        nestedShape |= conversation["last_message"].contains("message");
        flatShape |= conversation["last_message"].contains("message_server_id");
        if (conversation["last_message"].contains("team_option")) {
            // Spelled as on the vendor's update page and in its Java SDK.
            QVERIFY(conversation["last_message"]["team_option"].contains("mark_as_read"));
            teamOption = true;
        }
        const std::string extension = conversation["server_extension"].get<std::string>();
        const auto parsed = Json::parse(QByteArrayView(extension.data(), qsizetype(extension.size())));
        jsonExtension |= parsed && parsed->is_object();
        textExtension |= !extension.empty() && !parsed;
        emptyExtension |= extension.empty();
        const qint64 updated = conversation["update_time"].get<qint64>();
        QVERIFY(updated <= now && updated > now - 7 * 24 * 3600 * 1000LL);
        QVERIFY(conversation["create_time"].get<qint64>() < updated);
    }
    QCOMPARE(types, QSet<int>({1, 2, 3}));
    QVERIFY(nestedShape && flatShape);
    QVERIFY(jsonExtension && textExtension && emptyExtension && teamOption);
}

void TestSandboxData::pagingWithLimitTwo()
{
    QStringList seen;
    QList<qint64> times;
    QByteArray token;
    bool hasMore = true;
    int pages = 0;
    while (hasMore) {
        QVERIFY2(++pages <= 10, "paging does not end");
        QUrlQuery query;
        query.addQueryItem(u"account_id"_s, u"support_demo"_s);
        if (!token.isEmpty())
            query.addQueryItem(u"page_token"_s, QString::fromUtf8(token));
        query.addQueryItem(u"limit"_s, u"2"_s);
        const Reply reply = get("/im/v2.1/conversations?" + query.toString(QUrl::FullyEncoded).toUtf8());
        QCOMPARE(reply.code(), 200);
        const OrderedJson data = reply.data();
        QCOMPARE(keysOf(data), QStringList({u"has_more"_s, u"next_token"_s, u"items"_s}));
        hasMore = data["has_more"].get<bool>();
        token = QByteArray::fromStdString(data["next_token"].get<std::string>());
        QCOMPARE(token.isEmpty(), !hasMore);
        QVERIFY(data["items"].size() <= 2);
        if (hasMore)
            QCOMPARE(data["items"].size(), size_t(2));
        for (const OrderedJson &item : data["items"]) {
            seen.append(Json::toQString(item["conversation_id"].get<std::string>()));
            times.append(item["update_time"].get<qint64>());
        }
    }
    QCOMPARE(pages, 3);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size()); // no duplicates
    QStringList expected = idsOf(u"support_demo"_s);
    QStringList sortedSeen = seen;
    expected.sort();
    sortedSeen.sort();
    QCOMPARE(sortedSeen, expected);
    QVERIFY(std::is_sorted(times.begin(), times.end(), std::greater<qint64>()));
}

void TestSandboxData::listParameters_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msg");
    QTest::addColumn<int>("items");

    QTest::newRow("default limit") << QByteArray("account_id=support_demo") << 200 << u"success"_s << 6;
    QTest::newRow("account id case") << QByteArray("account_id=Support_Demo&limit=100") << 200 << u"success"_s
                                     << 6;
    QTest::newRow("other account") << QByteArray("account_id=alice&limit=1") << 200 << u"success"_s << 1;
    QTest::newRow("unknown account") << QByteArray("account_id=nobody") << 200 << u"success"_s << 0;
    QTest::newRow("no account") << QByteArray("limit=2") << 414 << u"invalid parameter: account_id is required"_s
                                << -1;
    QTest::newRow("limit 0") << QByteArray("account_id=alice&limit=0") << 414
                             << u"invalid parameter: limit must be 1 to 100"_s << -1;
    QTest::newRow("limit 101") << QByteArray("account_id=alice&limit=101") << 414
                               << u"invalid parameter: limit must be 1 to 100"_s << -1;
    QTest::newRow("limit text") << QByteArray("account_id=alice&limit=ten") << 414
                                << u"invalid parameter: limit must be 1 to 100"_s << -1;
    QTest::newRow("foreign token") << QByteArray("account_id=alice&page_token=abc%21") << 414
                                   << u"invalid parameter: page_token is not a token this server issued"_s << -1;
}

void TestSandboxData::listParameters()
{
    QFETCH(QByteArray, query);
    QFETCH(int, code);
    QFETCH(QString, msg);
    QFETCH(int, items);

    const Reply reply = get("/im/v2.1/conversations?" + query);
    QCOMPARE(reply.code(), code);
    QCOMPARE(reply.msg(), msg);
    if (items >= 0)
        QCOMPARE(int(reply.data()["items"].size()), items);
}

void TestSandboxData::patchRoundTrip()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    const std::string value = R"({"ticket":"T-20240612-0100","note":"回访完成"})";
    const Reply updated = patch(AliceId, patchBody(value));
    QCOMPARE(updated.code(), 200);
    const OrderedJson data = updated.data();
    QCOMPARE(data["server_extension"].get<std::string>(), value);
    QVERIFY(data["update_time"].get<qint64>() >= before);
    QVERIFY(data.contains("last_message")); // the full object, not just the changed field
    QCOMPARE(keysOf(data), keysOf(*m_server->conversation(u"support_demo|1|alice"_s)));

    const Reply fetched = get("/im/v2.1/conversations/" + AliceId);
    QCOMPARE(fetched.data()["server_extension"].get<std::string>(), value);
    QCOMPARE(fetched.data()["update_time"].get<qint64>(), data["update_time"].get<qint64>());
    QCOMPARE((*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"].get<std::string>(), value);
    QCOMPARE(m_server->lastRequestBody(), QByteArray());
}

void TestSandboxData::patchParameters_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("msgStart");

    const QByteArray alice = "/im/v2/conversations/" + AliceId;
    const QString tooLong = u"server_extension too long: at most 1024 characters"_s;
    QTest::newRow("1024 characters") << alice << patchBody(std::string(1024, 'x')) << 200 << 200 << u"success"_s;
    QTest::newRow("1025 characters") << alice << patchBody(std::string(1025, 'x')) << 200 << 405 << tooLong;
    // Characters, not bytes: 1024 two-byte characters still fit.
    QTest::newRow("1024 non-ASCII") << alice << patchBody(Json::toStdString(QString(1024, u'é'))) << 200 << 200
                                    << u"success"_s;
    QTest::newRow("1025 non-ASCII") << alice << patchBody(Json::toStdString(QString(1025, u'é'))) << 200 << 405
                                    << tooLong;
    QTest::newRow("empty value") << alice << patchBody("") << 200 << 200 << u"success"_s;
    QTest::newRow("not JSON") << alice << QByteArray("{server_extension: x") << 200 << 414
                              << u"invalid parameter: body is not valid JSON"_s;
    QTest::newRow("not an object") << alice << QByteArray("[\"x\"]") << 200 << 414
                                   << u"invalid parameter: body must be a JSON object"_s;
    QTest::newRow("field missing") << alice << QByteArray("{\"serverExtension\":\"x\"}") << 200 << 414
                                   << u"invalid parameter: server_extension is required"_s;
    QTest::newRow("field not a string") << alice << QByteArray("{\"server_extension\":{\"a\":1}}") << 200 << 414
                                        << u"invalid parameter: server_extension must be a string"_s;
    QTest::newRow("unknown conversation") << QByteArray("/im/v2/conversations/support_demo%7C1%7Cnobody")
                                          << patchBody("x") << 200 << 414 << u"conversation not exist"_s;
    QTest::newRow("update is v2 only") << QByteArray("/im/v2.1/conversations/" + AliceId) << patchBody("x") << 405
                                       << 405 << QString();
}

void TestSandboxData::patchParameters()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    QFETCH(QString, msgStart);

    const std::string before = (*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"];
    const Reply reply = send("PATCH", path, body);
    QCOMPARE(reply.httpStatus, httpStatus);
    if (httpStatus != 200)
        return;
    QCOMPARE(reply.code(), code);
    QVERIFY2(reply.msg().startsWith(msgStart), qPrintable(reply.msg()));
    QCOMPARE(m_server->lastRequestBody(), body);
    const std::string after = (*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"];
    if (code != 200)
        QCOMPARE(after, before); // a refused update changes nothing
}

void TestSandboxData::secondWriter()
{
    const QString id = u"support_demo|2|6146078138"_s;
    const qint64 before = (*m_server->conversation(id))["update_time"].get<qint64>();
    QVERIFY(m_server->setServerExtension(id, u"changed by a colleague"_s));
    const Reply reply = get("/im/v2.1/conversations/support_demo%7C2%7C6146078138");
    QCOMPARE(reply.data()["server_extension"].get<std::string>(), std::string("changed by a colleague"));
    QVERIFY(reply.data()["update_time"].get<qint64>() > before);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no conversation nobody\\|1\\|x"_s));
    QVERIFY(!m_server->setServerExtension(u"nobody|1|x"_s, u"x"_s));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"too long"_s));
    QVERIFY(!m_server->setServerExtension(id, QString(1025, u'x')));
    QCOMPARE((*m_server->conversation(id))["server_extension"].get<std::string>(),
             std::string("changed by a colleague"));
}

void TestSandboxData::resetToSeedRestoresData()
{
    const std::string seeded = (*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"];
    Signature signature;
    signature.traceId = "reset-trace";
    QCOMPARE(patch(AliceId, patchBody("edited"), signature).code(), 200);
    OrderedJson extra = OrderedJson::object();
    extra["conversation_id"] = "support_demo|1|extra";
    m_server->putConversation(extra);

    const QStringList idsBefore = m_server->conversationIds();
    m_server->resetToSeed();
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(!m_server->conversation(u"support_demo|1|extra"_s));
    QCOMPARE(m_server->conversationIds(), idsBefore.mid(0, idsBefore.size() - 1));
    QCOMPARE((*m_server->conversation(u"support_demo|1|alice"_s))["server_extension"].get<std::string>(), seeded);
    // Trace ids are forgotten too.
    QCOMPARE(patch(AliceId, patchBody("other"), signature).code(), 200);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no string \"conversation_id\""_s));
    m_server->putConversation(OrderedJson::array());
}

QTEST_GUILESS_MAIN(TestSandboxData)
#include "tst_sandboxdata.moc"
