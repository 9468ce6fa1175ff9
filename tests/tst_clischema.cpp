#include "CliExitCode.h"
#include "SandboxServer.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "session/GuardedSave.h"
#include "support/InProcessCli.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QByteArray TeamSchema = R"({
  "type": "object",
  "properties": {
    "priority": {"enum": ["low", "normal", "high", "urgent"]},
    "ticket": {"type": "string", "pattern": "^T-\\d{8}-\\d{4}$"}
  }
})";

const QByteArray PriorityError = R"(/priority: must be one of: "low", "normal", "high", "urgent")";

} // namespace

// The team's schema in convdesk-cli, in this process (support/InProcessCli.h), against the
// in-process sandbox: profile add --extension-schema, set-extension's check, check-extension.
class TestCliSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void profileAddStoresAbsoluteSchemaPath();
    void profileAddRefusesBadSchema_data();
    void profileAddRefusesBadSchema();
    void failingValueIsNotSent_data();
    void failingValueIsNotSent();
    void passingValueIsAuditedAsPassed();
    void noSchemaCheckSendsAndAuditsSkipped();
    void unreadableSchemaStopsBeforeAnyRequest();
    void keyEditsAreCheckedBeforeTheWrite();
    void checkExtension_data();
    void checkExtension();

private:
    CliRun cli(const QStringList &arguments, const QByteArray &input = {}) { return m_cli->run(arguments, input); }
    void addProfile(const QString &name, const QStringList &extra);
    QString writeFile(const QString &name, const QByteArray &bytes);
    QString serverValue() const { return GuardedSave::serverExtensionOf(*m_sandbox->conversation(m_firstId)); }
    QList<AuditRecord> auditRecords() const;

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<InProcessCli> m_cli;
    std::unique_ptr<QTemporaryDir> m_files;
    QString m_firstId;
    QString m_schemaPath;
};

void TestCliSchema::init()
{
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY(m_sandbox->listen());
    m_firstId = m_sandbox->conversationIds().value(0);
    m_cli = std::make_unique<InProcessCli>();
    m_files = std::make_unique<QTemporaryDir>();
    QVERIFY(m_files->isValid());
    m_schemaPath = writeFile(u"team.schema.json"_s, TeamSchema);
    addProfile(u"team"_s, {u"--extension-schema"_s, m_schemaPath});
}

void TestCliSchema::cleanup()
{
    m_cli.reset();
    m_sandbox.reset();
    m_files.reset();
}

void TestCliSchema::addProfile(const QString &name, const QStringList &extra)
{
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli(QStringList{u"profile"_s, u"add"_s, name, u"--endpoint"_s,
                                       m_sandbox->baseUrl().toString(), u"--app-key"_s, demo.appKey}
                               + extra,
                           demo.appSecret.toUtf8() + '\n');
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
}

QString TestCliSchema::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_files->filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QList<AuditRecord> TestCliSchema::auditRecords() const
{
    QStringList warnings;
    const QList<AuditRecord> lines = AuditLog(m_cli->auditLogPath()).readAll(&warnings);
    [&] { QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n'))); }();
    return AuditJoin::attempts(lines);
}

void TestCliSchema::profileAddStoresAbsoluteSchemaPath()
{
    // A relative path is stored as the absolute one, so the CLI finds it from any folder.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_files->path()));
    addProfile(u"relative"_s, {u"--extension-schema"_s, u"team.schema.json"_s});
    QVERIFY(QDir::setCurrent(previous));
    QCOMPARE(m_cli->settings().value(u"profiles/relative/extensionSchema"_s).toString(), m_schemaPath);
    const CliRun list = cli({u"profile"_s, u"list"_s});
    QCOMPARE(list.exitCode, int(ExitOk));
    QVERIFY2(list.out.contains(u"(schema: %1)"_s.arg(m_schemaPath).toUtf8()), list.out.constData());
}

void TestCliSchema::profileAddRefusesBadSchema_data()
{
    QTest::addColumn<QByteArray>("schemaText"); // empty: the file does not exist
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("missing") << QByteArray() << "does not exist"_ba;
    QTest::newRow("not JSON") << "{\"type\": \n}"_ba << "is not JSON: line 2, column 1"_ba;
    QTest::newRow("bad keyword") << R"({"properties": {"p": {"minLength": -1}}})"_ba
                                 << "/properties/p/minLength: must be at least 0"_ba;
}

void TestCliSchema::profileAddRefusesBadSchema()
{
    QFETCH(QByteArray, schemaText);
    QFETCH(QByteArray, expected);
    const QString path = schemaText.isEmpty() ? m_files->filePath(u"nowhere.json"_s)
                                              : writeFile(u"bad.json"_s, schemaText);
    const Credentials demo = SandboxServer::demoCredentials();
    const CliRun run = cli({u"profile"_s, u"add"_s, u"bad"_s, u"--endpoint"_s, m_sandbox->baseUrl().toString(),
                            u"--app-key"_s, demo.appKey, u"--extension-schema"_s, path},
                           demo.appSecret.toUtf8() + '\n');
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains(expected) && run.err.contains(path.toUtf8()), run.err.constData());
    QVERIFY(!m_cli->settings().contains(u"profiles/bad/appKey"_s));
}

void TestCliSchema::failingValueIsNotSent_data()
{
    QTest::addColumn<QString>("source");
    QTest::newRow("value") << u"value"_s;
    QTest::newRow("file") << u"file"_s;
    QTest::newRow("stdin") << u"stdin"_s;
}

void TestCliSchema::failingValueIsNotSent()
{
    QFETCH(QString, source);
    const QByteArray value = R"({"priority": "hgih", "ticket": "T-1"})";
    QStringList arguments{u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s};
    if (source == u"value")
        arguments << u"--value"_s << QString::fromUtf8(value);
    else if (source == u"file")
        arguments << u"--file"_s << writeFile(u"ext.json"_s, value);
    else
        arguments << u"--stdin"_s;
    const QString before = serverValue();
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = cli(arguments, source == u"stdin" ? value : QByteArray());
    QCOMPARE(run.exitCode, int(ExitUsage));
    QCOMPARE(run.err, PriorityError + "\n/ticket: must match the pattern ^T-\\d{8}-\\d{4}$\n");
    QCOMPARE(handled.count(), 0); // nothing was sent, not even a read
    QCOMPARE(serverValue(), before);
    QVERIFY(auditRecords().isEmpty());
}

void TestCliSchema::passingValueIsAuditedAsPassed()
{
    const QString value = uR"({"priority":"high","ticket":"T-20240101-0001"})"_s;
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--value"_s, value});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), value);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().schemaCheck, u"passed"_s);
    QCOMPARE(records.first().schemaPath, m_schemaPath);
    QCOMPARE(records.first().schemaSha256,
             QString::fromLatin1(QCryptographicHash::hash(TeamSchema, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(records.first().schemaErrors, QStringList());
}

void TestCliSchema::noSchemaCheckSendsAndAuditsSkipped()
{
    const QString value = uR"({"priority":"hgih"})"_s;
    const CliRun run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--value"_s, value,
                            u"--no-schema-check"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), value);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().schemaCheck, u"skipped"_s);
    QCOMPARE(records.first().schemaPath, m_schemaPath);
    QVERIFY(!records.first().schemaSha256.isEmpty());
}

void TestCliSchema::unreadableSchemaStopsBeforeAnyRequest()
{
    QVERIFY(QFile::remove(m_schemaPath)); // the profile names a file that is gone
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const QString before = serverValue();
    CliRun run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--value"_s, u"{}"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QVERIFY2(run.err.contains(m_schemaPath.toUtf8()) && run.err.contains("does not exist"), run.err.constData());
    QCOMPARE(handled.count(), 0);
    QCOMPARE(serverValue(), before);

    run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--value"_s, u"{}"_s,
               u"--no-schema-check"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), u"{}"_s);
    const QList<AuditRecord> records = auditRecords();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.first().schemaCheck, u"skipped"_s);
    QCOMPARE(records.first().schemaSha256, QString()); // nothing was read
}

void TestCliSchema::keyEditsAreCheckedBeforeTheWrite()
{
    const QString start = uR"({"priority":"low"})"_s;
    QCOMPARE(cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--value"_s, start}).exitCode,
             int(ExitOk));
    QCOMPARE(auditRecords().size(), 1);
    CliRun run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--set-string"_s,
                      u"priority=hgih"_s});
    QCOMPARE(run.exitCode, int(ExitUsage));
    QCOMPARE(run.err, PriorityError + '\n');
    QCOMPARE(serverValue(), start);
    QCOMPARE(auditRecords().size(), 1); // no attempt was made

    run = cli({u"set-extension"_s, m_firstId, u"--profile"_s, u"team"_s, u"--set-string"_s, u"priority=urgent"_s});
    QVERIFY2(run.exitCode == ExitOk, run.err.constData());
    QCOMPARE(serverValue(), uR"({"priority":"urgent"})"_s);
    QCOMPARE(auditRecords().last().schemaCheck, u"passed"_s);
}

void TestCliSchema::checkExtension_data()
{
    QTest::addColumn<QString>("source");  // value, file or stdin
    QTest::addColumn<QString>("against"); // schema or profile
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    const QByteArray good = R"({"priority": "normal"})";
    const QByteArray bad = R"({"priority": "hgih"})";
    for (const QString &source : {u"value"_s, u"file"_s, u"stdin"_s}) {
        for (const QString &against : {u"schema"_s, u"profile"_s}) {
            const QByteArray row = (source + u" against "_s + against).toUtf8();
            QTest::newRow(QByteArray(row + ", valid").constData()) << source << against << good << int(ExitOk) << "valid\n"_ba << QByteArray();
            QTest::newRow(QByteArray(row + ", invalid").constData()) << source << against << bad << int(ExitUsage) << QByteArray()
                                             << PriorityError + '\n';
        }
    }
    QTest::newRow("not JSON") << u"value"_s << u"schema"_s << "{"_ba << int(ExitUsage) << QByteArray()
                              << "(root): is not JSON: line 1, column 2: "_ba;
}

void TestCliSchema::checkExtension()
{
    QFETCH(QString, source);
    QFETCH(QString, against);
    QFETCH(QByteArray, value);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    QStringList arguments{u"check-extension"_s};
    if (source == u"value")
        arguments << u"--value"_s << QString::fromUtf8(value);
    else if (source == u"file")
        arguments << u"--file"_s << writeFile(u"check.json"_s, value);
    else
        arguments << u"--stdin"_s;
    arguments << (against == u"schema" ? QStringList{u"--schema"_s, m_schemaPath}
                                       : QStringList{u"--profile"_s, u"team"_s});
    QSignalSpy handled(m_sandbox.get(), &SandboxServer::requestHandled);
    const CliRun run = cli(arguments, source == u"stdin" ? value : QByteArray());
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, out);
    QVERIFY2(run.err.startsWith(err) && (!err.isEmpty() || run.err.isEmpty()), run.err.constData());
    QCOMPARE(handled.count(), 0);
}

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_clischema.moc"
