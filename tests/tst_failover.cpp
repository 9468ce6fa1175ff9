#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ErrorText.h"
#include "support/ScriptedHttpServer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QByteArray Conversation =
    R"({"code":200,"msg":"success","data":{"conversation_id":"acc1|1|acc2","server_extension":"{}"}})";

// A loopback port whose accept queue is full, so a new connection hangs in SYN-SENT: a
// connect timeout without leaving the machine (a non-routable address such as 10.255.255.1
// is answered here by the sandbox's network, so it cannot be used).
class FullBacklogPort
{
public:
    FullBacklogPort()
    {
#ifdef Q_OS_LINUX
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), size) != 0 || ::listen(m_listener, 0) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &size) != 0)
            return;
        m_port = ntohs(address.sin_port);
        m_filler = ::socket(AF_INET, SOCK_STREAM, 0);
        if (::connect(m_filler, reinterpret_cast<sockaddr *>(&address), size) != 0)
            m_port = 0;
#endif
    }
    ~FullBacklogPort()
    {
#ifdef Q_OS_LINUX
        for (int descriptor : {m_filler, m_listener})
            if (descriptor >= 0)
                ::close(descriptor);
#endif
    }
    Q_DISABLE_COPY_MOVE(FullBacklogPort)

    quint16 port() const { return m_port; }

private:
    int m_listener = -1;
    int m_filler = -1;
    quint16 m_port = 0;
};

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort(); // nobody listens once it is gone
}

} // namespace

// Timeouts and the single retry on the backup host, like the vendor SDKs, and no attempt Qt
// sends by itself: every attempt is signed afresh, announced, and keeps the trace id.
class TestFailover : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void refusedMainUsesBackup();
    void silentMainUsesBackupAfterIdleTimeout_data();
    void silentMainUsesBackupAfterIdleTimeout();
    void silentMainAloneTimesOut();
    void steadySlowAnswerIsNotCutOff();
    void wholeCallCapEndsInTimeout();
    void connectTimeoutUsesBackup();
    void badGatewayUsesBackup();
    void writeIsNeverResentByQt();
    void writeResetWithBackupIsOneDeliberateRetry();
    void readMayBeResentByQt();

private:
    ApiCall *send(bool write);
    ApiResult finish(ApiCall *call);
    void useHosts(const QUrl &primary, const QUrl &backup = {});

    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<QSignalSpy> m_sent;
};

void TestFailover::init()
{
    m_client = std::make_unique<ApiClient>();
    m_client->setCredentials(SandboxServer::demoCredentials());
    m_client->setConnectTimeoutMs(300);
    m_client->setIdleTimeoutMs(300);
    m_client->setCallTimeoutMs(20000);
    m_sent = std::make_unique<QSignalSpy>(m_client.get(), &ApiClient::requestSent);
}

void TestFailover::cleanup()
{
    m_sent.reset();
    m_client.reset();
}

void TestFailover::useHosts(const QUrl &primary, const QUrl &backup)
{
    m_client->setEndpoint(ApiEndpoint::custom(primary, backup));
}

ApiCall *TestFailover::send(bool write)
{
    const ConversationId id(u"acc1"_s, ConversationType::OneToOne, u"acc2"_s);
    return write ? m_client->updateServerExtension(id, u"{\"vip\":true}"_s) : m_client->getConversation(id);
}

ApiResult TestFailover::finish(ApiCall *call)
{
    QSignalSpy finished(call, &ApiCall::finished);
    if (!finished.wait(25000))
        return {};
    return finished.first().first().value<ApiResult>();
}

void TestFailover::refusedMainUsesBackup()
{
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort())), backup.url());
    const ApiResult result = finish(send(false));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 2);
    QVERIFY(result.usedBackup);
    QCOMPARE(backup.requests().size(), 1);
}

void TestFailover::silentMainUsesBackupAfterIdleTimeout_data()
{
    QTest::addColumn<bool>("write");
    QTest::newRow("GET") << false;
    // It may have been applied; the backup gets it with the same trace id, which the server
    // de-duplicates (431 then, which ErrorText explains).
    QTest::newRow("PATCH") << true;
}

void TestFailover::silentMainUsesBackupAfterIdleTimeout()
{
    QFETCH(bool, write);
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::Silent);
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(main.url(), backup.url());
    const ApiResult result = finish(send(write));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 2);
    QVERIFY(result.usedBackup);
    QCOMPARE(main.requests().size(), 1);
    QCOMPARE(backup.requests().size(), 1);

    const QByteArray first = main.requests().first();
    const QByteArray second = backup.requests().first();
    QCOMPARE(ScriptedHttpServer::header(second, "X-custom-traceid"), ScriptedHttpServer::header(first, "X-custom-traceid"));
    QCOMPARE(ScriptedHttpServer::header(first, "X-custom-traceid"), result.traceId.toUtf8());
    QVERIFY(ScriptedHttpServer::header(first, "CheckSum") != ScriptedHttpServer::header(second, "CheckSum"));
    QVERIFY(ScriptedHttpServer::header(first, "Nonce") != ScriptedHttpServer::header(second, "Nonce"));
    QCOMPARE(m_sent->size(), 2); // both attempts announced
}

void TestFailover::silentMainAloneTimesOut()
{
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::Silent);
    useHosts(main.url());
    const ApiResult result = finish(send(true));
    QCOMPARE(result.error, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 1);
    // Connected and sent (QNetworkReply::requestSent), so the idle timeout, not the connect one.
    QVERIFY2(result.detail.contains(u"127.0.0.1 sent nothing for 0.3 seconds"_s), qPrintable(result.detail));
    QCOMPARE(main.countRequests("PATCH"), 1);
}

void TestFailover::steadySlowAnswerIsNotCutOff()
{
    // Sixteen pieces, 100 ms apart: well past the 300 ms idle limit in all, never idle for it.
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::SlowBody, Conversation);
    main.setPieces(int(Conversation.size() / 16) + 1, 100);
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(main.url(), backup.url());
    QElapsedTimer clock;
    clock.start();
    const ApiResult result = finish(send(false));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 1);
    QCOMPARE(backup.requests().size(), 0);
    if (clock.elapsed() <= m_client->idleTimeoutMs())
        QSKIP("the pieces came faster than planned; nothing was tested");
}

void TestFailover::wholeCallCapEndsInTimeout()
{
    // Steady but endless for the cap: a piece every 100 ms, 2 bytes each.
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::SlowBody, Conversation);
    main.setPieces(2, 100);
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(main.url(), backup.url());
    m_client->setCallTimeoutMs(800);
    const ApiResult result = finish(send(false));
    QCOMPARE(result.error, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 1); // the cap is final: no retry
    QCOMPARE(backup.requests().size(), 0);
    QVERIFY2(result.detail.contains(u"No complete answer within 0.8 seconds"_s), qPrintable(result.detail));
}

void TestFailover::connectTimeoutUsesBackup()
{
    FullBacklogPort hanging;
    if (hanging.port() == 0)
        QSKIP("no loopback port with a full accept queue on this system");
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    const QUrl primary(u"http://127.0.0.1:%1"_s.arg(hanging.port()));

    useHosts(primary);
    const ApiResult alone = finish(send(false));
    QCOMPARE(alone.error, ErrorKind::Timeout);
    QVERIFY2(alone.detail.contains(u"No connection to 127.0.0.1 within 0.3 seconds"_s), qPrintable(alone.detail));

    useHosts(primary, backup.url());
    const ApiResult result = finish(send(false));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(backup.requests().size(), 1);
}

void TestFailover::badGatewayUsesBackup()
{
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::Answer, "<html>bad gateway</html>");
    main.setStatusLine("HTTP/1.1 502 Bad Gateway");
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(main.url(), backup.url());
    const ApiResult result = finish(send(true));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(main.countRequests("PATCH"), 1);
    QCOMPARE(backup.countRequests("PATCH"), 1);
}

void TestFailover::writeIsNeverResentByQt()
{
    // The server reads the whole signed PATCH, then resets the connection: it may have
    // applied it. Qt would send the same bytes again on a new connection (up to three times,
    // QHttpNetworkConnectionChannel::_q_error); OneShotUploadDevice must stop that.
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::ResetAfterRead);
    useHosts(main.url());
    const ApiResult result = finish(send(true));
    QCOMPARE(result.error, ErrorKind::NetworkDown);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(m_sent->size(), 1);
    QTest::qWait(300); // room for a resend that should not come
    QCOMPARE(main.countRequests("PATCH"), 1);
    QCOMPARE(main.requests().size(), 1);
    QVERIFY2(result.detail.contains(u"closed the connection after the request was sent"_s), qPrintable(result.detail));
    QVERIFY(ErrorText::describe(result).contains(u"Reload the conversation"_s));
    QVERIFY(main.requests().first().endsWith("{\"server_extension\":\"{\\\"vip\\\":true}\"}"));
}

void TestFailover::writeResetWithBackupIsOneDeliberateRetry()
{
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::ResetAfterRead);
    ScriptedHttpServer backup(ScriptedHttpServer::Behaviour::Answer, Conversation);
    useHosts(main.url(), backup.url());
    const ApiResult result = finish(send(true));
    QVERIFY2(result.ok(), qPrintable(result.detail));
    QCOMPARE(result.attempts, 2);
    QCOMPARE(main.countRequests("PATCH"), 1);
    QCOMPARE(backup.countRequests("PATCH"), 1);
    QCOMPARE(m_sent->size(), 2);
    QVERIFY(ScriptedHttpServer::header(main.requests().first(), "CheckSum")
            != ScriptedHttpServer::header(backup.requests().first(), "CheckSum"));
}

void TestFailover::readMayBeResentByQt()
{
    // A GET is idempotent and its body-less request resettable, so Qt's own reconnect may send
    // it again after the reset (harmless): still one attempt of ours, one requestSent.
    ScriptedHttpServer main(ScriptedHttpServer::Behaviour::ResetAfterRead);
    useHosts(main.url());
    const ApiResult result = finish(send(false));
    QCOMPARE(result.error, ErrorKind::NetworkDown);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(m_sent->size(), 1);
    QVERIFY(main.countRequests("GET") >= 1);
    qInfo("the reset GET reached the server %d time(s)", int(main.countRequests("GET")));
}

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
