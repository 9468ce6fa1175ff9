#include "CliExitCode.h"
#include "SandboxServer.h"
#include "support/InProcessCli.h"
#include "support/ScriptedHttpServer.h"

#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// The page_token a list request carried, "" for the first page.
QByteArray pageTokenOf(const QByteArray &request)
{
    const QRegularExpression token(u"[?&]page_token=([^& ]*)"_s);
    const QRegularExpressionMatch match = token.match(QString::fromLatin1(request.left(request.indexOf("\r\n"))));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}

QByteArray page(const QByteArray &items, const QByteArray &hasMore, const QByteArray &nextToken)
{
    return R"({"code":200,"msg":"success","data":{"has_more":)" + hasMore + R"(,"next_token":")" + nextToken
        + R"(","items":)" + items + "}}";
}

} // namespace

// convdesk-cli get and list against servers that lie: the answers are checked
// (api/ConversationAnswer.h) before anything is printed, and list --all stops at a page cap.
class TestCliAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void getRefusesWrongAnswers_data();
    void getRefusesWrongAnswers();
    void listRefusesBrokenPaging_data();
    void listRefusesBrokenPaging();
    void listAllStopsAtThePageCap();
    void maxPagesUsageErrors_data();
    void maxPagesUsageErrors();

private:
    void addProfile(const QUrl &endpoint);

    std::unique_ptr<InProcessCli> m_cli;
};

void TestCliAnswers::init()
{
    m_cli = std::make_unique<InProcessCli>();
}

void TestCliAnswers::cleanup()
{
    m_cli.reset();
}

void TestCliAnswers::addProfile(const QUrl &endpoint)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = m_cli->run({u"profile"_s, u"add"_s, u"liar"_s, u"--endpoint"_s, endpoint.toString(),
                                   u"--app-key"_s, demo.appKey},
                                  demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

void TestCliAnswers::getRefusesWrongAnswers_data()
{
    QTest::addColumn<QString>("asked");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("words"); // in stderr, or in stdout when it succeeds

    const QByteArray ok = R"({"code":200,"msg":"success",)";
    QTest::newRow("data missing") << u"acc1|1|acc2"_s << ok.chopped(1) + "}" << int(ExitTransport)
                                  << u"no \"data\" (missing or null)"_s;
    QTest::newRow("data null") << u"acc1|1|acc2"_s << ok + R"("data":null})" << int(ExitTransport)
                               << u"no \"data\" (missing or null)"_s;
    QTest::newRow("data an array") << u"acc1|1|acc2"_s << ok + R"("data":[{"conversation_id":"acc1|1|acc2"}]})"
                                   << int(ExitTransport) << u"\"data\" is an array, not an object"_s;
    QTest::newRow("another conversation")
        << u"acc1|1|acc2"_s << ok + R"("data":{"conversation_id":"acc9|1|acc2","server_extension":"{}"}})"
        << int(ExitTransport)
        << u"the server answered with another conversation (acc9|1|acc2) than the one asked for (acc1|1|acc2)"_s;
    QTest::newRow("no conversation_id") << u"acc1|1|acc2"_s << ok + R"("data":{"server_extension":"{}"}})"
                                        << int(ExitTransport) << u"has no conversation_id"_s;
    QTest::newRow("extension a number") << u"acc1|1|acc2"_s
                                        << ok + R"("data":{"conversation_id":"acc1|1|acc2","server_extension":7}})"
                                        << int(ExitTransport) << u"server_extension is a number, not a string"_s;
    QTest::newRow("extension an object")
        << u"acc1|1|acc2"_s << ok + R"("data":{"conversation_id":"acc1|1|acc2","server_extension":{"a":1}}})"
        << int(ExitTransport) << u"server_extension is an object, not a string"_s;
    // The server lower-cases account IDs: the same conversation, not another one.
    QTest::newRow("account lower-cased") << u"Acc1|1|acc2"_s
                                         << ok + R"("data":{"conversation_id":"acc1|1|acc2","server_extension":"x"}})"
                                         << int(ExitOk) << u"\"server_extension\": \"x\""_s;
}

void TestCliAnswers::getRefusesWrongAnswers()
{
    QFETCH(QString, asked);
    QFETCH(QByteArray, answer);
    QFETCH(int, exitCode);
    QFETCH(QString, words);
    ScriptedHttpServer liar(ScriptedHttpServer::Behaviour::Answer, answer);
    addProfile(liar.url());
    const CliRun run = m_cli->run({u"get"_s, asked});
    QCOMPARE(run.exitCode, exitCode);
    const QString shown = QString::fromUtf8(exitCode == ExitOk ? run.out : run.err);
    QVERIFY2(shown.contains(words), qPrintable(shown));
    if (exitCode != ExitOk)
        QVERIFY(run.out.isEmpty()); // nothing of a wrong answer is printed
}

void TestCliAnswers::listRefusesBrokenPaging_data()
{
    QTest::addColumn<QByteArray>("firstPage");
    QTest::addColumn<QByteArray>("laterPage");
    QTest::addColumn<QString>("words");

    const QByteArray one = R"([{"conversation_id":"acc1|1|a"}])";
    QTest::newRow("token repeated") << page(one, "true", "t1") << page(one, "true", "t1")
                                    << u"the server repeated the page token \"t1\""_s;
    QTest::newRow("token back to the first") << page(one, "true", "t1") << page(one, "true", "t2")
                                             << u"the server repeated the page token \"t1\""_s;
    QTest::newRow("empty token with has_more") << page(one, "true", "") << QByteArray()
                                               << u"gave no page token"_s;
    QTest::newRow("items not an array") << page(R"({"conversation_id":"acc1|1|a"})", "false", "") << QByteArray()
                                        << u"\"items\" is an object, not a list"_s;
}

void TestCliAnswers::listRefusesBrokenPaging()
{
    QFETCH(QByteArray, firstPage);
    QFETCH(QByteArray, laterPage);
    QFETCH(QString, words);
    ScriptedHttpServer liar(ScriptedHttpServer::Behaviour::Answer);
    // "t2" hands back the first page's token, so the series would go round in a circle.
    liar.setResponder([&](const QByteArray &request) {
        const QByteArray token = pageTokenOf(request);
        if (token.isEmpty())
            return firstPage;
        return token == "t2" ? page("[]", "true", "t1") : laterPage;
    });
    addProfile(liar.url());
    const CliRun run = m_cli->run({u"list"_s, u"acc1"_s, u"--all"_s});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY2(QString::fromUtf8(run.err).contains(words), run.err.constData());
    QVERIFY(liar.requests().size() <= 3);
}

void TestCliAnswers::listAllStopsAtThePageCap()
{
    // An endless series: every page promises another, with a new token each time.
    ScriptedHttpServer endless(ScriptedHttpServer::Behaviour::Answer);
    endless.setResponder([](const QByteArray &request) {
        const int number = pageTokenOf(request).mid(1).toInt() + 1;
        const QByteArray item = R"([{"conversation_id":"acc1|1|peer)" + QByteArray::number(number) + R"("}])";
        return page(item, "true", "p" + QByteArray::number(number));
    });
    addProfile(endless.url());
    const CliRun run = m_cli->run({u"list"_s, u"acc1"_s, u"--all"_s, u"--max-pages"_s, u"3"_s});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QCOMPARE(endless.requests().size(), 3);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"stopped at the page cap, --max-pages 3. Conversations printed: 3. The server has more"_s),
             qPrintable(err));
    const std::optional<OrderedJson> printed = Json::parse(run.out);
    QVERIFY(printed && printed->is_object());
    QCOMPARE(int((*printed)["items"].size()), 3);
    QVERIFY((*printed)["has_more"] == true);
    QVERIFY((*printed)["next_token"] == "p3");
}

void TestCliAnswers::maxPagesUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");
    QTest::newRow("zero") << QStringList{u"--all"_s, u"--max-pages"_s, u"0"_s} << u"at least 1"_s;
    QTest::newRow("not a number") << QStringList{u"--all"_s, u"--max-pages"_s, u"many"_s} << u"at least 1"_s;
    QTest::newRow("without --all") << QStringList{u"--max-pages"_s, u"3"_s} << u"--max-pages goes with --all"_s;
}

void TestCliAnswers::maxPagesUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    const CliRun run = m_cli->run(QStringList{u"list"_s, u"acc1"_s} + arguments);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(words), run.err.constData());
}

QTEST_GUILESS_MAIN(TestCliAnswers)
#include "tst_clianswers.moc"
