#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"
#include "support/InProcessCli.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// convdesk-cli set-extension runs in this process (support/InProcessCli.h) against
// the in-process sandbox, with the audit log in a temporary folder.
class TestCliSetExtension : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void valueSources_data();
    void valueSources();
    void sourceUsageErrors_data();
    void sourceUsageErrors();
    void textThatIsNotUtf8IsRefused_data();
    void textThatIsNotUtf8IsRefused();
    void expectedValueMismatchExitsSix_data();
    void expectedValueMismatchExitsSix();
    void expectedValueMatchingSaves_data();
    void expectedValueMatchingSaves();
    void everyAttemptIsAudited_data();
    void everyAttemptIsAudited();
    void unwritableAuditLogRefusesSave();
    void reasonIsRecorded();
    void requiredReasonMissingExitsTwoBeforeSending_data();
    void requiredReasonMissingExitsTwoBeforeSending();
    void requiredReasonGivenSaves();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addSandboxProfile(const QString &name = u"sandbox"_s, const QStringList &extra = {});
    QString writeFile(const QString &name, const QByteArray &bytes);
    QString serverValue() const;
    QList<AuditRecord> auditRecords() const;

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    std::unique_ptr<QTemporaryDir> m_files;
    QString m_firstId;
};

void TestCliSetExtension::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    addSandboxProfile();
}

void TestCliSetExtension::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
    m_files.reset();
}

void TestCliSetExtension::addSandboxProfile(const QString &name, const QStringList &extra)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli(QStringList{u"profile"_s, u"add"_s, name, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                                       u"--app-key"_s, demo.appKey}
                               + extra,
                           demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

QString TestCliSetExtension::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_files->filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QString TestCliSetExtension::serverValue() const
{
    return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_firstId));
}

QList<AuditRecord> TestCliSetExtension::auditRecords() const
{
    QStringList warnings;
    const QList<AuditRecord> lines = AuditLog(m_cli->auditLogPath()).readAll(&warnings);
    [&] { QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n'))); }();
    return AuditJoin::attempts(lines); // one row per save attempt, as the History shows them
}

void TestCliSetExtension::valueSources_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("value") << u"value"_s;
    QTest::newRow("file") << u"file"_s;
    QTest::newRow("stdin") << u"stdin"_s;
}

void TestCliSetExtension::valueSources()
{
    QFETCH(QString, source);
    const QString value = u"{\"source\":\"%1\",\"note\":\"多行\\n文本\"}"_s.arg(source);
    QStringList arguments{u"set-extension"_s, m_firstId};
    QByteArray input;
    if (source == u"value")
        arguments << u"--value"_s << value;
    else if (source == u"file")
        arguments << u"--file"_s << writeFile(u"ext.json"_s, value.toUtf8());
    else
        arguments << u"--stdin"_s;
    if (source == u"stdin")
        input = value.toUtf8();
    const CliRun run = cli(arguments, input);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), value);
    // The saved conversation is printed, as get prints it.
    const auto printed = Json::parse(run.out);
    QVERIFY(printed);
    QCOMPARE(QString::fromStdString((*printed)["server_extension"].get<std::string>()), value);
}

void TestCliSetExtension::sourceUsageErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    QTest::newRow("no value source") << QStringList() << u"exactly one of --value TEXT, --file PATH or --stdin"_s;
    QTest::newRow("two value sources") << QStringList{u"--value"_s, u"x"_s, u"--stdin"_s} << u"exactly one of"_s;
    QTest::newRow("too long") << QStringList{u"--value"_s, QString(1025, u'x')} << u"at most 1024"_s;
    QTest::newRow("both expectations")
        << QStringList{u"--value"_s, u"x"_s, u"--expect-current"_s, u"a"_s, u"--expect-file"_s, u"f"_s}
        << u"at most one of --expect-current TEXT or --expect-file PATH"_s;
    QTest::newRow("missing value file") << QStringList{u"--file"_s, u"FILES/no-such-file"_s} << u"no-such-file"_s;
    QTest::newRow("missing expected file")
        << QStringList{u"--value"_s, u"x"_s, u"--expect-file"_s, u"FILES/no-such-file"_s} << u"no-such-file"_s;
    QTest::newRow("missing option value") << QStringList{u"--value"_s} << u"Missing value after '--value'"_s;
    QTest::newRow("option of list") << QStringList{u"--value"_s, u"x"_s, u"--limit"_s, u"2"_s}
                                    << u"unknown option --limit for \"set-extension\""_s;
}

void TestCliSetExtension::sourceUsageErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    options.replaceInStrings(u"FILES"_s, m_files->path());
    const QString before = serverValue();
    const int requests = m_sandbox->requestCount();
    const CliRun run = cli(QStringList{u"set-extension"_s, m_firstId} + options);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    QVERIFY(run.err.contains("Run \"convdesk-cli set-extension --help\" for usage."));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_sandbox->requestCount(), requests);
    QCOMPARE(serverValue(), before);
    QVERIFY(auditRecords().isEmpty()); // refused before any attempt
}

void TestCliSetExtension::textThatIsNotUtf8IsRefused_data()
{
    QTest::addColumn<QString>("source"); // which input carries the bytes
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray latin1("{\"note\":\"caf\xe9\"}"); // é in Latin-1, as an old editor saves it
    const QByteArray gbk("{\"note\":\"\xc4\xe3\xba\xc3\"}"); // 你好 in GBK
    QTest::newRow("--file, Latin-1") << u"file"_s << latin1;
    QTest::newRow("--stdin, GBK") << u"stdin"_s << gbk;
    QTest::newRow("--expect-file, cut UTF-8 sequence") << u"expect-file"_s << QByteArray("caf\xc3");
}

void TestCliSetExtension::textThatIsNotUtf8IsRefused()
{
    QFETCH(QString, source);
    QFETCH(QByteArray, bytes);
    const QString path = writeFile(u"value.json"_s, bytes);
    QStringList arguments{u"set-extension"_s, m_firstId};
    QByteArray input;
    if (source == u"file") {
        arguments << u"--file"_s << path;
    } else if (source == u"stdin") {
        arguments << u"--stdin"_s;
        input = bytes;
    } else {
        arguments << u"--value"_s << u"new"_s << u"--expect-file"_s << path;
    }
    const QString before = serverValue();
    const int requests = m_sandbox->requestCount();

    const CliRun run = cli(arguments, input);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("is not UTF-8 text"), run.err.constData());
    QVERIFY2(run.err.contains(source == u"stdin" ? QByteArray("standard input") : path.toUtf8()), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), requests); // refused before anything was sent
    QCOMPARE(serverValue(), before);
}

void TestCliSetExtension::expectedValueMismatchExitsSix_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("--expect-current") << u"current"_s;
    QTest::newRow("--expect-file") << u"file"_s;
}

void TestCliSetExtension::expectedValueMismatchExitsSix()
{
    QFETCH(QString, how);
    const QString loaded = serverValue();
    const QString colleagues = u"{\"by\":\"colleague\",\"备注\":\"别动\"}"_s;
    // A colleague saves between our look and our write.
    QVERIFY(m_sandbox->setServerExtension(m_firstId, colleagues));
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);

    QStringList arguments{u"set-extension"_s, m_firstId, u"--value"_s, u"mine"_s};
    if (how == u"current")
        arguments << u"--expect-current"_s << loaded;
    else
        arguments << u"--expect-file"_s << writeFile(u"expected.txt"_s, loaded.toUtf8());
    const CliRun run = cli(arguments);
    QCOMPARE(run.exitCode, int(ExitConflict));
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"Nothing was written"_s), run.err.constData());
    QVERIFY2(err.contains(u"Expected:\n"_s + loaded + u"\nOn the server now:\n"_s + colleagues), run.err.constData());
    QVERIFY(err.contains(u"To write anyway"_s));
    QVERIFY(err.contains(u"trace id"_s));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(serverValue(), colleagues);
    QVERIFY(!handled.isEmpty());
    for (const QList<QVariant> &request : std::as_const(handled))
        QCOMPARE(request.at(0).toByteArray(), QByteArray("GET")); // only the re-read

    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Conflict);
    QCOMPARE(records.first().expected, std::optional<QString>(loaded));
    QCOMPARE(records.first().valueBefore, std::optional<QString>(colleagues));
    QCOMPARE(records.first().valueSent, u"mine"_s);
    QCOMPARE(records.first().source, u"cli"_s);
}

void TestCliSetExtension::expectedValueMatchingSaves_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("--expect-current") << u"current"_s;
    QTest::newRow("--expect-file") << u"file"_s;
    QTest::newRow("--expect-current \"\" on a missing server_extension") << u"missing"_s;
}

void TestCliSetExtension::expectedValueMatchingSaves()
{
    QFETCH(QString, how);
    if (how == u"missing") {
        OrderedJson bare = *m_sandbox->conversation(m_firstId);
        bare.erase("server_extension");
        m_sandbox->putConversation(bare);
    }
    const QString loaded = serverValue();
    QStringList arguments{u"set-extension"_s, m_firstId, u"--value"_s, u"{\"guarded\":true}"_s};
    if (how == u"file")
        arguments << u"--expect-file"_s << writeFile(u"expected.txt"_s, loaded.toUtf8());
    else
        arguments << u"--expect-current"_s << loaded;
    const CliRun run = cli(arguments);
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), u"{\"guarded\":true}"_s);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().outcome(), AuditRecord::Outcome::Success);
    QCOMPARE(records.first().expected, std::optional<QString>(loaded));
}

void TestCliSetExtension::everyAttemptIsAudited_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QString>("stage");
    QTest::newRow("success") << QString() << int(ExitOk) << u"success"_s << u"none"_s << u"write"_s;
    QTest::newRow("business") << u"ratelimit"_s << int(ExitBusiness) << u"failure"_s << u"business"_s
                              << u"reread"_s;
    QTest::newRow("transport") << u"malformed"_s << int(ExitTransport) << u"failure"_s
                               << u"malformed-response"_s << u"reread"_s;
    QTest::newRow("conflict") << u"conflict"_s << int(ExitConflict) << u"conflict"_s << u"conflict"_s
                              << u"reread"_s;
}

void TestCliSetExtension::everyAttemptIsAudited()
{
    QFETCH(QString, fault);
    QFETCH(int, exitCode);
    QFETCH(QString, outcome);
    QFETCH(QString, errorKind);
    QFETCH(QString, stage);
    const QString before = serverValue();
    if (fault == u"ratelimit")
        m_sandbox->setRateLimited(true);
    else if (fault == u"malformed")
        m_sandbox->setMalformedNext(1);
    const QString expected = fault == u"conflict" ? u"not what the server has"_s : before;
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"audited, \"quoted\"\n多行"_s,
                            u"--expect-current"_s, expected});
    QVERIFY2(run.exitCode == exitCode, run.err.constData());
    if (exitCode != ExitOk)
        QCOMPARE(serverValue(), before);
    if (fault == u"ratelimit" || fault == u"malformed")
        QVERIFY2(run.err.contains("could not be read just before writing"), run.err.constData());

    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    const AuditRecord &record = records.first();
    QCOMPARE(AuditRecord::outcomeKey(record.outcome()), outcome);
    QCOMPARE(record.errorKind, errorKind);
    QCOMPARE(record.stage, stage);
    QCOMPARE(record.profile, u"sandbox"_s);
    QCOMPARE(record.appKey, SandboxServer::demoCredentials().appKey);
    QCOMPARE(record.conversationId, m_firstId);
    QCOMPARE(record.valueSent, u"audited, \"quoted\"\n多行"_s);
    QCOMPARE(record.osUser, AuditRecord::currentOsUser());
    QVERIFY(!record.traceId.isEmpty());
    if (fault == u"ratelimit")
        QCOMPARE(record.code, 416);
    QVERIFY(record.time.secsTo(QDateTime::currentDateTimeUtc()) < 3600);
    // The trace id the user saw on stderr is the one recorded.
    if (exitCode != ExitOk)
        QVERIFY2(run.err.contains(record.traceId.toUtf8()), run.err.constData());
}

void TestCliSetExtension::unwritableAuditLogRefusesSave()
{
    const int before = m_sandbox->requestCount();
    // The log's folder lies below a regular file: no one, root included, can create it.
    const QString blocker = writeFile(u"not-a-folder"_s, "x");
    m_cli->setAuditLogPath(blocker + u"/audit.jsonl"_s);
    const QString valueBefore = serverValue();
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"unrecorded"_s});
    QCOMPARE(run.exitCode, int(ExitAuditLog));
    QVERIFY2(run.err.contains("audit log"), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), before); // nothing sent, not even the re-read
    QCOMPARE(serverValue(), valueBefore);
}

void TestCliSetExtension::reasonIsRecorded()
{
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--value"_s, u"{\"vip\":true}"_s, u"--reason"_s,
                            u" CS-42 客户要求 "_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().reason, u"CS-42 客户要求"_s);

    const CliRun history = cli({u"history"_s});
    QCOMPARE(history.exitCode, int(ExitOk));
    const QString table = QString::fromUtf8(history.out);
    QVERIFY2(table.section(u'\n', 0, 0).endsWith(u"\tREASON"_s), qPrintable(table));
    QVERIFY2(table.section(u'\n', 1, 1).endsWith(u"\tCS-42 客户要求"_s), qPrintable(table));
    const CliRun json = cli({u"history"_s, u"--format"_s, u"json"_s});
    const auto parsed = Json::parse(json.out);
    QVERIFY(parsed && parsed->is_array() && parsed->size() == 1);
    QCOMPARE(Json::toQString((*parsed)[0]["reason"].get<std::string>()), u"CS-42 客户要求"_s);
    const CliRun csv = cli({u"history"_s, u"--format"_s, u"csv"_s});
    QVERIFY(csv.out.startsWith("time,") && csv.out.contains(",reason,revert_of\r\n"));
    QVERIFY(QString::fromUtf8(csv.out).contains(u",CS-42 客户要求,\r\n"_s));
}

void TestCliSetExtension::requiredReasonMissingExitsTwoBeforeSending_data()
{
    QTest::addColumn<QStringList>("reasonArguments");
    QTest::newRow("no --reason") << QStringList();
    QTest::newRow("blank --reason") << QStringList{u"--reason"_s, u"   "_s};
}

void TestCliSetExtension::requiredReasonMissingExitsTwoBeforeSending()
{
    QFETCH(QStringList, reasonArguments);
    addSandboxProfile(u"strict"_s, {u"--require-reason"_s});
    const QString before = serverValue();
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = cli(QStringList{u"set-extension"_s, m_firstId, u"--profile"_s, u"strict"_s, u"--value"_s,
                                       u"x"_s}
                           + reasonArguments);
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains("requires a reason for every save") && run.err.contains("--reason"),
             run.err.constData());
    QCOMPARE(handled.count(), 0); // nothing was sent, not even a read
    QCOMPARE(serverValue(), before);
    QVERIFY(auditRecords().isEmpty());
}

void TestCliSetExtension::requiredReasonGivenSaves()
{
    addSandboxProfile(u"strict"_s, {u"--require-reason"_s});
    const CliRun list = cli({u"profile"_s, u"list"_s});
    QVERIFY2(list.out.contains("strict\t") && list.out.contains("(reason required)"), list.out.constData());
    QVERIFY(m_sandbox->setServerExtension(m_firstId, u"{\"a\":1}"_s));
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"strict"_s, u"--set"_s, u"vip=true"_s,
                            u"--reason"_s, u"CS-7"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(auditRecords().value(0).reason, u"CS-7"_s);
    QCOMPARE(auditRecords().value(0).profile, u"strict"_s);
}

QTEST_GUILESS_MAIN(TestCliSetExtension)
#include "tst_clisetextension.moc"
