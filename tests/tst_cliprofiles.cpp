#include "CliExitCode.h"
#include "SandboxServer.h"
#include "profiles/ProfileStore.h"
#include "support/InProcessCli.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The profile commands of convdesk-cli, in this process (support/InProcessCli.h): add, list,
// remove, --replace, refused endpoints, keychain and settings failures, a damaged settings
// file, and which profile the other commands use.
class TestCliProfiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void profileAddListRemove();
    void profileAddRefusals_data();
    void profileAddRefusals();
    void keychainFailuresExitFive_data();
    void keychainFailuresExitFive();
    void profileChoice_data();
    void profileChoice();
    void existingNameNeedsReplace_data();
    void existingNameNeedsReplace();
    void replaceKeepsTheOldProfileWhenTheKeychainFails();
    void replaceKeepsTheOldSecretWhenTheSettingsCannotBeWritten_data();
    void replaceKeepsTheOldSecretWhenTheSettingsCannotBeWritten();
    void endpointWithCredentialsOrExtrasIsRefused_data();
    void endpointWithCredentialsOrExtrasIsRefused();
    void removeKeepsBothWhenTheKeychainFails();
    void removeKeepsBothWhenTheSettingsCannotBeWritten();
    void damagedSettingsFileIsNamedByEveryCommand_data();
    void damagedSettingsFileIsNamedByEveryCommand();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addSandboxProfile(const QString &name = u"sandbox"_s, const QString &secret = {});
    QByteArray settingsFileContent() const;

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    QString m_firstId;
};

void TestCliProfiles::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
}

void TestCliProfiles::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
}

void TestCliProfiles::addSandboxProfile(const QString &name, const QString &secret)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli({u"profile"_s, u"add"_s, name, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                            u"--app-key"_s, demo.appKey},
                           (secret.isEmpty() ? demo.appSecret : secret).toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

QByteArray TestCliProfiles::settingsFileContent() const
{
    m_cli->settings().sync();
    QFile file(m_cli->settingsPath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestCliProfiles::profileAddListRemove()
{
    CliRun run = cli({u"profile"_s, u"list"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("No profiles yet"));

    addSandboxProfile(u"first"_s);
    run = cli({u"profile"_s, u"add"_s, u"second"_s, u"--region"_s, u"overseas"_s, u"--app-key"_s, u"k2"_s},
              "secret-two\r\n");
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QVERIFY(run.err.contains("Profile \"second\" saved"));
    QCOMPARE(m_cli->secrets().count(), 2);
    QCOMPARE(m_cli->secrets().readBlocking(u"second"_s).secret, u"secret-two"_s); // line end dropped

    run = cli({u"profile"_s, u"list"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    const QByteArray expected = "first\t" + m_sandbox->baseUrl().toString().toUtf8() + "\t"
                                + SandboxServer::demoCredentials().appKey.toUtf8()
                                + "\nsecond\toverseas\tk2\t(default)\n";
    QCOMPARE(run.out, expected);

    run = cli({u"profile"_s, u"remove"_s, u"second"_s});
    QCOMPARE(run.exitCode, int(ExitOk));
    QVERIFY(run.err.contains("Profile \"second\" removed."));
    QVERIFY(!m_cli->secrets().contains(u"second"_s));
    QCOMPARE(ProfileStore(m_cli->settings()).names(), QStringList{u"first"_s});
    QCOMPARE(cli({u"profile"_s, u"remove"_s, u"second"_s}).exitCode, int(ExitUsage));
}


void TestCliProfiles::profileAddRefusals_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("no secret") << QStringList{u"--region"_s, u"mainland"_s, u"--app-key"_s, u"k"_s} << QByteArray()
                               << u"no AppSecret on standard input"_s;
    QTest::newRow("empty line") << QStringList{u"--region"_s, u"mainland"_s, u"--app-key"_s, u"k"_s}
                                << QByteArray("\n") << u"no AppSecret on standard input"_s;
    QTest::newRow("missing CA file")
        << QStringList{u"--endpoint"_s, u"https://im.example"_s, u"--app-key"_s, u"k"_s, u"--ca-file"_s,
                       u"/nonexistent/ca.pem"_s}
        << QByteArray("s\n") << u"ca.pem"_s;
}


void TestCliProfiles::profileAddRefusals()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    const CliRun run = cli(QStringList{u"profile"_s, u"add"_s, u"p"_s} + options, input);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(m_cli->secrets().count(), 0); // nothing at all is stored
    QVERIFY(ProfileStore(m_cli->settings()).names().isEmpty());
}


void TestCliProfiles::keychainFailuresExitFive_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("message");
    QTest::newRow("add") << u"add"_s << u"could not be stored in the keychain"_s;
    QTest::newRow("remove") << u"remove"_s << u"could not be removed from the keychain"_s;
    QTest::newRow("get") << u"get"_s << u"could not be read from the keychain"_s;
}


void TestCliProfiles::keychainFailuresExitFive()
{
    QFETCH(QString, operation);
    QFETCH(QString, message);
    if (operation != u"add")
        addSandboxProfile();
    m_cli->secrets().failNextOperation(SecretStatus::AccessDenied);
    const CliRun run = operation == u"add" ? cli({u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s,
                                                  u"--app-key"_s, u"k"_s},
                                                 "s\n")
                       : operation == u"remove" ? cli({u"profile"_s, u"remove"_s, u"sandbox"_s})
                                                : cli({u"get"_s, m_firstId});
    QCOMPARE(run.exitCode, int(ExitCredentials));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    // A failed add stores no profile; a failed remove keeps it.
    QCOMPARE(ProfileStore(m_cli->settings()).names().isEmpty(), operation == u"add");
    QCOMPARE(m_sandbox->requestCount(), 0);
}


void TestCliProfiles::profileChoice_data()
{
    QTest::addColumn<QStringList>("profiles"); // added in this order, the last is the last used
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no profile") << QStringList() << QStringList() << int(ExitCredentials) << u"profile add"_s;
    QTest::newRow("unknown profile") << QStringList{u"a"_s} << QStringList{u"--profile"_s, u"b"_s}
                                     << int(ExitCredentials) << u"no profile named \"b\""_s;
    QTest::newRow("the only one") << QStringList{u"a"_s} << QStringList() << int(ExitOk) << QString();
    QTest::newRow("the last used") << QStringList{u"a"_s, u"b"_s} << QStringList() << int(ExitOk) << QString();
    QTest::newRow("several, none used")
        << QStringList{u"a"_s, u"b"_s, u"-"_s} << QStringList() << int(ExitCredentials) << u"several profiles"_s;
    QTest::newRow("no secret")
        << QStringList{u"a"_s, u"!a"_s} << QStringList() << int(ExitCredentials) << u"no AppSecret for profile"_s;
}


void TestCliProfiles::profileChoice()
{
    QFETCH(QStringList, profiles);
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    for (const QString &name : std::as_const(profiles)) {
        if (name == u"-")
            ProfileStore(m_cli->settings()).setLastUsed({}); // forget which one was used
        else if (name.startsWith(u'!'))
            m_cli->secrets().removeBlocking(name.mid(1)); // the keychain lost it
        else
            addSandboxProfile(name);
    }
    const CliRun run = cli(QStringList{u"get"_s, m_firstId} + options);
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), exitCode == ExitOk ? 1 : 0);
}


void TestCliProfiles::existingNameNeedsReplace_data()
{
    QTest::addColumn<QString>("existing");
    QTest::addColumn<QString>("added");
    QTest::newRow("same name") << u"prod"_s << u"prod"_s;
    QTest::newRow("other case") << u"prod"_s << u"Prod"_s;
}

void TestCliProfiles::existingNameNeedsReplace()
{
    QFETCH(QString, existing);
    QFETCH(QString, added);
    addSandboxProfile(existing, u"old-secret"_s);
    const QStringList add{u"profile"_s, u"add"_s, added, u"--region"_s, u"overseas"_s, u"--app-key"_s, u"new-key"_s};

    CliRun run = cli(add, "new-secret\n");
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(u"a profile named \"%1\" already exists"_s.arg(existing)),
             run.err.constData());
    QVERIFY2(run.err.contains("--replace"), run.err.constData());
    QCOMPARE(m_cli->secrets().readBlocking(existing).secret, u"old-secret"_s);
    QCOMPARE(ProfileStore(m_cli->settings()).find(existing)->region, Region::Custom);

    run = cli(add + QStringList{u"--replace"_s}, "new-secret\n");
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    ProfileStore store(m_cli->settings());
    QCOMPARE(store.names(), QStringList{added});
    const std::optional<Profile> replaced = store.find(added);
    QVERIFY(replaced);
    QCOMPARE(replaced->region, Region::Overseas);
    QCOMPARE(replaced->appKey, u"new-key"_s);
    QVERIFY(replaced->baseUrl.isEmpty()); // nothing of the old settings is left
    QCOMPARE(m_cli->secrets().readBlocking(added).secret, u"new-secret"_s);
    QCOMPARE(m_cli->secrets().count(), 1);
    QVERIFY(!settingsFileContent().contains(m_sandbox->baseUrl().toString().toUtf8()));
}

void TestCliProfiles::replaceKeepsTheOldProfileWhenTheKeychainFails()
{
    addSandboxProfile(u"prod"_s, u"old-secret"_s);
    m_cli->secrets().failNextOperation(SecretStatus::AccessDenied);
    const CliRun run = cli({u"profile"_s, u"add"_s, u"prod"_s, u"--region"_s, u"overseas"_s, u"--app-key"_s,
                            u"new-key"_s, u"--replace"_s},
                           "new-secret\n");
    QCOMPARE(run.exitCode, int(ExitCredentials));
    QVERIFY2(run.err.contains("nothing was changed"), run.err.constData());
    QCOMPARE(m_cli->secrets().readBlocking(u"prod"_s).secret, u"old-secret"_s);
    QCOMPARE(ProfileStore(m_cli->settings()).find(u"prod"_s)->appKey, SandboxServer::demoCredentials().appKey);
}

void TestCliProfiles::replaceKeepsTheOldSecretWhenTheSettingsCannotBeWritten_data()
{
    QTest::addColumn<QString>("added");
    QTest::newRow("same name") << u"prod"_s;
    QTest::newRow("other case") << u"PROD"_s;
}

void TestCliProfiles::replaceKeepsTheOldSecretWhenTheSettingsCannotBeWritten()
{
    QFETCH(QString, added);
    addSandboxProfile(u"prod"_s, u"old-secret"_s);
    // A folder where the settings file was: the next write cannot replace it (even as root).
    QVERIFY(QFile::remove(m_cli->settingsPath()));
    QVERIFY(QDir().mkdir(m_cli->settingsPath()));
    const CliRun run = cli({u"profile"_s, u"add"_s, added, u"--region"_s, u"overseas"_s, u"--app-key"_s,
                            u"new-key"_s, u"--replace"_s},
                           "new-secret\n");
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("nothing was changed"), run.err.constData());
    QCOMPARE(m_cli->secrets().readBlocking(u"prod"_s).secret, u"old-secret"_s);
    QCOMPARE(m_cli->secrets().count(), 1);
}

void TestCliProfiles::endpointWithCredentialsOrExtrasIsRefused_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("user and password") << u"--endpoint"_s << u"https://support:hunter2@im.example"_s
                                       << u"user name or password"_s;
    QTest::newRow("user only") << u"--endpoint"_s << u"https://hunter2@im.example"_s << u"user name or password"_s;
    QTest::newRow("query") << u"--endpoint"_s << u"https://im.example/?hunter2=1"_s << u"contains a query"_s;
    QTest::newRow("fragment") << u"--endpoint"_s << u"https://im.example/#hunter2"_s << u"contains a fragment"_s;
    QTest::newRow("backup with password") << u"--backup-endpoint"_s << u"https://u:hunter2@bak.example"_s
                                          << u"Backup URL"_s;
    QTest::newRow("backup with query") << u"--backup-endpoint"_s << u"https://bak.example/?k=hunter2"_s
                                       << u"contains a query"_s;
}

void TestCliProfiles::endpointWithCredentialsOrExtrasIsRefused()
{
    QFETCH(QString, option);
    QFETCH(QString, url);
    QFETCH(QString, message);
    QStringList arguments{u"profile"_s, u"add"_s, u"p"_s, u"--app-key"_s, u"k"_s};
    if (option == u"--backup-endpoint")
        arguments << u"--endpoint"_s << u"https://im.example"_s;
    arguments << option << url;
    const CliRun run = cli(arguments, "s\n");
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY2(!run.err.contains("hunter2"), run.err.constData()); // never repeated
    QVERIFY(ProfileStore(m_cli->settings()).names().isEmpty());
    QCOMPARE(m_cli->secrets().count(), 0);
    QVERIFY(!settingsFileContent().contains("hunter2"));
}

void TestCliProfiles::removeKeepsBothWhenTheKeychainFails()
{
    addSandboxProfile(u"prod"_s);
    addSandboxProfile(u"other"_s);
    QCOMPARE(ProfileStore(m_cli->settings()).lastUsed(), u"other"_s);
    QVERIFY(cli({u"get"_s, m_firstId, u"--profile"_s, u"prod"_s}).exitCode == ExitOk); // prod is the last used
    m_cli->secrets().failNextOperation(SecretStatus::Failed);
    const CliRun run = cli({u"profile"_s, u"remove"_s, u"prod"_s});
    QCOMPARE(run.exitCode, int(ExitCredentials));
    QVERIFY2(run.err.contains("could not be removed from the keychain"), run.err.constData());
    QVERIFY2(run.err.contains("nothing was removed"), run.err.constData());
    const ProfileStore store(m_cli->settings());
    QVERIFY(store.find(u"prod"_s));
    QCOMPARE(store.lastUsed(), u"prod"_s);
    QVERIFY(m_cli->secrets().contains(u"prod"_s));
    // The settings on disk hold the profile too, not only the QSettings cache.
    QVERIFY(settingsFileContent().contains("prod"));
}

void TestCliProfiles::removeKeepsBothWhenTheSettingsCannotBeWritten()
{
    addSandboxProfile(u"prod"_s);
    // A folder where the settings file was: the next write cannot replace it (even as root).
    QVERIFY(QFile::remove(m_cli->settingsPath()));
    QVERIFY(QDir().mkdir(m_cli->settingsPath()));
    const CliRun run = cli({u"profile"_s, u"remove"_s, u"prod"_s});
    QCOMPARE(run.exitCode, int(ExitCredentials));
    QVERIFY2(run.err.contains("nothing was removed"), run.err.constData());
    QVERIFY2(run.err.contains(m_cli->settingsPath().toUtf8()), run.err.constData());
    QVERIFY(m_cli->secrets().contains(u"prod"_s));
}

void TestCliProfiles::damagedSettingsFileIsNamedByEveryCommand_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("detail");
    const QByteArray unparsable("[profiles\0/x\nregion=1\n", 22);
    const QByteArray noAppKey("[profiles]\nbroken\\region=mainland\n");
    const QByteArray customWithoutUrl("[profiles]\nbroken\\region=custom\nbroken\\appKey=k\n");
    const QByteArray unknownRegion("[profiles]\nbroken\\region=mars\nbroken\\appKey=k\n");
    const QStringList list{u"profile"_s, u"list"_s};
    const QStringList get{u"get"_s, u"a|1|b"_s};
    QTest::newRow("unparsable, profile list") << unparsable << list << u"is damaged"_s;
    QTest::newRow("unparsable, get") << unparsable << get << u"is damaged"_s;
    QTest::newRow("unparsable, list") << unparsable << QStringList{u"list"_s, u"acc1"_s} << u"is damaged"_s;
    QTest::newRow("unparsable, set-extension")
        << unparsable << QStringList{u"set-extension"_s, u"a|1|b"_s, u"--value"_s, u"x"_s} << u"is damaged"_s;
    QTest::newRow("unparsable, history") << unparsable << QStringList{u"history"_s} << u"is damaged"_s;
    QTest::newRow("unparsable, profile add")
        << unparsable << QStringList{u"profile"_s, u"add"_s, u"p"_s, u"--region"_s, u"mainland"_s} << u"is damaged"_s;
    QTest::newRow("unparsable, profile remove")
        << unparsable << QStringList{u"profile"_s, u"remove"_s, u"p"_s} << u"is damaged"_s;
    QTest::newRow("no AppKey, profile list") << noAppKey << list << u"\"broken\" cannot be used because it has no AppKey"_s;
    QTest::newRow("no AppKey, get") << noAppKey << get << u"\"broken\" cannot be used because it has no AppKey"_s;
    QTest::newRow("no AppKey, get --profile")
        << noAppKey << QStringList{u"get"_s, u"a|1|b"_s, u"--profile"_s, u"broken"_s} << u"has no AppKey"_s;
    QTest::newRow("custom without URL") << customWithoutUrl << get << u"has no base URL"_s;
    QTest::newRow("unknown region") << unknownRegion << get << u"its region \"mars\" is unknown"_s;
}

void TestCliProfiles::damagedSettingsFileIsNamedByEveryCommand()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, arguments);
    QFETCH(QString, detail);
    m_cli->replaceSettingsFile(content);
    const CliRun run = cli(arguments);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"The settings file %1 is damaged"_s.arg(m_cli->settingsPath())), run.err.constData());
    QVERIFY2(err.contains(detail), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cliprofiles.moc"
