#include "SandboxServer.h"
#include "api/RequestSigner.h"
#include "json/JsonDocument.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// How a test request is signed; every field left alone gives a valid signature.
struct Signature
{
    QByteArray appKey = "sandbox-app-key";
    QString appSecret = u"sandbox-app-secret"_s;
    QByteArray nonce;          // null: a fresh one
    QByteArray curTime;        // null: the local clock plus curTimeDelta
    qint64 curTimeDelta = 0;
    QByteArray omit;           // a header to leave out
    bool corruptCheckSum = false;
    QByteArray traceId;        // null: a fresh one
};

struct Reply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int httpStatus = 0;
    QByteArray contentType;
    QByteArray body;
    std::optional<OrderedJson> json;

    int code() const { return json && json->contains("code") ? (*json)["code"].get<int>() : -1; }
    QString msg() const
    {
        return json && json->contains("msg") ? Json::toQString((*json)["msg"].get<std::string>())
                                             : QString();
    }
    OrderedJson data() const { return json ? json->value("data", OrderedJson()) : OrderedJson(); }
};

// The order the API notes document for a conversation object.
const QStringList DocumentedOrder = {
    u"conversation_id"_s, u"sender_id"_s, u"receiver_id"_s, u"type"_s, u"stick_top"_s,
    u"group_ids"_s, u"server_extension"_s, u"message_state"_s, u"last_message"_s,
    u"revoke_notification"_s, u"unread_count"_s, u"sort_order"_s, u"create_time"_s,
    u"update_time"_s, u"last_read_time"_s,
};

const QByteArray AliceId = "support_demo%7C1%7Calice";

QStringList keysOf(const OrderedJson &object)
{
    QStringList keys;
    for (const auto &item : object.items())
        keys.append(Json::toQString(item.key()));
    return keys;
}

QByteArray patchBody(const std::string &serverExtension)
{
    OrderedJson body = OrderedJson::object();
    body["server_extension"] = serverExtension;
    return Json::serialize(body);
}

} // namespace

// The simulator over real HTTP on 127.0.0.1, signed with RequestSigner directly.
class TestSandboxServer : public QObject
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
    void seedIsVariedAndStable();
    void pagingWithLimitTwo();
    void listParameters_data();
    void listParameters();
    void patchRoundTrip();
    void patchParameters_data();
    void patchParameters();
    void traceIdReuse();
    void pathSegmentsAreDecodedSeparately_data();
    void pathSegmentsAreDecodedSeparately();
    void encodedSlashStaysInOneSegment();
    void delaySwitch();
    void delayedAnswerAfterClientGaveUp();
    void failNextSwitch();
    void failNextRejectsUnwritableStatus();
    void malformedSwitch();
    void rateLimitSwitch();
    void clockOffsetSwitch();
    void requestCountAndSignal();
    void secondWriter();
    void resetToSeedRestoresData();

private:
    Reply send(const QByteArray &method, const QByteArray &pathAndQuery,
               const QByteArray &body = {}, const Signature &signature = {},
               int transferTimeoutMs = 0);
    Reply get(const QByteArray &pathAndQuery, const Signature &signature = {})
    {
        return send("GET", pathAndQuery, {}, signature);
    }
    Reply patch(const QByteArray &encodedId, const QByteArray &body, const Signature &signature = {})
    {
        return send("PATCH", "/im/v2/conversations/" + encodedId, body, signature);
    }
    QStringList idsOf(const QString &accountId) const;

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestSandboxServer::init()
{
    m_server = std::make_unique<SandboxServer>();
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSandboxServer::cleanup()
{
    m_network.reset();
    m_server.reset();
}

Reply TestSandboxServer::send(const QByteArray &method, const QByteArray &pathAndQuery,
                              const QByteArray &body, const Signature &signature,
                              int transferTimeoutMs)
{
    QNetworkRequest request(QUrl::fromEncoded(m_server->baseUrl().toEncoded() + pathAndQuery,
                                              QUrl::StrictMode));
    const QByteArray nonce = signature.nonce.isNull() ? RequestSigner::generateNonce()
                                                      : signature.nonce;
    const QByteArray curTime = signature.curTime.isNull()
        ? QByteArray::number(QDateTime::currentSecsSinceEpoch() + signature.curTimeDelta)
        : signature.curTime;
    QByteArray checkSum = RequestSigner::checkSum(signature.appSecret, nonce, curTime);
    if (signature.corruptCheckSum)
        checkSum[0] = checkSum[0] == '0' ? '1' : '0';
    const QList<QPair<QByteArray, QByteArray>> headers = {
        {"AppKey", signature.appKey},
        {"Nonce", nonce},
        {"CurTime", curTime},
        {"CheckSum", checkSum},
        {"X-custom-traceid", signature.traceId.isNull() ? RequestSigner::generateTraceId().toUtf8()
                                                        : signature.traceId},
    };
    for (const auto &[name, value] : headers) {
        if (name != signature.omit)
            request.setRawHeader(name, value);
    }
    if (!body.isEmpty())
        request.setRawHeader("Content-Type", "application/json;charset=utf-8");
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);

    std::unique_ptr<QNetworkReply> reply(
        method == "GET" ? m_network->get(request)
                        : m_network->sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!finished.wait(20000))
        return {QNetworkReply::TimeoutError, 0, {}, {}, std::nullopt};

    Reply result;
    result.error = reply->error();
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.contentType = reply->rawHeader("Content-Type");
    if (reply->isOpen()) // an aborted reply is closed
        result.body = reply->readAll();
    result.json = Json::parse(result.body);
    return result;
}

QStringList TestSandboxServer::idsOf(const QString &accountId) const
{
    QStringList ids;
    for (const QString &id : m_server->conversationIds()) {
        if (Json::toQString((*m_server->conversation(id))["sender_id"].get<std::string>()) == accountId)
            ids.append(id);
    }
    return ids;
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

void TestSandboxServer::seedIsVariedAndStable()
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

void TestSandboxServer::pagingWithLimitTwo()
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

void TestSandboxServer::listParameters_data()
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

void TestSandboxServer::listParameters()
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

void TestSandboxServer::patchRoundTrip()
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

void TestSandboxServer::patchParameters_data()
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

void TestSandboxServer::patchParameters()
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

void TestSandboxServer::delaySwitch()
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

void TestSandboxServer::delayedAnswerAfterClientGaveUp()
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

void TestSandboxServer::failNextSwitch()
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

void TestSandboxServer::failNextRejectsUnwritableStatus()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"setFailNextWithHttpStatus: 200 "_s));
    m_server->setFailNextWithHttpStatus(200);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"setFailNextWithHttpStatus: 418 "_s));
    m_server->setFailNextWithHttpStatus(418);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxServer::malformedSwitch()
{
    m_server->setMalformedNext(1);
    const Reply malformed = get("/im/v2.1/conversations/" + AliceId);
    QCOMPARE(malformed.httpStatus, 200);
    QVERIFY(!malformed.body.isEmpty());
    QVERIFY(!malformed.json);
    QCOMPARE(get("/im/v2.1/conversations/" + AliceId).code(), 200);
}

void TestSandboxServer::rateLimitSwitch()
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

void TestSandboxServer::clockOffsetSwitch()
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

void TestSandboxServer::secondWriter()
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

void TestSandboxServer::resetToSeedRestoresData()
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

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
