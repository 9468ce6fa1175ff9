#include "SandboxServer.h"
#include "api/ApiClient.h"
#include "session/ConversationSession.h"

#include "support/RawHttpServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QString AliceId = u"support_demo|1|alice"_s;

ConversationId idOf(const QString &text)
{
    const auto id = ConversationId::parse(text);
    if (!id)
        qFatal("bad test id %s", qPrintable(text));
    return *id;
}

QString stringField(const OrderedJson &object, const char *key)
{
    return object.is_object() && object.contains(key) && object[key].is_string()
        ? Json::toQString(object[key].get<std::string>())
        : QString();
}

} // namespace

class TestConversationSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void loadKeepsServerOrderAndValue();
    void failedLoadKeepsPreviousConversation_data();
    void failedLoadKeepsPreviousConversation();
    void busyChangesAroundACall();
    void saveShowsWhatTheServerReturned();
    void secondSaveWhileBusyIsRefused();
    void loadWhileSavingIsRefused();
    void saveWithoutConversationIsRefused();
    void noProfileRefusesLoad();
    void failedSaveKeepsLoadedValue();
    void cancelSlowLoad();
    void cancelSlowSave();
    void partialSaveResponseKeepsOtherFields();
    void loadRefusesAnotherConversation();
    void profileChangeForgetsConversationAndCancels();
    void newSecretKeepsConversation();

private:
    void loadAlice();

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ConversationSession> m_session;
};

void TestConversationSession::initTestCase()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
    QVERIFY(m_sandbox->conversationIds().contains(AliceId));
}

void TestConversationSession::init()
{
    m_sandbox->resetToSeed();
    m_sandbox->setResponseDelayMs(0);
    m_sandbox->setRateLimited(false);
    m_session = std::make_unique<ConversationSession>();
    Profile profile;
    profile.name = u"Sandbox"_s;
    profile.region = Region::Custom;
    profile.baseUrl = m_sandbox->baseUrl();
    profile.appKey = SandboxServer::demoCredentials().appKey;
    m_session->setProfile(profile, SandboxServer::demoCredentials());
}

void TestConversationSession::cleanup()
{
    m_session.reset();
}

void TestConversationSession::loadAlice()
{
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(m_session->load(idOf(AliceId)));
    QVERIFY(loaded.wait());
}

void TestConversationSession::loadKeepsServerOrderAndValue()
{
    QSignalSpy started(m_session.get(), &ConversationSession::loadStarted);
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QVERIFY(m_session->load(idOf(AliceId)));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), AliceId);
    QVERIFY(loaded.wait());
    QCOMPARE(failed.size(), 0);

    const auto result = loaded.first().first().value<ApiResult>();
    QCOMPARE(result.code, 200);
    QVERIFY(!result.traceId.isEmpty());
    QVERIFY(m_session->hasConversation());
    QCOMPARE(m_session->conversationId().toString(), AliceId);
    // Exactly what the server holds, keys in its order.
    const OrderedJson expected = *m_sandbox->conversation(AliceId);
    QCOMPARE(Json::serialize(m_session->conversation()), Json::serialize(expected));
    QCOMPARE(m_session->loadedServerExtension(), stringField(expected, "server_extension"));

    // Parsed once: the session holds the reply's own nodes, data inside the parsed body.
    QVERIFY(!result.body.isNull());
    QVERIFY(result.body.index());
    QCOMPARE(result.data.index().get(), result.body.index().get());
    QCOMPARE(result.data.node(), result.body.index()->member(JsonIndex::Root, "data"));
    QCOMPARE(m_session->sharedConversation().index().get(), result.data.index().get());
    QCOMPARE(&m_session->conversation(), &result.data.get());
}

void TestConversationSession::failedLoadKeepsPreviousConversation_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("rateLimited");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::newRow("unknown conversation") << u"support_demo|1|nobody"_s << false
                                          << int(ErrorKind::Business) << 414;
    QTest::newRow("rate limited") << AliceId << true << int(ErrorKind::Business) << 416;
}

void TestConversationSession::failedLoadKeepsPreviousConversation()
{
    QFETCH(QString, id);
    QFETCH(bool, rateLimited);
    QFETCH(int, kind);
    QFETCH(int, code);

    loadAlice();
    const QByteArray before = Json::serialize(m_session->conversation());

    m_sandbox->setRateLimited(rateLimited);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(m_session->load(idOf(id)));
    QVERIFY(failed.wait());
    QCOMPARE(loaded.size(), 0);
    const auto result = failed.first().at(0).value<ApiResult>();
    QCOMPARE(int(result.error), kind);
    QCOMPARE(result.code, code);
    QCOMPARE(failed.first().at(1).value<ConversationSession::Operation>(),
             ConversationSession::Operation::Load);
    QCOMPARE(m_session->conversationId().toString(), AliceId);
    QCOMPARE(Json::serialize(m_session->conversation()), before);
}

void TestConversationSession::busyChangesAroundACall()
{
    QSignalSpy busy(m_session.get(), &ConversationSession::busyChanged);
    QVERIFY(!m_session->isBusy());
    QVERIFY(m_session->load(idOf(AliceId)));
    QVERIFY(m_session->isBusy());
    QCOMPARE(m_session->operation(), ConversationSession::Operation::Load);
    QCOMPARE(busy.size(), 1);
    QCOMPARE(busy.first().first().toBool(), true);
    QTRY_COMPARE(busy.size(), 2);
    QCOMPARE(busy.last().first().toBool(), false);
    QVERIFY(!m_session->isBusy());
}

void TestConversationSession::saveShowsWhatTheServerReturned()
{
    loadAlice();
    const OrderedJson before = m_session->conversation();
    QSignalSpy started(m_session.get(), &ConversationSession::saveStarted);
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    const QString value = u"{\"note\":\"call back Tuesday\",\"z\":1,\"a\":2}"_s;
    QByteArray patchBody;
    const QObject scope; // the connection ends with this test, before patchBody does
    connect(m_sandbox.get(), &SandboxServer::requestHandled, &scope, [this, &patchBody](const QByteArray &method) {
        if (method == "PATCH")
            patchBody = m_sandbox->lastRequestBody();
    });
    QVERIFY(m_session->save(value, QString()));
    QCOMPARE(started.size(), 1);
    QVERIFY(saved.wait());

    QCOMPARE(patchBody, Json::serialize(OrderedJson{{"server_extension", Json::toStdString(value)}}));
    QCOMPARE(stringField(*m_sandbox->conversation(AliceId), "server_extension"), value);
    QCOMPARE(m_session->loadedServerExtension(), value);
    QVERIFY(!m_session->lastSaveResponseWasPartial());
    // The server's answer is shown: its new update_time included.
    QCOMPARE(Json::serialize(m_session->conversation()), Json::serialize(*m_sandbox->conversation(AliceId)));
    QVERIFY(m_session->conversation()["update_time"] != before["update_time"]
            || before["update_time"].is_null());
}

void TestConversationSession::secondSaveWhileBusyIsRefused()
{
    loadAlice();
    m_sandbox->setResponseDelayMs(300);
    const int requestsBefore = m_sandbox->requestCount();
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    QSignalSpy started(m_session.get(), &ConversationSession::saveStarted);
    QVERIFY(m_session->save(u"first"_s, QString()));
    QVERIFY(!m_session->save(u"second"_s, QString()));
    QVERIFY(!m_session->refusalReason(ConversationSession::Operation::Save).isEmpty());
    QCOMPARE(started.size(), 1);
    QVERIFY(saved.wait());
    // The re-read, the one PATCH and the check after it.
    QCOMPARE(m_sandbox->requestCount(), requestsBefore + 3);
    QCOMPARE(stringField(*m_sandbox->conversation(AliceId), "server_extension"), u"first"_s);
}

void TestConversationSession::loadWhileSavingIsRefused()
{
    loadAlice();
    m_sandbox->setResponseDelayMs(300);
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    QVERIFY(m_session->save(u"x"_s, QString()));
    QVERIFY(!m_session->load(idOf(AliceId)));
    QVERIFY(saved.wait());
    QVERIFY(m_session->load(idOf(AliceId)));
}

void TestConversationSession::saveWithoutConversationIsRefused()
{
    QSignalSpy started(m_session.get(), &ConversationSession::saveStarted);
    QVERIFY(!m_session->save(u"x"_s, QString()));
    QCOMPARE(started.size(), 0);
    QCOMPARE(m_session->refusalReason(ConversationSession::Operation::Save),
             ConversationSession::tr("Load a conversation before saving."));
}

void TestConversationSession::noProfileRefusesLoad()
{
    ConversationSession fresh;
    QVERIFY(!fresh.hasProfile());
    QVERIFY(!fresh.load(idOf(AliceId)));
    QVERIFY(!fresh.isBusy());
}

void TestConversationSession::failedSaveKeepsLoadedValue()
{
    loadAlice();
    const QString loadedValue = m_session->loadedServerExtension();
    const QByteArray loadedJson = Json::serialize(m_session->conversation());
    m_sandbox->setRateLimited(true);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    QVERIFY(m_session->save(u"edited"_s, QString()));
    QVERIFY(failed.wait());
    QCOMPARE(saved.size(), 0);
    const auto result = failed.first().at(0).value<ApiResult>();
    QCOMPARE(result.code, 416);
    QCOMPARE(failed.first().at(1).value<ConversationSession::Operation>(),
             ConversationSession::Operation::Save);
    QCOMPARE(m_session->loadedServerExtension(), loadedValue);
    QCOMPARE(Json::serialize(m_session->conversation()), loadedJson);
    QVERIFY(!m_session->isBusy());
}

void TestConversationSession::cancelSlowLoad()
{
    m_sandbox->setResponseDelayMs(3000);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QSignalSpy loaded(m_session.get(), &ConversationSession::loaded);
    QVERIFY(m_session->load(idOf(AliceId)));
    m_session->cancel();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ApiResult>().error, ErrorKind::Cancelled);
    QVERIFY(!m_session->isBusy());
    QVERIFY(!m_session->hasConversation());
    QCOMPARE(loaded.size(), 0);
}

void TestConversationSession::cancelSlowSave()
{
    loadAlice();
    m_sandbox->setResponseDelayMs(3000);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QVERIFY(m_session->save(u"never mind"_s, QString()));
    QSignalSpy busy(m_session.get(), &ConversationSession::busyChanged);
    m_session->cancel();
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ApiResult>().error, ErrorKind::Cancelled);
    QCOMPARE(busy.size(), 1);
    QVERIFY(m_session->save(u"again"_s, QString())); // free for the next call
}

void TestConversationSession::partialSaveResponseKeepsOtherFields()
{
    loadAlice();
    // Only the fields the current SDKs model, as a real server may answer.
    const QByteArray body = R"({"code":200,"msg":"success","data":{"conversation_id":"support_demo|1|alice",)"
                            R"("sender_id":"support_demo","receiver_id":"alice","type":1,)"
                            R"("server_extension":"sent","update_time":1700000000123}})";
    RawHttpServer partial("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_session->client()->setEndpoint(ApiEndpoint::custom(
        QUrl(u"http://127.0.0.1:%1"_s.arg(partial.serverPort()))));

    const OrderedJson before = m_session->conversation();
    QSignalSpy saved(m_session.get(), &ConversationSession::saved);
    // This server answers the re-read, the write and the check after it with the same partial
    // body; its value differs from the one loaded, so overwrite() (which writes regardless).
    QVERIFY(m_session->overwrite(u"sent"_s, QString()));
    QVERIFY(saved.wait());
    QVERIFY(m_session->lastSaveResponseWasPartial());
    const OrderedJson &after = m_session->conversation();
    QCOMPARE(m_session->loadedServerExtension(), u"sent"_s);
    QCOMPARE(after["update_time"].get<qint64>(), Q_INT64_C(1700000000123));
    QCOMPARE(Json::serialize(after["last_message"]), Json::serialize(before["last_message"]));
    // The server's order is kept: no field moved.
    QStringList keysBefore, keysAfter;
    for (const auto &item : before.items())
        keysBefore << Json::toQString(item.key());
    for (const auto &item : after.items())
        keysAfter << Json::toQString(item.key());
    QCOMPARE(keysAfter, keysBefore);
}

void TestConversationSession::loadRefusesAnotherConversation()
{
    loadAlice();
    const QByteArray before = Json::serialize(m_session->conversation());
    // A proxy or a broken server answering with someone else's conversation.
    const QByteArray body = R"({"code":200,"msg":"success","data":{"conversation_id":"support_demo|1|bob_88",)"
                            R"("server_extension":"not alice's"}})";
    RawHttpServer liar("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                       + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_session->client()->setEndpoint(ApiEndpoint::custom(QUrl(u"http://127.0.0.1:%1"_s.arg(liar.serverPort()))));
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QVERIFY(m_session->load(idOf(AliceId)));
    QVERIFY(failed.wait());
    const auto result = failed.first().at(0).value<ApiResult>();
    QCOMPARE(result.error, ErrorKind::MalformedResponse);
    QVERIFY2(result.detail.contains(u"another conversation (support_demo|1|bob_88)"_s), qPrintable(result.detail));
    QCOMPARE(Json::serialize(m_session->conversation()), before);
}

void TestConversationSession::profileChangeForgetsConversationAndCancels()
{
    loadAlice();
    m_sandbox->setResponseDelayMs(3000);
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QSignalSpy changed(m_session.get(), &ConversationSession::conversationChanged);
    QVERIFY(m_session->load(idOf(AliceId)));

    Profile other = m_session->profile();
    other.name = u"Other"_s;
    m_session->setProfile(other, {u"other-key"_s, u"other-secret"_s});
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ApiResult>().error, ErrorKind::Cancelled);
    QVERIFY(!m_session->isBusy());
    QVERIFY(!m_session->hasConversation());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_session->client()->appKey(), u"other-key"_s);
}

void TestConversationSession::newSecretKeepsConversation()
{
    loadAlice();
    QSignalSpy changed(m_session.get(), &ConversationSession::conversationChanged);
    m_session->setCredentials({SandboxServer::demoCredentials().appKey, u"wrong-secret"_s});
    QCOMPARE(changed.size(), 0);
    QVERIFY(m_session->hasConversation());
    // The new secret is the one used: the server refuses it.
    QSignalSpy failed(m_session.get(), &ConversationSession::failed);
    QVERIFY(m_session->save(u"x"_s, QString()));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).value<ApiResult>().code, 414);
    QCOMPARE(m_session->conversationId().toString(), AliceId);
}

QTEST_GUILESS_MAIN(TestConversationSession)
#include "tst_conversationsession.moc"
