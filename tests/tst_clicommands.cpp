#include "CliExitCode.h"
#include "Command.h"
#include "SandboxServer.h"
#include "profiles/ProfileStore.h"
#include "support/InProcessCli.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli's dispatcher and commands run in this process (support/InProcessCli.h) against
// the in-process sandbox: help, usage errors, get and list. Profiles are in tst_cliprofiles,
// set-extension and history in tst_clisetextension, bounded input in tst_cliinput; the
// program as a child process in tst_cli.
class TestCliCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void helpOfOneCommand_data();
    void helpOfOneCommand();
    void helpNamesTheProgramNotItsPath_data();
    void helpNamesTheProgramNotItsPath();
    void globalHelpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void getPrintsServerOrder();
    void optionsBeforeTheCommandStillWork_data();
    void optionsBeforeTheCommandStillWork();
    void businessErrorsExitThree_data();
    void businessErrorsExitThree();
    void transportErrorsExitFour();
    void listPagesThroughEverything();
    void caFileProfileTalksToPrivateTls();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addSandboxProfile(const QString &name = u"sandbox"_s, const QString &secret = {});

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    QString m_firstId;
};

void TestCliCommands::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
}

void TestCliCommands::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
}

void TestCliCommands::addSandboxProfile(const QString &name, const QString &secret)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli({u"profile"_s, u"add"_s, name, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                            u"--app-key"_s, demo.appKey},
                           (secret.isEmpty() ? demo.appSecret : secret).toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

void TestCliCommands::helpOfOneCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected"); // in the help
    QTest::addColumn<QStringList>("absent");   // options of other commands
    const QStringList idHelp{u"Usage: convdesk-cli get [options] CONVERSATION_ID"_s, u"--profile <name>"_s};
    QTest::newRow("get --help") << QStringList{u"get"_s, u"--help"_s} << idHelp
                                << QStringList{u"--all"_s, u"--value"_s, u"--region"_s};
    QTest::newRow("help get") << QStringList{u"help"_s, u"get"_s} << idHelp << QStringList{u"--all"_s};
    QTest::newRow("get ID -h") << QStringList{u"get"_s, u"a|1|b"_s, u"-h"_s} << idHelp << QStringList{u"--all"_s};
    QTest::newRow("set-extension --help")
        << QStringList{u"set-extension"_s, u"--help"_s}
        << QStringList{u"--value <text>"_s, u"--file <path>"_s, u"--stdin"_s, u"--expect-current <text>"_s,
                       u"--expect-file <path>"_s, u"--profile <name>"_s, u"audit log"_s}
        << QStringList{u"--limit"_s, u"--format"_s};
    QTest::newRow("list --help") << QStringList{u"list"_s, u"--help"_s}
                                 << QStringList{u"convdesk-cli list [options] ACCOUNT_ID"_s, u"--limit <n>"_s,
                                                u"--all"_s}
                                 << QStringList{u"--value"_s};
    QTest::newRow("history --help") << QStringList{u"history"_s, u"--help"_s}
                                    << QStringList{u"--conversation <id>"_s, u"--outcome <outcome>"_s,
                                                   u"--format <format>"_s, u"--profile <name>"_s}
                                    << QStringList{u"--value"_s, u"--all"_s};
    QTest::newRow("sandbox --help") << QStringList{u"sandbox"_s, u"--help"_s}
                                    << QStringList{u"--port <port>"_s, u"--https"_s}
                                    << QStringList{u"--profile"_s};
    QTest::newRow("profile add --help")
        << QStringList{u"profile"_s, u"add"_s, u"--help"_s}
        << QStringList{u"convdesk-cli profile add [options] NAME"_s, u"--region <region>"_s,
                       u"--endpoint <url>"_s, u"--backup-endpoint <url>"_s, u"--app-key <key>"_s,
                       u"--ca-file <path>"_s}
        << QStringList{u"--profile"_s, u"--value"_s};
    QTest::newRow("help profile remove") << QStringList{u"help"_s, u"profile"_s, u"remove"_s}
                                         << QStringList{u"convdesk-cli profile remove [options] NAME"_s}
                                         << QStringList{u"--region"_s};
    QTest::newRow("help profile") << QStringList{u"help"_s, u"profile"_s}
                                  << QStringList{u"convdesk-cli profile add"_s, u"convdesk-cli profile list"_s,
                                                 u"convdesk-cli profile remove"_s}
                                  << QStringList{u"--value"_s};
    QTest::newRow("profile --help") << QStringList{u"profile"_s, u"--help"_s}
                                    << QStringList{u"convdesk-cli profile add"_s, u"convdesk-cli profile list"_s}
                                    << QStringList{u"--value"_s};
}

void TestCliCommands::helpOfOneCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitOk));
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    const QString help = QString::fromUtf8(run.out);
    for (const QString &text : expected)
        QVERIFY2(help.contains(text), qPrintable(u"no \"%1\" in:\n%2"_s.arg(text, help)));
    for (const QString &text : absent)
        QVERIFY2(!help.contains(text), qPrintable(u"\"%1\" in:\n%2"_s.arg(text, help)));
    QCOMPARE(m_sandbox->requestCount(), 0);
}

void TestCliCommands::helpNamesTheProgramNotItsPath_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::newRow("--help") << QStringList{u"--help"_s} << u"Usage: convdesk-cli [options] command\n"_s;
    QTest::newRow("help") << QStringList{u"help"_s} << u"Usage: convdesk-cli [options] command\n"_s;
    QTest::newRow("history --help") << QStringList{u"history"_s, u"--help"_s}
                                    << u"Usage: convdesk-cli history [options]\n"_s;
}

void TestCliCommands::helpNamesTheProgramNotItsPath()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    // QCommandLineParser would name this test's executable, by its path.
    const QString path = QCoreApplication::arguments().constFirst();
    const QString help = QString::fromUtf8(cli(arguments).out);
    QVERIFY2(help.startsWith(usage), qPrintable(help));
    QVERIFY2(!help.contains(path), qPrintable(help));
    QCOMPARE(Command::helpText(QCommandLineParser(), u"convdesk-cli"_s).section(u'\n', 0, 0),
             u"Usage: convdesk-cli"_s);
}

void TestCliCommands::globalHelpAndVersion()
{
    CliRun run = cli({u"--help"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    const QString help = QString::fromUtf8(run.out);
    QVERIFY(help.contains(u"set-extension CONVERSATION_ID"_s));
    QVERIFY(help.contains(m_cli->auditLogPath()));
    QVERIFY(help.contains(u"convdesk-cli help COMMAND"_s));
    QVERIFY2(!help.contains(u"--expect-current <text>"_s), qPrintable(help)); // a command's, not the program's

    run = cli({u"--version"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    QVERIFY(run.out.startsWith("convdesk-cli 0."));
}

void TestCliCommands::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("messages"); // each on stderr
    const QString globalHint = u"Run \"convdesk-cli --help\" for usage."_s;
    const auto hint = [](const QString &command) {
        return u"Run \"convdesk-cli %1 --help\" for usage."_s.arg(command);
    };
    QTest::newRow("no command") << QStringList() << QStringList{u"no command"_s, globalHint};
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s}
                                     << QStringList{u"unknown command \"frobnicate\""_s, globalHint};
    QTest::newRow("help of an unknown command") << QStringList{u"help"_s, u"frobnicate"_s}
                                                << QStringList{u"unknown command \"frobnicate\""_s};
    QTest::newRow("unknown program option") << QStringList{u"--bogus"_s} << QStringList{u"bogus"_s, globalHint};
    QTest::newRow("profile without subcommand") << QStringList{u"profile"_s}
                                                << QStringList{u"\"profile add\", \"profile list\""_s};
    QTest::newRow("profile, unknown subcommand") << QStringList{u"profile"_s, u"rename"_s}
                                                 << QStringList{u"\"profile remove\""_s};
    QTest::newRow("malformed id") << QStringList{u"get"_s, u"acc1|9|x"_s}
                                  << QStringList{u"conversation type"_s, hint(u"get"_s)};
    QTest::newRow("id with two parts") << QStringList{u"get"_s, u"acc1|acc2"_s} << QStringList{u"three parts"_s};
    QTest::newRow("get, missing id")
        << QStringList{u"get"_s}
        << QStringList{u"get needs a CONVERSATION_ID (or several, or --ids-from FILE)."_s, hint(u"get"_s)};
    // Several IDs are a batch run (tst_clibatchget); IDs and a list together are not.
    QTest::newRow("get, ids and a list") << QStringList{u"get"_s, u"a|1|b"_s, u"--ids-from"_s, u"-"_s}
                                         << QStringList{u"not both"_s, hint(u"get"_s)};
    QTest::newRow("option of another command")
        << QStringList{u"get"_s, u"a|1|b"_s, u"--all"_s}
        << QStringList{u"unknown option --all for \"get\""_s, hint(u"get"_s)};
    QTest::newRow("set-extension option for list")
        << QStringList{u"list"_s, u"acc1"_s, u"--value"_s, u"x"_s}
        << QStringList{u"unknown option --value for \"list\""_s, hint(u"list"_s)};
    QTest::newRow("--profile for profile list") << QStringList{u"profile"_s, u"list"_s, u"--profile"_s, u"x"_s}
                                                << QStringList{u"unknown option --profile for \"profile list\""_s};
    QTest::newRow("unknown short option") << QStringList{u"history"_s, u"-x"_s}
                                          << QStringList{u"unknown option -x for \"history\""_s};
    QTest::newRow("unknown option") << QStringList{u"get"_s, u"--bogus"_s} << QStringList{u"--bogus"_s};
    QTest::newRow("missing option value") << QStringList{u"list"_s, u"acc1"_s, u"--limit"_s}
                                          << QStringList{u"Missing value after '--limit'"_s, hint(u"list"_s)};
    QTest::newRow("bad limit") << QStringList{u"list"_s, u"acc1"_s, u"--limit"_s, u"101"_s}
                               << QStringList{u"--limit must be a number from 1 to 100."_s};
    QTest::newRow("list, missing account") << QStringList{u"list"_s} << QStringList{u"exactly one ACCOUNT_ID"_s};
    QTest::newRow("region and endpoint")
        << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s, u"--endpoint"_s,
                       u"http://127.0.0.1:1"_s, u"--app-key"_s, u"k"_s}
        << QStringList{u"exactly one of"_s, hint(u"profile add"_s)};
    QTest::newRow("bad region") << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mars"_s,
                                               u"--app-key"_s, u"k"_s}
                                << QStringList{u"mainland or overseas"_s};
    QTest::newRow("no app key") << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s}
                                << QStringList{u"--app-key is required"_s};
    QTest::newRow("backup endpoint with region")
        << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s, u"--app-key"_s, u"k"_s,
                       u"--backup-endpoint"_s, u"https://b.example"_s}
        << QStringList{u"--backup-endpoint goes with --endpoint"_s};
    QTest::newRow("plain http remote")
        << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--endpoint"_s, u"http://example.com"_s, u"--app-key"_s,
                       u"k"_s}
        << QStringList{u"https"_s};
    QTest::newRow("profile add, no name") << QStringList{u"profile"_s, u"add"_s, u"--region"_s, u"mainland"_s}
                                          << QStringList{u"exactly one NAME"_s};
    QTest::newRow("profile list, argument") << QStringList{u"profile"_s, u"list"_s, u"x"_s}
                                            << QStringList{u"profile list takes no arguments."_s};
    QTest::newRow("remove unknown profile") << QStringList{u"profile"_s, u"remove"_s, u"nobody"_s}
                                            << QStringList{u"there is no profile named \"nobody\""_s};
    QTest::newRow("sandbox, argument") << QStringList{u"sandbox"_s, u"now"_s}
                                       << QStringList{u"sandbox takes no arguments."_s, hint(u"sandbox"_s)};
    QTest::newRow("sandbox, bad port") << QStringList{u"sandbox"_s, u"--port"_s, u"70000"_s}
                                       << QStringList{u"--port must be a number from 0 to 65535."_s};
}

void TestCliCommands::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, messages);
    addSandboxProfile();
    const int before = m_sandbox->requestCount();
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitUsage));
    for (const QString &message : messages)
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestCount(), before); // caught before any request
}

void TestCliCommands::getPrintsServerOrder()
{
    addSandboxProfile();
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun get = cli({u"get"_s, m_firstId});
    QCOMPARE(get.exitCode, int(ExitOk));
    QCOMPARE(handled.size(), 1);
    QCOMPARE(handled.first().at(0).toByteArray(), QByteArray("GET"));
    const auto conversation = Json::parse(get.out);
    QVERIFY(conversation);
    QCOMPARE(QString::fromStdString((*conversation)["conversation_id"].get<std::string>()), m_firstId);
    QVERIFY(get.out.indexOf("\"conversation_id\"") < get.out.indexOf("\"server_extension\"")); // server order
    QVERIFY(get.out.endsWith("}\n"));
    QVERIFY(get.err.isEmpty());
}

void TestCliCommands::optionsBeforeTheCommandStillWork_data()
{
    QTest::addColumn<QStringList>("before"); // options given before the command's name
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("--profile NAME") << QStringList{u"--profile"_s, u"b"_s} << int(ExitOk) << QString();
    QTest::newRow("--profile=NAME") << QStringList{u"--profile=b"_s} << int(ExitOk) << QString();
    QTest::newRow("an unknown profile") << QStringList{u"--profile"_s, u"c"_s} << int(ExitCredentials)
                                        << u"no profile named \"c\""_s;
    QTest::newRow("an option get does not have")
        << QStringList{u"--all"_s} << int(ExitUsage) << u"unknown option"_s;
}

void TestCliCommands::optionsBeforeTheCommandStillWork()
{
    QFETCH(QStringList, before);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    addSandboxProfile(u"a"_s);
    addSandboxProfile(u"b"_s);
    ProfileStore(m_cli->settings()).setLastUsed({}); // so only --profile can choose
    const CliRun run = cli(before + QStringList{u"get"_s, m_firstId});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), exitCode == ExitOk ? 1 : 0);
}

void TestCliCommands::businessErrorsExitThree_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong secret") << u"secret"_s << u"AppSecret"_s;
    QTest::newRow("unknown conversation") << u"unknown"_s << u"No such conversation"_s;
    QTest::newRow("rate limited") << u"ratelimit"_s << u"Rate limited"_s;
}

void TestCliCommands::businessErrorsExitThree()
{
    QFETCH(QString, fault);
    QFETCH(QString, message);
    addSandboxProfile(u"sandbox"_s, fault == u"secret" ? u"wrong-secret"_s : QString());
    QString id = m_firstId;
    if (fault == u"unknown")
        id = u"nobody|1|ghost"_s;
    if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    const CliRun run = cli({u"get"_s, id});
    QCOMPARE(run.exitCode, int(ExitBusiness));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.err.contains("[code "));
    QVERIFY(run.err.contains("trace id"));
    QVERIFY(run.out.isEmpty());
}

void TestCliCommands::transportErrorsExitFour()
{
    addSandboxProfile();
    m_sandbox->setMalformedNext(1);
    CliRun run = cli({u"get"_s, m_firstId});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY(run.err.contains("trace id"));

    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString closed = u"http://127.0.0.1:%1"_s.arg(probe.serverPort());
    probe.close();
    QCOMPARE(cli({u"profile"_s, u"add"_s, u"down"_s, u"--endpoint"_s, closed, u"--app-key"_s, u"k"_s}, "s\n").exitCode,
             int(ExitOk));
    run = cli({u"get"_s, m_firstId, u"--profile"_s, u"down"_s});
    QCOMPARE(run.exitCode, int(ExitTransport));
    QVERIFY(run.err.contains("Could not reach"));
}

void TestCliCommands::listPagesThroughEverything()
{
    addSandboxProfile();
    const QString account = m_firstId.section(u'|', 0, 0);
    const CliRun page = cli({u"list"_s, account, u"--limit"_s, u"2"_s});
    QCOMPARE(page.exitCode, int(ExitOk));
    const auto first = Json::parse(page.out);
    QVERIFY(first);
    QVERIFY((*first)["items"].size() <= 2);

    const int before = m_sandbox->requestCount();
    const CliRun all = cli({u"list"_s, account, u"--limit"_s, u"2"_s, u"--all"_s});
    QCOMPARE(all.exitCode, int(ExitOk));
    const auto everything = Json::parse(all.out);
    QVERIFY(everything);
    int expected = 0;
    for (const QString &id : m_sandbox->conversationIds())
        expected += id.startsWith(account + u'|') ? 1 : 0;
    QCOMPARE(int((*everything)["items"].size()), expected);
    QCOMPARE((*everything)["has_more"].get<bool>(), false);
    QVERIFY(expected > 2);
    QCOMPARE(m_sandbox->requestCount() - before, (expected + 1) / 2); // one request a page
}

void TestCliCommands::caFileProfileTalksToPrivateTls()
{
    const QString tlsDir = QStringLiteral(CONVDESK_TLS_DIR);
    SandboxServer server;
    QVERIFY2(server.setTlsCertificate(tlsDir + u"/localhost.pem"_s, tlsDir + u"/localhost.key"_s),
             qPrintable(server.errorString()));
    QVERIFY(server.listen());
    const Credentials demo = SandboxServer::demoCredentials();
    const QString id = server.conversationIds().value(0);
    auto add = [&](const QString &name, const QStringList &extra) {
        return cli(QStringList{u"profile"_s, u"add"_s, name, u"--endpoint"_s, server.baseUrl().toString(),
                               u"--app-key"_s, demo.appKey} + extra,
                   demo.appSecret.toUtf8() + '\n');
    };

    CliRun run = add(u"system-cas"_s, {});
    QCOMPARE(run.exitCode, int(ExitOk));
    run = cli({u"get"_s, id, u"--profile"_s, u"system-cas"_s});
    QVERIFY2(run.exitCode == ExitTransport, run.err.constData());
    QVERIFY2(run.err.contains("not trusted"), run.err.constData());

    run = add(u"private-ca"_s, {u"--ca-file"_s, tlsDir + u"/test-ca.pem"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    run = cli({u"get"_s, id, u"--profile"_s, u"private-ca"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY(run.out.contains(id.toUtf8()));

    run = add(u"key-as-ca"_s, {u"--ca-file"_s, tlsDir + u"/localhost.key"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("holds no certificate"), run.err.constData());
    QVERIFY(!cli({u"profile"_s, u"list"_s}).out.contains("key-as-ca"));
    QVERIFY(!m_cli->secrets().contains(u"key-as-ca"_s));
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_clicommands.moc"
