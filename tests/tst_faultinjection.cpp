#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ErrorText.h"
#include "support/RawHttpServer.h"
#include "support/StreamingHttpServer.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(convdesk::ErrorKind)
Q_DECLARE_METATYPE(StreamingHttpServer::Framing)

// Hostile and broken servers the sandbox cannot imitate, beyond tst_apiclient's timeout,
// reset, single redirect, 502 retry and clock skew: slow drips, huge bodies, bodies that
// are not what they claim to be, redirects of every kind.
class TestFaultInjection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void trickledResponseTimesOut();
    void hugeBodyIsAbortedEarly_data();
    void hugeBodyIsAbortedEarly();
    void bodyIsJudgedByContent_data();
    void bodyIsJudgedByContent();
    void redirectsAreNeverFollowed_data();
    void redirectsAreNeverFollowed();
    void brokenConnections_data();
    void brokenConnections();

private:
    ApiResult call(const QUrl &base, bool patch = false);
    static QByteArray response(const QByteArray &status, const QByteArray &contentType,
                               const QByteArray &body);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    ConversationId m_id;
};

void TestFaultInjection::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_client = std::make_unique<ApiClient>();
    m_client->setCredentials(SandboxServer::demoCredentials());
    m_id = ConversationId(u"acc1"_s, ConversationType::OneToOne, u"acc2"_s);
}

void TestFaultInjection::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

ApiResult TestFaultInjection::call(const QUrl &base, bool patch)
{
    m_client->setEndpoint(ApiEndpoint::custom(base));
    ApiCall *pending = patch ? m_client->updateServerExtension(m_id, u"{\"vip\":true}"_s)
                             : m_client->getConversation(m_id);
    QSignalSpy spy(pending, &ApiCall::finished);
    if (!spy.wait(30000))
        return {};
    return spy.first().first().value<ApiResult>();
}

QByteArray TestFaultInjection::response(const QByteArray &status, const QByteArray &contentType,
                                        const QByteArray &body)
{
    QByteArray head = "HTTP/1.1 " + status + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    return head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

static QUrl urlOf(const QTcpServer &server)
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort()));
}

void TestFaultInjection::trickledResponseTimesOut()
{
    // A whole, valid answer, one byte every 50 ms: the idle timeout never fires, but the cap on
    // the whole call does, so a server that keeps dripping cannot hold a call forever.
    const QByteArray body = R"({"code":200,"msg":"success","data":{"conversation_id":"acc1|1|acc2"}})";
    RawHttpServer trickle(response("200 OK", "application/json", body), RawHttpServer::Mode::Trickle);
    m_client->setCallTimeoutMs(700);
    const ApiResult result = call(urlOf(trickle));
    QCOMPARE(result.error, ErrorKind::Timeout);
    QCOMPARE(result.attempts, 1);
    QCOMPARE(trickle.connectionCount(), 1);
    QVERIFY(trickle.lastRequest().startsWith("GET /im/v2.1/conversations/acc1%7C1%7Cacc2 "));
    QVERIFY(ErrorText::describe(result).contains(u"did not answer in time"_s));
}

void TestFaultInjection::hugeBodyIsAbortedEarly_data()
{
    QTest::addColumn<StreamingHttpServer::Framing>("framing");
    QTest::addColumn<qint64>("offered");
    QTest::addColumn<qint64>("mostSent"); // what the client may let through before it aborts

    constexpr qint64 MB = 1024 * 1024;
    // Announced: refused on the headers, before the body is read at all. The bound leaves
    // room for socket buffers, not for the body.
    QTest::newRow("20 MB with Content-Length") << StreamingHttpServer::Framing::ContentLength
                                               << 20 * MB << ApiClient::DefaultMaxResponseBytes;
    // Unannounced: counted while it arrives; far more is offered than the client may take.
    QTest::newRow("256 MB until close") << StreamingHttpServer::Framing::UntilClose << 256 * MB
                                        << ApiClient::DefaultMaxResponseBytes + 32 * MB;
    QTest::newRow("256 MB chunked") << StreamingHttpServer::Framing::Chunked << 256 * MB
                                    << ApiClient::DefaultMaxResponseBytes + 32 * MB;
}

void TestFaultInjection::hugeBodyIsAbortedEarly()
{
    QFETCH(StreamingHttpServer::Framing, framing);
    QFETCH(qint64, offered);
    QFETCH(qint64, mostSent);
    QCOMPARE(m_client->maxResponseBytes(), ApiClient::DefaultMaxResponseBytes);
    m_client->setCallTimeoutMs(60000); // the limit must stop this, not the clock
    StreamingHttpServer server(offered, framing);
    const ApiResult result = call(urlOf(server));
    QCOMPARE(result.error, ErrorKind::OversizedResponse);
    QVERIFY(result.rawBody.isEmpty()); // nothing of it is kept
    QVERIFY2(ErrorText::describe(result).contains(u"larger than 16 MB"_s), qPrintable(ErrorText::describe(result)));
    QVERIFY(!server.sentEverything());
    QVERIFY2(server.bytesSent() < mostSent,
             qPrintable(u"the server got %1 bytes out"_s.arg(server.bytesSent())));
}

void TestFaultInjection::bodyIsJudgedByContent_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<ErrorKind>("kind");
    QTest::addColumn<QString>("mentions"); // in ErrorText::describe()

    const QByteArray json = R"({"code":200,"msg":"success","data":{"conversation_id":"acc1|1|acc2"}})";
    const QByteArray html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                            "<body><h1>Bad Gateway</h1></body></html>\n";
    QTest::newRow("JSON labelled text/html") << QByteArray("text/html") << json << ErrorKind::None << u"Done"_s;
    QTest::newRow("JSON without a type") << QByteArray() << json << ErrorKind::None << u"Done"_s;
    QTest::newRow("HTML labelled application/json")
        << QByteArray("application/json;charset=utf-8") << html << ErrorKind::MalformedResponse << u"HTML page"_s;
    QTest::newRow("HTML labelled text/html") << QByteArray("text/html") << html
                                             << ErrorKind::MalformedResponse << u"HTML page"_s;
    QTest::newRow("HTML body without doctype, leading blank lines")
        << QByteArray("application/json") << QByteArray("\r\n\r\n  <HTML><BODY>maintenance</BODY></HTML>")
        << ErrorKind::MalformedResponse << u"HTML page"_s;
    QTest::newRow("invalid UTF-8 in a string")
        << QByteArray("application/json") << QByteArray("{\"code\":200,\"msg\":\"\xff\xfe\x80\",\"data\":{}}")
        << ErrorKind::MalformedResponse << u"not valid JSON"_s;
    QTest::newRow("truncated UTF-8 sequence in a key")
        << QByteArray("application/json") << QByteArray("{\"code\":200,\"\xe4\xb8\":1}")
        << ErrorKind::MalformedResponse << u"not valid JSON"_s;
    QTest::newRow("nested 100,000 deep")
        << QByteArray("application/json")
        << QByteArray("{\"code\":200,\"data\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}")
        << ErrorKind::MalformedResponse << u"100001 levels deep"_s;
    QTest::newRow("nested 100,000 deep, never closed")
        << QByteArray("application/json") << QByteArray(100000, '{')
        << ErrorKind::MalformedResponse << u"levels deep"_s;
    QTest::newRow("empty body") << QByteArray("application/json") << QByteArray()
                                << ErrorKind::MalformedResponse << u"empty"_s;
    QTest::newRow("truncated JSON") << QByteArray("application/json") << json.left(30)
                                    << ErrorKind::MalformedResponse << u"not valid JSON"_s;
    QTest::newRow("code as a string") << QByteArray("application/json")
                                      << QByteArray(R"({"code":"200","msg":"success"})")
                                      << ErrorKind::MalformedResponse << u"integer \"code\""_s;
    QTest::newRow("a JSON array") << QByteArray("application/json") << QByteArray("[200]")
                                  << ErrorKind::MalformedResponse << u"integer \"code\""_s;
    // nlohmann on its own treats a NUL byte as the end of the text and ignores the rest.
    QTest::newRow("JSON, NUL, more JSON") << QByteArray("application/json")
                                          << QByteArray("{\"code\":200}\0{\"code\":414}", 26)
                                          << ErrorKind::MalformedResponse << u"NUL character"_s;
}

void TestFaultInjection::bodyIsJudgedByContent()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(ErrorKind, kind);
    QFETCH(QString, mentions);
    RawHttpServer server(response("200 OK", contentType, body));
    const ApiResult result = call(urlOf(server));
    QCOMPARE(result.error, kind);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.rawBody, body);
    const QString text = ErrorText::describe(result);
    QVERIFY2(text.contains(mentions), qPrintable(text));
    if (kind == ErrorKind::None)
        QCOMPARE((*result.data)["conversation_id"].get<std::string>(), std::string("acc1|1|acc2"));
}

void TestFaultInjection::redirectsAreNeverFollowed_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<bool>("patch");
    // 302 for GET: tst_apiclient. 307/308 would make a follower send the signed PATCH again.
    QTest::newRow("301 GET") << QByteArray("301 Moved Permanently") << false;
    QTest::newRow("302 PATCH") << QByteArray("302 Found") << true;
    QTest::newRow("303 PATCH") << QByteArray("303 See Other") << true;
    QTest::newRow("307 GET") << QByteArray("307 Temporary Redirect") << false;
    QTest::newRow("307 PATCH") << QByteArray("307 Temporary Redirect") << true;
    QTest::newRow("308 PATCH") << QByteArray("308 Permanent Redirect") << true;
}

void TestFaultInjection::redirectsAreNeverFollowed()
{
    QFETCH(QByteArray, status);
    QFETCH(bool, patch);
    const QByteArray target = m_sandbox->baseUrl().toEncoded() + "/im/v2/conversations/acc1%7C1%7Cacc2";
    RawHttpServer redirect("HTTP/1.1 " + status + "\r\nLocation: " + target + "\r\nContent-Length: 0\r\n\r\n");
    const ApiResult result = call(urlOf(redirect), patch);
    QCOMPARE(result.error, ErrorKind::HttpStatus);
    QCOMPARE(result.httpStatus, status.left(3).toInt());
    QCOMPARE(result.attempts, 1);
    QCOMPARE(result.redirectLocation.toUtf8(), target);
    QCOMPARE(redirect.connectionCount(), 1);
    QCOMPARE(m_sandbox->requestCount(), 0);
    const QString text = ErrorText::describe(result);
    QVERIFY2(text.contains(u"was not followed"_s), qPrintable(text));
}

void TestFaultInjection::brokenConnections_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<ErrorKind>("kind");
    QTest::newRow("closed without a byte") << QByteArray() << ErrorKind::NetworkDown;
    QTest::newRow("not HTTP at all") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << ErrorKind::NetworkDown;
    QTest::newRow("status line only") << QByteArray("HTTP/1.1 200 OK\r\n") << ErrorKind::NetworkDown;
    QTest::newRow("Content-Length larger than the body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"code\":200}") << ErrorKind::NetworkDown;
}

void TestFaultInjection::brokenConnections()
{
    QFETCH(QByteArray, reply);
    QFETCH(ErrorKind, kind);
    RawHttpServer server(reply);
    const ApiResult result = call(urlOf(server));
    QVERIFY2(result.error == kind, qPrintable(errorKindKey(result.error) + u": "_s + result.detail));
    QCOMPARE(result.attempts, 1);
    QVERIFY(!ErrorText::describe(result).isEmpty());
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
