#include "CliExitCode.h"
#include "IdList.h"
#include "SandboxServer.h"
#include "support/InProcessCli.h"
#include "support/ScriptedHttpServer.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli get for many conversations in this process (support/InProcessCli.h): IDs as
// arguments or one per line from a file or standard input, JSON Lines in input order over one
// connection, failed and invalid IDs named on stderr, the most severe exit code, bounded
// lists, and code 416 waited out. set-extension's batch form is in tst_clibatchset.
class TestCliBatchGet : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void idListsAreParsed_data();
    void idListsAreParsed();
    void exitCodesRankBySeverity_data();
    void exitCodesRankBySeverity();
    void printsJsonLinesInInputOrder_data();
    void printsJsonLinesInInputOrder();
    void failedAndInvalidIdsAreNamed_data();
    void failedAndInvalidIdsAreNamed();
    void listsThatCannotBeUsedAreRefused_data();
    void listsThatCannotBeUsedAreRefused();
    void oneConnectionForTheWholeRun();
    void rateLimitIsWaitedOut_data();
    void rateLimitIsWaitedOut();
    void rateLimitForeverFailsThatIdOnly();
    void retryAfterIsHonoured_data();
    void retryAfterIsHonoured();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addProfile(const QUrl &endpoint, const QString &name = u"sandbox"_s);
    QString writeFile(const QByteArray &bytes);
    // The conversation_id of each stdout line, each line checked to be one compact JSON object.
    static QStringList idsOfLines(const QByteArray &out);

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    std::unique_ptr<QTemporaryDir> m_files;
    QStringList m_ids; // the sandbox's, newest last: the tests ask in another order
};

void TestCliBatchGet::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_ids = m_sandbox->conversationIds();
    QVERIFY(m_ids.size() >= 4);
    m_cli = std::make_unique<InProcessCli>();
    // Short pauses, so that waiting out a 416 takes milliseconds here.
    m_cli->setRateLimitPolicy(RateLimitPolicy{2, 10, 20, 5000});
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    addProfile(m_sandbox->baseUrl());
}

void TestCliBatchGet::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
    m_files.reset();
}

void TestCliBatchGet::addProfile(const QUrl &endpoint, const QString &name)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli({u"profile"_s, u"add"_s, name, u"--endpoint"_s, endpoint.toString(), u"--app-key"_s,
                            demo.appKey},
                           demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

QString TestCliBatchGet::writeFile(const QByteArray &bytes)
{
    static int next = 0;
    QFile file(m_files->filePath(u"ids-%1.txt"_s.arg(++next)));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QStringList TestCliBatchGet::idsOfLines(const QByteArray &out)
{
    QStringList ids;
    if (!out.isEmpty() && !out.endsWith('\n'))
        return {u"(output does not end with a newline)"_s};
    QList<QByteArray> lines = out.split('\n');
    lines.removeLast();
    for (const QByteArray &line : std::as_const(lines)) {
        const std::optional<OrderedJson> parsed = Json::parse(line);
        if (!parsed || !parsed->is_object() || !parsed->contains("conversation_id"))
            return {u"(not a conversation: %1)"_s.arg(QString::fromUtf8(line.left(80)))};
        ids << Json::toQString((*parsed)["conversation_id"].get<std::string>());
    }
    return ids;
}

void TestCliBatchGet::idListsAreParsed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "line:text:valid"
    QTest::newRow("one per line") << u"a|1|b\nc|2|123\n"_s << QStringList{u"1:a|1|b:1"_s, u"2:c|2|123:1"_s};
    QTest::newRow("blank lines and comments")
        << u"# tickets of today\n\na|1|b\n   \n  # indented comment\nc|1|d\n"_s
        << QStringList{u"3:a|1|b:1"_s, u"6:c|1|d:1"_s};
    QTest::newRow("comment after an ID") << u"a|1|b   # VIP\n"_s << QStringList{u"1:a|1|b:1"_s};
    QTest::newRow("CRLF and no final newline") << u"a|1|b\r\nc|1|d"_s << QStringList{u"1:a|1|b:1"_s, u"2:c|1|d:1"_s};
    QTest::newRow("surrounding white space") << u"\t a|1|b \n"_s << QStringList{u"1:a|1|b:1"_s};
    QTest::newRow("invalid kept, marked") << u"a|1|b\nnot an id\nx|9|y\n"_s
                                          << QStringList{u"1:a|1|b:1"_s, u"2:not an id:0"_s, u"3:x|9|y:0"_s};
    QTest::newRow("nothing but comments") << u"# none\n\n"_s << QStringList();
}

void TestCliBatchGet::idListsAreParsed()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList actual;
    for (const IdListEntry &entry : IdList::fromText(text)) {
        actual << u"%1:%2:%3"_s.arg(entry.line).arg(entry.text).arg(entry.id ? 1 : 0);
        QCOMPARE(entry.problem.isEmpty(), entry.id.has_value());
    }
    QCOMPARE(actual, expected);
}

void TestCliBatchGet::exitCodesRankBySeverity_data()
{
    QTest::addColumn<QList<int>>("codes");
    QTest::addColumn<int>("expected");
    QTest::newRow("all ok") << QList<int>{0, 0, 0} << 0;
    QTest::newRow("invalid beats ok") << QList<int>{0, 2, 0} << 2;
    QTest::newRow("business beats invalid") << QList<int>{2, 3, 0} << 3;
    QTest::newRow("conflict beats business") << QList<int>{3, 6, 3} << 6;
    QTest::newRow("transport beats conflict") << QList<int>{6, 4} << 4;
    QTest::newRow("credentials beat transport") << QList<int>{4, 5, 6} << 5;
    QTest::newRow("audit log beats all") << QList<int>{5, 7, 4, 6, 3, 2, 0} << 7;
    QTest::newRow("order does not matter") << QList<int>{7, 0, 2} << 7;
}

void TestCliBatchGet::exitCodesRankBySeverity()
{
    QFETCH(QList<int>, codes);
    QFETCH(int, expected);
    int worst = ExitOk;
    for (const int code : codes)
        worst = mostSevereExitCode(worst, code);
    QCOMPARE(worst, expected);
}

void TestCliBatchGet::printsJsonLinesInInputOrder_data()
{
    QTest::addColumn<QString>("source"); // arguments, file, stdin
    QTest::addColumn<QString>("list");   // {0}..{3}: the sandbox's IDs
    QTest::addColumn<QList<int>>("order");
    QTest::newRow("arguments") << u"arguments"_s << QString() << QList<int>{3, 0, 2};
    QTest::newRow("file") << u"file"_s << u"{3}\n{0}\n{2}\n{1}\n"_s << QList<int>{3, 0, 2, 1};
    QTest::newRow("stdin") << u"stdin"_s << u"{2}\n{1}\n"_s << QList<int>{2, 1};
    QTest::newRow("comments, blank lines, CRLF") << u"file"_s << u"# from ticket CS-1\r\n\r\n{1}  # the VIP\r\n{0}"_s
                                                 << QList<int>{1, 0};
    QTest::newRow("the same ID twice") << u"stdin"_s << u"{0}\n{0}\n"_s << QList<int>{0, 0};
    QTest::newRow("one ID from a file is still a batch") << u"file"_s << u"{2}\n"_s << QList<int>{2};
}

void TestCliBatchGet::printsJsonLinesInInputOrder()
{
    QFETCH(QString, source);
    QFETCH(QString, list);
    QFETCH(QList<int>, order);
    QStringList expected;
    for (const int index : order)
        expected << m_ids.at(index);
    for (int index = 0; index < 4; ++index)
        list.replace(u"{%1}"_s.arg(index), m_ids.at(index));

    CliRun run;
    if (source == u"arguments")
        run = cli(QStringList{u"get"_s} + expected);
    else if (source == u"file")
        run = cli({u"get"_s, u"--ids-from"_s, writeFile(list.toUtf8())});
    else
        run = cli({u"get"_s, u"--ids-from"_s, u"-"_s}, list.toUtf8());
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QCOMPARE(idsOfLines(run.out), expected);
    QCOMPARE(m_sandbox->requestCount(), order.size());
    // Each line is the conversation as the server holds it, compact.
    const QByteArray first = run.out.left(run.out.indexOf('\n'));
    QCOMPARE(first, Json::serialize(*m_sandbox->conversation(expected.first())));
}

void TestCliBatchGet::failedAndInvalidIdsAreNamed_data()
{
    QTest::addColumn<QString>("list"); // {0}, {1}: the sandbox's IDs
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("printed"); // conversation_ids on stdout
    QTest::addColumn<QStringList>("stderrLines"); // each a start of one stderr line
    QTest::addColumn<int>("requests");
    QTest::newRow("invalid among valid")
        << u"{0}\nacc1|9|x\n{1}\n"_s << int(ExitUsage) << QStringList{u"{0}"_s, u"{1}"_s}
        << QStringList{u"acc1|9|x: convdesk-cli: line 2 is not a conversation ID, skipped: "_s} << 2;
    QTest::newRow("a conversation that does not exist")
        << u"{0}\nnobody|1|ghost\n{1}\n"_s << int(ExitBusiness) << QStringList{u"{0}"_s, u"{1}"_s}
        << QStringList{u"nobody|1|ghost: convdesk-cli: Rejected by the server: No such conversation"_s} << 3;
    QTest::newRow("both: the business error is more severe")
        << u"not-an-id\nnobody|1|ghost\n{0}\n"_s << int(ExitBusiness) << QStringList{u"{0}"_s}
        << QStringList{u"not-an-id: convdesk-cli: line 1 is not a conversation ID"_s,
                       u"nobody|1|ghost: convdesk-cli: Rejected by the server"_s}
        << 2;
    QTest::newRow("nothing valid: no request at all")
        << u"x|9|y\n# comment\nz\n"_s << int(ExitUsage) << QStringList()
        << QStringList{u"x|9|y: convdesk-cli: line 1 "_s, u"z: convdesk-cli: line 3 "_s} << 0;
}

void TestCliBatchGet::failedAndInvalidIdsAreNamed()
{
    QFETCH(QString, list);
    QFETCH(int, exitCode);
    QFETCH(QStringList, printed);
    QFETCH(QStringList, stderrLines);
    QFETCH(int, requests);
    for (int index = 0; index < 2; ++index) {
        list.replace(u"{%1}"_s.arg(index), m_ids.at(index));
        printed.replaceInStrings(u"{%1}"_s.arg(index), m_ids.at(index));
    }
    const CliRun run = cli({u"get"_s, u"--ids-from"_s, u"-"_s}, list.toUtf8());
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QCOMPARE(idsOfLines(run.out), printed);
    const QStringList lines = QString::fromUtf8(run.err).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), stderrLines.size());
    for (qsizetype index = 0; index < lines.size(); ++index)
        QVERIFY2(lines.at(index).startsWith(stderrLines.at(index)), qPrintable(lines.at(index)));
    QCOMPARE(m_sandbox->requestCount(), requests); // invalid IDs are never sent
}

void TestCliBatchGet::listsThatCannotBeUsedAreRefused_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "get"; FILE: a file holding `bytes`
    QTest::addColumn<QByteArray>("bytes");       // the file's, or standard input's
    QTest::addColumn<QString>("message");
    const QByteArray over(IdList::MaxBytes + 1, 'a');
    const QString tooLong = u"holds more than %1 bytes"_s.arg(IdList::MaxBytes);
    QTest::newRow("/dev/zero as the list") << QStringList{u"--ids-from"_s, u"/dev/zero"_s} << QByteArray()
                                           << u"/dev/zero "_s + tooLong;
    QTest::newRow("/dev/zero on standard input") << QStringList{u"--ids-from"_s, u"-"_s} << QByteArray("zero")
                                                 << u"standard input "_s + tooLong;
    QTest::newRow("a list over the limit") << QStringList{u"--ids-from"_s, u"FILE"_s} << over << tooLong;
    QTest::newRow("no ID in the list") << QStringList{u"--ids-from"_s, u"-"_s} << QByteArray("# only a comment\n\n")
                                       << u"standard input holds no conversation ID."_s;
    QTest::newRow("not UTF-8") << QStringList{u"--ids-from"_s, u"FILE"_s} << QByteArray("a|1|b\n\xff\xfe\n")
                               << u"is not UTF-8 text"_s;
    QTest::newRow("NUL characters") << QStringList{u"--ids-from"_s, u"FILE"_s} << QByteArray("a|1|b\0\n", 7)
                                    << u"contains a NUL character"_s;
    QTest::newRow("a missing file") << QStringList{u"--ids-from"_s, u"/nonexistent/ids.txt"_s} << QByteArray()
                                    << u"cannot read /nonexistent/ids.txt"_s;
    QTest::newRow("both arguments and a list") << QStringList{u"a|1|b"_s, u"--ids-from"_s, u"-"_s}
                                               << QByteArray("c|1|d\n") << u"not both"_s;
    QTest::newRow("no ID at all") << QStringList() << QByteArray() << u"get needs a CONVERSATION_ID"_s;
}

void TestCliBatchGet::listsThatCannotBeUsedAreRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    CliRun run;
    if (arguments.contains(u"FILE"_s)) {
        arguments.replaceInStrings(u"FILE"_s, writeFile(bytes));
        run = cli(QStringList{u"get"_s} + arguments);
    } else if (bytes == "zero") {
        std::unique_ptr<FILE, int (*)(FILE *)> zero(std::fopen("/dev/zero", "rb"), &std::fclose);
        QVERIFY(zero);
        run = m_cli->run(QStringList{u"get"_s} + arguments, zero.get());
    } else {
        run = cli(QStringList{u"get"_s} + arguments, bytes);
    }
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestCliBatchGet::oneConnectionForTheWholeRun()
{
    const QStringList ids = m_ids.mid(0, 4);
    const CliRun batch = cli({u"get"_s, u"--ids-from"_s, u"-"_s}, (ids + ids).join(u'\n').toUtf8());
    QVERIFY2(batch.exitCode == ExitOk, batch.err.constData());
    QCOMPARE(m_sandbox->requestCount(), 8);
    QCOMPARE(m_sandbox->connectionCount(), 1);

    // The loop it replaces: a new process, a new connection (and a secret read) per ID.
    for (const QString &id : ids)
        QCOMPARE(cli({u"get"_s, id}).exitCode, int(ExitOk));
    QCOMPARE(m_sandbox->connectionCount(), 1 + 4);
}

void TestCliBatchGet::rateLimitIsWaitedOut_data()
{
    QTest::addColumn<int>("limited"); // the next N requests answer 416
    QTest::addColumn<int>("retryLines");
    QTest::newRow("one 416") << 1 << 1;
    QTest::newRow("two in a row: the policy's two retries") << 2 << 2;
}

void TestCliBatchGet::rateLimitIsWaitedOut()
{
    QFETCH(int, limited);
    QFETCH(int, retryLines);
    m_sandbox->setRateLimitedNext(limited);
    const QStringList ids = m_ids.mid(0, 3);
    const CliRun run = cli(QStringList{u"get"_s} + ids);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(idsOfLines(run.out), ids);
    QCOMPARE(run.err.count("rate limited by the server; trying again in "), retryLines);
    QVERIFY2(run.err.startsWith(QByteArray(ids.first().toUtf8() + ": convdesk-cli: rate limited")), run.err.constData());
    QVERIFY2(run.err.contains("(retry 1 of 2)"), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), 3 + limited);
}

void TestCliBatchGet::rateLimitForeverFailsThatIdOnly()
{
    // The first ID meets 416 on its try and both retries; the rest are answered.
    m_sandbox->setRateLimitedNext(3);
    const QStringList ids = m_ids.mid(0, 3);
    const CliRun run = cli(QStringList{u"get"_s} + ids);
    QCOMPARE(run.exitCode, int(ExitBusiness));
    QCOMPARE(idsOfLines(run.out), ids.mid(1));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(ids.first() + u": convdesk-cli: still rate limited after 2 retries; giving up"_s),
             qPrintable(err));
    QVERIFY2(err.contains(ids.first() + u": convdesk-cli: Rejected by the server: Rate limited by the server: "
                                        "wait a moment, then try again."_s),
             qPrintable(err));
    QVERIFY(err.contains(u"[code 416]"_s));
    QCOMPARE(m_sandbox->requestCount(), 3 + 2);
}

void TestCliBatchGet::retryAfterIsHonoured_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QString>("pause");
    QTest::newRow("Retry-After: 1") << QByteArray("1") << u"trying again in 1.0 s"_s;
    QTest::newRow("none: the backoff's 10 ms") << QByteArray() << u"trying again in 0.0 s"_s;
    QTest::newRow("a date long past") << QByteArray("Thu, 01 Jan 2015 00:00:00 GMT") << u"trying again in 0.0 s"_s;
}

void TestCliBatchGet::retryAfterIsHonoured()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QString, pause);
    // A server that answers the first request with 416 (and the header), then the truth.
    const QString id = m_ids.first();
    const QByteArray conversation = Json::serialize(*m_sandbox->conversation(id));
    ScriptedHttpServer server(ScriptedHttpServer::Behaviour::Answer);
    server.setResponder([&server, conversation](const QByteArray &) -> QByteArray {
        if (server.requests().size() == 1)
            return R"({"code":416,"msg":"rate limited","data":{}})";
        return R"({"code":200,"msg":"success","data":)" + conversation + "}";
    });
    server.setExtraHeaders([&server, retryAfter](const QByteArray &) -> QByteArray {
        return server.requests().size() == 1 && !retryAfter.isEmpty() ? "Retry-After: " + retryAfter + "\r\n"
                                                                        : QByteArray();
    });
    addProfile(server.url(), u"scripted"_s);
    const CliRun run = cli({u"get"_s, u"--profile"_s, u"scripted"_s, u"--ids-from"_s, u"-"_s}, id.toUtf8());
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(idsOfLines(run.out), QStringList{id});
    QVERIFY2(QString::fromUtf8(run.err).contains(pause), run.err.constData());
    QCOMPARE(server.requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestCliBatchGet)
#include "tst_clibatchget.moc"
