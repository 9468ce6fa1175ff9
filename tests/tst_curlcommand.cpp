#include "SandboxServer.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/CurlCommand.h"
#include "api/RequestSigner.h"
#include "session/GuardedSave.h"

#include <QDateTime>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

struct ShellRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs a script with /bin/sh while this thread's event loop keeps running, so that the
// in-process sandbox can answer.
ShellRun runShell(const QString &script, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(u"/bin/sh"_s);
    process.setArguments({u"-c"_s, script});
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    if (!process.waitForStarted())
        return {};
    if (!finished.wait(20000)) {
        process.kill();
        process.waitForFinished();
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

bool answeredSuccess(const QByteArray &output)
{
    return QRegularExpression(u"\"code\"\\s*:\\s*200\\b"_s).match(QString::fromUtf8(output)).hasMatch();
}

SentRequest sampleRequest()
{
    SentRequest request;
    request.method = "PATCH";
    request.url = QUrl::fromEncoded("https://open.yunxinapi.com/im/v2/conversations/acc1%7C1%7Cacc2", QUrl::StrictMode);
    request.headers = {{"AppKey", "the-app-key"},
                       {"Nonce", "0123456789abcdef0123456789abcdef"},
                       {"CurTime", "1700000000"},
                       {"CheckSum", "aaaabbbbccccddddeeeeffff0000111122223333"},
                       {"X-custom-traceid", "trace-uuid-1"},
                       {"Content-Type", "application/json;charset=utf-8"}};
    // Written without a raw string literal: moc mis-reads the quote inside one.
    request.body = QString(u"{\"server_extension\":\"{\\\"it's\\\":\\\"会话\\\"}\"}"_s).toUtf8();
    return request;
}

} // namespace

class TestCurlCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void shellQuote_data();
    void shellQuote();
    void placeholdersByDefault();
    void liveHasRealSignatureAndSaysItExpires();
    void secretNeverAppears();
    void liveCommandSucceedsWithCurl_data();
    void liveCommandSucceedsWithCurl();
    void placeholderCommandSucceedsWhenFilledIn();
    void placeholderCommandSucceedsWithTheCommentedRecipe();

private:
    SentRequest sendThroughClient(bool patch);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<ApiClient> m_client;
    QString m_id;
};

void TestCurlCommand::initTestCase()
{
    if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
        QFAIL("curl is not installed: run scripts/install-deps.sh");
}

void TestCurlCommand::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_client = std::make_unique<ApiClient>();
    m_client->setEndpoint(ApiEndpoint::custom(m_sandbox->baseUrl()));
    m_client->setCredentials(SandboxServer::demoCredentials());
    m_id = m_sandbox->conversationIds().value(0);
}

void TestCurlCommand::cleanup()
{
    m_client.reset();
    m_sandbox.reset();
}

SentRequest TestCurlCommand::sendThroughClient(bool patch)
{
    const ConversationId id = *ConversationId::parse(m_id);
    ApiCall *call = patch ? m_client->updateServerExtension(id, u"{\"from\":\"curl\",\"note\":\"it's 会话\"}"_s)
                          : m_client->getConversation(id);
    QSignalSpy finished(call, &ApiCall::finished);
    if (!finished.wait())
        return {};
    const auto result = finished.first().first().value<ApiResult>();
    if (!result.ok())
        qWarning("request failed: %s", qPrintable(result.msg + result.detail));
    return result.sent;
}

void TestCurlCommand::shellQuote_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"abc"_s << u"'abc'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
    QTest::newRow("single quote") << u"it's"_s << u"'it'\\''s'"_s;
    QTest::newRow("only quotes") << u"''"_s << u"''\\'''\\'''"_s;
    QTest::newRow("dollar and backtick") << u"$HOME `id` $(id)"_s << u"'$HOME `id` $(id)'"_s;
    QTest::newRow("double quotes and backslash") << u"\"a\\b\""_s << u"'\"a\\b\"'"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"'a\nb'"_s;
    QTest::newRow("chinese") << u"会话 扩展"_s << u"'会话 扩展'"_s;
    QTest::newRow("glob and semicolon") << u"*; rm -rf ~"_s << u"'*; rm -rf ~'"_s;
}

void TestCurlCommand::shellQuote()
{
    QFETCH(QString, text);
    QFETCH(QString, quoted);
    QCOMPARE(CurlCommand::shellQuote(text), quoted);
    // A real shell gives back exactly the text.
    const ShellRun run = runShell(u"printf '%s' "_s + quoted);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(QString::fromUtf8(run.out), text);
}

void TestCurlCommand::placeholdersByDefault()
{
    const QString command = CurlCommand::build(sampleRequest());
    QVERIFY2(command.contains(u"--request 'PATCH'"_s), qPrintable(command));
    QVERIFY(command.contains(u"--header 'AppKey: the-app-key'"_s));
    QVERIFY(command.contains(u"--header 'Nonce: <NONCE>'"_s));
    QVERIFY(command.contains(u"--header 'CurTime: <CURTIME>'"_s));
    QVERIFY(command.contains(u"--header 'CheckSum: <CHECKSUM>'"_s));
    QVERIFY(command.contains(u"--header 'X-custom-traceid: trace-uuid-1'"_s));
    QVERIFY(command.contains(u"--header 'Content-Type: application/json;charset=utf-8'"_s));
    QVERIFY(command.contains(u"--data-raw '{\"server_extension\":\"{\\\"it'\\''s\\\":\\\"会话\\\"}\"}'"_s));
    QVERIFY(command.contains(u"'https://open.yunxinapi.com/im/v2/conversations/acc1%7C1%7Cacc2'"_s));
    QVERIFY(!command.contains(u"0123456789abcdef0123456789abcdef"_s));
    QVERIFY(!command.contains(u"1700000000"_s));
    QVERIFY(!command.contains(u"aaaabbbbcccc"_s));
    // How to compute them, before the command.
    const qsizetype curl = command.indexOf(u"curl "_s);
    QVERIFY(command.indexOf(u"sha1sum"_s) < curl);
    QVERIFY(command.indexOf(u"$APP_SECRET$NONCE$CURTIME"_s) < curl);
    QVERIFY(command.contains(u"5 minutes"_s));
    for (const QString &line : command.left(curl).split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(u'#'), qPrintable(line));
}

void TestCurlCommand::liveHasRealSignatureAndSaysItExpires()
{
    const QString command = CurlCommand::build(sampleRequest(), CurlCommand::Signature::Live);
    QVERIFY(command.contains(u"--header 'Nonce: 0123456789abcdef0123456789abcdef'"_s));
    QVERIFY(command.contains(u"--header 'CurTime: 1700000000'"_s));
    QVERIFY(command.contains(u"--header 'CheckSum: aaaabbbbccccddddeeeeffff0000111122223333'"_s));
    QVERIFY(!command.contains(u"<NONCE>"_s));
    QVERIFY(command.contains(u"valid for"_s));
    QVERIFY(command.contains(u"5 minutes"_s));
    QVERIFY2(command.contains(u"2023-11-14 22:18:20 UTC"_s), qPrintable(command)); // 1700000000 + 300 s
}

void TestCurlCommand::secretNeverAppears()
{
    const Credentials credentials{u"curl-key"_s, u"Curl-Secret-%1"_s.arg(QDateTime::currentMSecsSinceEpoch())};
    m_sandbox->setCredentials(credentials);
    m_client->setCredentials(credentials);
    const SentRequest sent = sendThroughClient(true);
    QVERIFY(!sent.url.isEmpty());
    for (auto signature : {CurlCommand::Signature::Placeholders, CurlCommand::Signature::Live}) {
        const QString command = CurlCommand::build(sent, signature);
        QVERIFY(command.contains(u"curl-key"_s));
        QVERIFY(!command.contains(credentials.appSecret));
    }
}

void TestCurlCommand::liveCommandSucceedsWithCurl_data()
{
    QTest::addColumn<bool>("patch");
    QTest::newRow("GET") << false;
    QTest::newRow("PATCH") << true;
}

void TestCurlCommand::liveCommandSucceedsWithCurl()
{
    QFETCH(bool, patch);
    const SentRequest sent = sendThroughClient(patch);
    QVERIFY(!sent.url.isEmpty());
    QVERIFY(m_sandbox->setServerExtension(m_id, u"changed since"_s));
    const int before = m_sandbox->requestCount();

    const ShellRun run = runShell(CurlCommand::build(sent, CurlCommand::Signature::Live));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(answeredSuccess(run.out), run.out.constData());
    QCOMPARE(m_sandbox->requestCount(), before + 1);
    QCOMPARE(m_sandbox->lastRequestHeader("X-custom-traceid"), [&] {
        for (const auto &header : sent.headers)
            if (header.first == "X-custom-traceid")
                return header.second;
        return QByteArray();
    }());
    const QString now = GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id));
    QCOMPARE(now, patch ? u"{\"from\":\"curl\",\"note\":\"it's 会话\"}"_s : u"changed since"_s);
}

void TestCurlCommand::placeholderCommandSucceedsWhenFilledIn()
{
    const SentRequest sent = sendThroughClient(true);
    QVERIFY(m_sandbox->setServerExtension(m_id, u"changed since"_s));
    const SignatureHeaders fresh = RequestSigner::sign(SandboxServer::demoCredentials(),
                                                       QDateTime::currentSecsSinceEpoch());
    QString command = CurlCommand::build(sent);
    command.replace(CurlCommand::NoncePlaceholder, QString::fromLatin1(fresh.nonce));
    command.replace(CurlCommand::CurTimePlaceholder, QString::fromLatin1(fresh.curTime));
    command.replace(CurlCommand::CheckSumPlaceholder, QString::fromLatin1(fresh.checkSum));

    const ShellRun run = runShell(command);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(answeredSuccess(run.out), run.out.constData());
    QCOMPARE(m_sandbox->lastRequestHeader("Nonce"), fresh.nonce);
    QCOMPARE(GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id)),
             u"{\"from\":\"curl\",\"note\":\"it's 会话\"}"_s);
}

void TestCurlCommand::placeholderCommandSucceedsWithTheCommentedRecipe()
{
    // Follows the instructions in the comment literally: run the three assignments with the
    // secret in $APP_SECRET, then put the variables where the placeholders are.
    const SentRequest sent = sendThroughClient(false);
    const QString command = CurlCommand::build(sent);
    QStringList recipe;
    for (const QString &line : command.split(u'\n')) {
        if (line.startsWith(u"#   "_s))
            recipe << line.mid(4);
    }
    QCOMPARE(recipe.size(), 3);
    QString filled = command;
    filled.replace(CurlCommand::NoncePlaceholder, u"'\"$NONCE\"'"_s);
    filled.replace(CurlCommand::CurTimePlaceholder, u"'\"$CURTIME\"'"_s);
    filled.replace(CurlCommand::CheckSumPlaceholder, u"'\"$CHECKSUM\"'"_s);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"APP_SECRET"_s, SandboxServer::demoCredentials().appSecret);
    const ShellRun run = runShell(u"set -e\n"_s + recipe.join(u'\n') + u'\n' + filled, environment);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(answeredSuccess(run.out), run.out.constData());
    const QByteArray nonce = m_sandbox->lastRequestHeader("Nonce");
    QCOMPARE(nonce.size(), 32);
    QCOMPARE(m_sandbox->lastRequestHeader("CheckSum"),
             RequestSigner::checkSum(SandboxServer::demoCredentials().appSecret, nonce,
                                     m_sandbox->lastRequestHeader("CurTime")));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
