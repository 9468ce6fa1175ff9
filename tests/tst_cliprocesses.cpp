#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"
#include "support/CliRun.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include <csignal>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli processes that die mid-save or race each other, against the in-process sandbox
// and the real keychain (run under scripts/with-test-keyring.sh). Each test has a HOME of its
// own, so its settings and audit log are its own; the keychain entry's name is unique too.
class TestCliProcesses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void killedMidSaveIsFinishedByTheNextSave();
    void twoGuardedWritersNeverBothWin();
    void fullDiskRefusesTheSaveBeforeSending_data();
    void fullDiskRefusesTheSaveBeforeSending();

private:
    QProcessEnvironment environment() const;
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) const;
    QProcess *startCli(const QStringList &arguments) const;
    QString serverValue() const { return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_id)); }
    QString auditPath() const { return m_home->filePath(u"data/ConversationDesk/convdesk/audit.jsonl"_s); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<SandboxServer> m_sandbox;
    QString m_profile;
    QString m_id;
};

void TestCliProcesses::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("CONVDESK_TEST_HOME"))
        QSKIP("Needs a Secret Service: run under scripts/with-test-keyring.sh (scripts/test.sh does).");
}

void TestCliProcesses::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_id = m_sandbox->conversationIds().value(0);
    m_profile = u"processes-%1"_s.arg(QCoreApplication::applicationPid());
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun add = cli({u"profile"_s, u"add"_s, m_profile, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                            u"--app-key"_s, demo.appKey},
                           demo.appSecret.toUtf8() + '\n');
    QVERIFY2(add.exitCode == ExitOk, add.err.constData());
}

void TestCliProcesses::cleanup()
{
    cli({u"profile"_s, u"remove"_s, m_profile});
    m_sandbox.reset();
    m_home.reset();
}

QProcessEnvironment TestCliProcesses::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, m_home->path());
    environment.insert(u"XDG_CONFIG_HOME"_s, m_home->filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, m_home->filePath(u"data"_s));
    return environment;
}

CliRun TestCliProcesses::cli(const QStringList &arguments, const QByteArray &input) const
{
    return CliRun::execute(QStringLiteral(CONVDESK_CLI_PATH), arguments, input, environment());
}

QProcess *TestCliProcesses::startCli(const QStringList &arguments) const
{
    auto *process = new QProcess;
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(CONVDESK_CLI_PATH), arguments);
    process->closeWriteChannel();
    return process;
}

void TestCliProcesses::killedMidSaveIsFinishedByTheNextSave()
{
    // The server applies the PATCH and never answers; the process is killed while it waits.
    m_sandbox->setNextWriteFault(SandboxWriteFault::ApplyThenHang);
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    std::unique_ptr<QProcess> save(startCli({u"set-extension"_s, m_id, u"--value"_s, u"sent before the kill"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(handled.cbegin(), handled.cend(),
                                         [](const QList<QVariant> &call) { return call.at(0).toByteArray() == "PATCH"; }),
                             20000);
    ::kill(pid_t(save->processId()), SIGKILL);
    QVERIFY(save->waitForFinished(10000));
    QCOMPARE(save->exitStatus(), QProcess::CrashExit);
    QCOMPARE(serverValue(), u"sent before the kill"_s);

    // The attempt is on record, its outcome unknown.
    QList<AuditRecord> rows = AuditJoin::attempts(AuditLog(auditPath()).readAll());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().phase, AuditRecord::Phase::Attempt);
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Unknown);
    const CliRun history = cli({u"history"_s, u"--outcome"_s, u"unknown"_s, u"--format"_s, u"csv"_s});
    QVERIFY2(history.exitCode == ExitOk, history.err.constData());
    QVERIFY2(history.out.contains("sent before the kill"), history.out.constData());

    // The next save finds it, checks the server, and records what happened first.
    const CliRun next = cli({u"set-extension"_s, m_id, u"--value"_s, u"the next save"_s});
    QVERIFY2(next.exitCode == ExitOk, next.err.constData());
    QVERIFY2(next.err.contains("was interrupted") && next.err.contains("checked now: applied"), next.err.constData());
    QCOMPARE(serverValue(), u"the next save"_s);
    rows = AuditJoin::attempts(AuditLog(auditPath()).readAll());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(rows.at(0).verifiedBy, AuditRecord::VerifiedByReconcile);
    QCOMPARE(rows.at(1).outcome(), AuditRecord::Outcome::Success);
}

void TestCliProcesses::twoGuardedWritersNeverBothWin()
{
    // Both start from the same value with --expect-current; on one machine the save lock
    // makes the second see the first's value: exactly one is told "saved".
    m_sandbox->setResponseDelayMs(40); // widens the window between the guard and the write
    constexpr int Rounds = 5;
    for (int round = 0; round < Rounds; ++round) {
        const QString base = u"base %1"_s.arg(round);
        QVERIFY(m_sandbox->setServerExtension(m_id, base));
        const QString first = u"first %1"_s.arg(round);
        const QString second = u"second %1"_s.arg(round);
        std::unique_ptr<QProcess> a(startCli({u"set-extension"_s, m_id, u"--value"_s, first, u"--expect-current"_s, base}));
        std::unique_ptr<QProcess> b(startCli({u"set-extension"_s, m_id, u"--value"_s, second, u"--expect-current"_s, base}));
        QSignalSpy aDone(a.get(), &QProcess::finished);
        QSignalSpy bDone(b.get(), &QProcess::finished);
        QTRY_VERIFY_WITH_TIMEOUT(aDone.count() == 1 && bDone.count() == 1, 30000);
        QList<int> codes{a->exitCode(), b->exitCode()};
        std::sort(codes.begin(), codes.end());
        QVERIFY2(codes == (QList<int>{ExitOk, ExitConflict}),
                 qPrintable(u"round %1: exit codes %2 and %3\n%4\n%5"_s.arg(round).arg(a->exitCode()).arg(b->exitCode())
                                .arg(QString::fromUtf8(a->readAllStandardError()), QString::fromUtf8(b->readAllStandardError()))));
        const QString winner = a->exitCode() == ExitOk ? first : second;
        QCOMPARE(serverValue(), winner);
    }
    // Every attempt is on record: one success and one conflict per round.
    const QList<AuditRecord> rows = AuditJoin::attempts(AuditLog(auditPath()).readAll());
    QCOMPARE(rows.size(), 2 * Rounds);
    QCOMPARE(std::count_if(rows.cbegin(), rows.cend(),
                           [](const AuditRecord &row) { return row.outcome() == AuditRecord::Outcome::Success; }),
             qsizetype(Rounds));
}

void TestCliProcesses::fullDiskRefusesTheSaveBeforeSending_data()
{
    QTest::addColumn<int>("fillerBytes");
    QTest::newRow("full") << 65536;              // not even the save lock fits
    QTest::newRow("one page left") << 61440;     // the lock fits, the attempt line does not
}

void TestCliProcesses::fullDiskRefusesTheSaveBeforeSending()
{
    QFETCH(int, fillerBytes);
    // The data folder on a full 64 KiB tmpfs, in a private user and mount namespace (no
    // privileges needed; the tmpfs vanishes with the process).
    const QString unshare = QStandardPaths::findExecutable(u"unshare"_s);
    if (unshare.isEmpty())
        QSKIP("unshare (util-linux) is not installed.");
    const QString data = m_home->filePath(u"full-data"_s);
    QVERIFY(QDir().mkpath(data));
    QProcessEnvironment environment = this->environment();
    environment.insert(u"XDG_DATA_HOME"_s, data);
    const QString before = serverValue();
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = CliRun::execute(
        unshare,
        {u"--user"_s, u"--map-root-user"_s, u"--mount"_s, u"--"_s, u"sh"_s, u"-c"_s,
         u"mount -t tmpfs -o size=64k convdesk-full \"$0\" || exit 77; "
         "head -c \"$3\" /dev/zero > \"$0/filler\" 2>/dev/null; "
         "exec \"$1\" set-extension \"$2\" --value 'never sent'"_s,
         data, QStringLiteral(CONVDESK_CLI_PATH), m_id, QString::number(fillerBytes)},
        {}, environment);
    if (run.exitCode == 77 || run.err.contains("unshare failed"))
        QSKIP(qPrintable(u"This system refuses a private tmpfs: "_s + QString::fromUtf8(run.err)));
    if (run.exitCode == ExitCredentials)
        QSKIP(qPrintable(u"The keychain is not reachable from a user namespace here: "_s + QString::fromUtf8(run.err)));
    QVERIFY2(run.exitCode == ExitAuditLog, run.err.constData());
    QVERIFY2(run.err.contains("nothing was sent"), run.err.constData());
    QVERIFY2(run.err.toLower().contains("no space left on"), run.err.constData());
    QCOMPARE(serverValue(), before);
    QVERIFY(std::none_of(handled.cbegin(), handled.cend(),
                         [](const QList<QVariant> &call) { return call.at(0).toByteArray() == "PATCH"; }));
}

QTEST_GUILESS_MAIN(TestCliProcesses)
#include "tst_cliprocesses.moc"
