#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"
#include "support/SampleAuditRecord.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

#include <memory>
#include <optional>
#include <vector>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void appendRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void appendsAndReadsBack();
    void recordRoundTripsThroughJson_data();
    void recordRoundTripsThroughJson();
    void reasonIsWrittenOnlyWhenGiven_data();
    void reasonIsWrittenOnlyWhenGiven();
    void reasonThatIsNotAStringIsRefused();
    void revertIsWrittenOnlyForReverts_data();
    void revertIsWrittenOnlyForReverts();
    void schemaFactsAreWrittenOnlyWhenSet_data();
    void schemaFactsAreWrittenOnlyWhenSet();
    void schemaErrorsThatAreNotStringsAreRefused();
    void everyAppendIsSynced();
    void failedSyncIsReported();
    void missingFileIsEmptyLog();
    void truncatedLastLineIsSkippedAndNextAppendStartsFresh();
    void corruptLineIsSkippedWithWarning_data();
    void corruptLineIsSkippedWithWarning();
    void unwritableLocationIsRefused_data();
    void unwritableLocationIsRefused();
    void createsItsFolder();
    void defaultPathIsInAppData();
    void osUserIsTheAccountNotTheEnvironment();
    void appendersSideBySideLoseNothing();
    void readFromReturnsOnlyNewRecords();
    void readFromWaitsForAnUnfinishedLine();
    void readFromRestartsOnAnotherFile_data();
    void readFromRestartsOnAnotherFile();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestAuditLog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"audit.jsonl"_s);
}

void TestAuditLog::appendsAndReadsBack()
{
    AuditLog log(m_path);
    const AuditRecord first = sampleAuditRecord(u"{\"note\":\"多行\\n文本\",\"a\":\"x,y\"}"_s);
    AuditRecord second = sampleAuditRecord(u"line one\nline two"_s, u"business"_s);
    second.code = 414;
    second.valueBefore.reset();
    QString error;
    QVERIFY2(log.append(first, &error), qPrintable(error));
    QVERIFY2(log.append(second, &error), qPrintable(error));

    const QByteArray content = readFile(m_path);
    QCOMPARE(content.count('\n'), 2); // one line per record, newlines inside values escaped
    QVERIFY(content.endsWith('\n'));

    QStringList warnings;
    const QList<AuditRecord> records = log.readAll(&warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0), first);
    QCOMPARE(records.at(1), second);
    QCOMPARE(records.at(1).outcome(), AuditRecord::Outcome::Failure);
}

void TestAuditLog::recordRoundTripsThroughJson_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("hasExpected");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("phase");
    const int complete = int(AuditRecord::Phase::Complete);
    QTest::newRow("success") << u"none"_s << true << int(AuditRecord::Outcome::Success) << complete;
    QTest::newRow("conflict") << u"conflict"_s << true << int(AuditRecord::Outcome::Conflict) << complete;
    QTest::newRow("forced timeout") << u"timeout"_s << false << int(AuditRecord::Outcome::Failure) << complete;
    QTest::newRow("attempt") << QString() << true << int(AuditRecord::Outcome::Unknown)
                             << int(AuditRecord::Phase::Attempt);
    QTest::newRow("outcome, overwritten") << u"overwritten"_s << true << int(AuditRecord::Outcome::Conflict)
                                          << int(AuditRecord::Phase::Outcome);
    QTest::newRow("outcome, unknown") << u"unknown"_s << false << int(AuditRecord::Outcome::Unknown)
                                      << int(AuditRecord::Phase::Outcome);
}

void TestAuditLog::recordRoundTripsThroughJson()
{
    QFETCH(QString, kind);
    QFETCH(bool, hasExpected);
    QFETCH(int, outcome);
    QFETCH(int, phase);
    AuditRecord record = sampleAuditRecord(u"v"_s, kind);
    if (!hasExpected)
        record.expected.reset();
    record.phase = AuditRecord::Phase(phase);
    if (record.phase != AuditRecord::Phase::Complete)
        record.attemptId = AuditRecord::newAttemptId();
    if (record.phase == AuditRecord::Phase::Outcome) {
        record.verifiedBy = AuditRecord::VerifiedByReread;
        record.valueAfter = u"{\"after\":\"多行\\n\"}"_s;
    }
    const OrderedJson json = record.toJson();
    QCOMPARE(json["time"].get<std::string>(), std::string("2024-05-06T07:08:09.123Z"));
    QCOMPARE(json["outcome"].get<std::string>(), AuditRecord::outcomeKey(AuditRecord::Outcome(outcome)).toStdString());
    QCOMPARE(json["expected"].is_null(), !hasExpected);
    QCOMPARE(json["phase"].get<std::string>(), AuditRecord::phaseKey(record.phase).toStdString());
    QCOMPARE(json["value_after"].is_null(), !record.valueAfter);
    QString error;
    const auto back = AuditRecord::fromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, record);
    QCOMPARE(int(back->outcome()), outcome);
}

void TestAuditLog::reasonIsWrittenOnlyWhenGiven_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("none: the line is as before reasons existed") << QString();
    QTest::newRow("ticket") << u"CS-42"_s;
    QTest::newRow("sentence with quotes and Chinese") << u"客户要求 \"VIP\" 标记\n第二行"_s;
}

void TestAuditLog::reasonIsWrittenOnlyWhenGiven()
{
    QFETCH(QString, reason);
    AuditRecord record = sampleAuditRecord(u"v"_s);
    record.reason = reason;
    const OrderedJson json = record.toJson();
    QCOMPARE(json.contains("reason"), !reason.isEmpty());
    if (!reason.isEmpty())
        QCOMPARE(Json::toQString(json["reason"].get<std::string>()), reason);
    const auto back = AuditRecord::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->reason, reason);
    QCOMPARE(*back, record);
}

void TestAuditLog::reasonThatIsNotAStringIsRefused()
{
    OrderedJson json = sampleAuditRecord(u"v"_s).toJson();
    json["reason"] = 42;
    QString error;
    QVERIFY(!AuditRecord::fromJson(json, &error));
    QVERIFY2(error.contains(u"reason"_s), qPrintable(error));
}

void TestAuditLog::schemaFactsAreWrittenOnlyWhenSet_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QStringList>("errors");
    QTest::newRow("no schema: the line is as before") << QString() << QStringList();
    QTest::newRow("passed") << u"passed"_s << QStringList();
    QTest::newRow("skipped") << u"skipped"_s << QStringList();
    QTest::newRow("failed") << u"failed"_s
                            << QStringList{u"/priority: must be one of: \"low\", \"high\""_s, u"/ticket: is required"_s};
}

void TestAuditLog::schemaFactsAreWrittenOnlyWhenSet()
{
    QFETCH(QString, check);
    QFETCH(QStringList, errors);
    AuditRecord record = sampleAuditRecord(u"v"_s);
    if (!check.isEmpty()) {
        record.schemaPath = u"/srv/team/schema.json"_s;
        record.schemaSha256 = QString(64, u'a');
    }
    record.schemaCheck = check;
    record.schemaErrors = errors;
    const OrderedJson json = record.toJson();
    for (const char *key : {"schema_path", "schema_sha256", "schema_check"})
        QCOMPARE(json.contains(key), !check.isEmpty());
    QCOMPARE(json.contains("schema_errors"), !errors.isEmpty());
    const auto back = AuditRecord::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->schemaCheck, check);
    QCOMPARE(back->schemaErrors, errors);
    QCOMPARE(*back, record);
}

void TestAuditLog::revertIsWrittenOnlyForReverts_data()
{
    QTest::addColumn<QString>("attemptId"); // of the reverted save; "" for one from before write-ahead
    QTest::addColumn<bool>("revert");
    QTest::newRow("an ordinary save: the line is as before") << QString() << false;
    QTest::newRow("revert of a write-ahead save") << u"3f2c0d1e-attempt"_s << true;
    QTest::newRow("revert of an older save") << QString() << true;
}

void TestAuditLog::revertIsWrittenOnlyForReverts()
{
    QFETCH(QString, attemptId);
    QFETCH(bool, revert);
    AuditRecord record = sampleAuditRecord(u"v"_s);
    if (revert)
        record.revertOf = RevertedSave{QDateTime(QDate(2026, 11, 30), QTime(9, 15, 2, 345), Qt::UTC), attemptId};
    const OrderedJson json = record.toJson();
    QCOMPARE(json.contains("revert_of"), revert);
    if (revert) {
        QCOMPARE(json["revert_of"]["time"].get<std::string>(), std::string("2026-11-30T09:15:02.345Z"));
        QCOMPARE(json["revert_of"].contains("attempt_id"), !attemptId.isEmpty());
    }
    const auto back = AuditRecord::fromJson(json);
    QVERIFY(back);
    QCOMPARE(*back, record);
}

void TestAuditLog::schemaErrorsThatAreNotStringsAreRefused()
{
    OrderedJson json = sampleAuditRecord(u"v"_s).toJson();
    json["schema_errors"] = OrderedJson::array({1, 2});
    QString error;
    QVERIFY(!AuditRecord::fromJson(json, &error));
    QVERIFY2(error.contains(u"schema_errors"_s), qPrintable(error));
}

void TestAuditLog::everyAppendIsSynced()
{
    AuditLog log(m_path);
    QList<int> synced;
    log.setSyncFunction([&synced](int fd) {
        synced.append(fd);
        return AuditLog::syncToDisk(fd); // the real fsync, on the real descriptor
    });
    QVERIFY(log.append(sampleAuditRecord(u"a"_s)));
    QVERIFY(log.append(sampleAuditRecord(u"b"_s)));
    QCOMPARE(synced.size(), 2);
    QVERIFY(synced.at(0) >= 0);
    QVERIFY(synced.at(1) >= 0);
}

void TestAuditLog::failedSyncIsReported()
{
    AuditLog log(m_path);
    log.setSyncFunction([](int) { return false; });
    QString error;
    QVERIFY(!log.append(sampleAuditRecord(u"a"_s), &error));
    QVERIFY2(error.contains(u"disk"_s) && error.contains(u"audit.jsonl"_s), qPrintable(error));
    QCOMPARE(QFileInfo(m_path).size(), 0); // not durable, so not on record: cut off again
}

void TestAuditLog::missingFileIsEmptyLog()
{
    AuditLog log(m_dir->filePath(u"none/audit.jsonl"_s));
    QStringList warnings;
    QVERIFY(log.readAll(&warnings).isEmpty());
    QVERIFY(warnings.isEmpty());
}

void TestAuditLog::truncatedLastLineIsSkippedAndNextAppendStartsFresh()
{
    AuditLog log(m_path);
    QVERIFY(log.append(sampleAuditRecord(u"first"_s)));
    // A crash in the middle of writing the second record.
    const QByteArray whole = Json::serialize(sampleAuditRecord(u"lost"_s).toJson());
    appendRaw(m_path, whole.left(whole.size() / 2));

    QStringList warnings;
    QCOMPARE(log.readAll(&warnings).size(), 1);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"line 2"_s) && warnings.first().contains(u"incomplete"_s),
             qPrintable(warnings.first()));

    const AuditRecord third = sampleAuditRecord(u"third"_s);
    QVERIFY(log.append(third));
    warnings.clear();
    const QList<AuditRecord> records = log.readAll(&warnings);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).valueSent, u"first"_s);
    QCOMPARE(records.at(1), third);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"line 2"_s), qPrintable(warnings.first()));
    QVERIFY(!warnings.first().contains(u"incomplete"_s)); // now a finished, corrupt line

    const QList<QByteArray> lines = readFile(m_path).split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest after the final '\n'
    QCOMPARE(lines.at(1), whole.left(whole.size() / 2));
    QCOMPARE(lines.at(2), Json::serialize(third.toJson()));
}

void TestAuditLog::corruptLineIsSkippedWithWarning_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{this is not json") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray("[1,2]") << u"not a JSON object"_s;
    QTest::newRow("no time") << QByteArray(R"({"conversation_id":"a|1|b","error_kind":"none"})") << u"time"_s;
    QTest::newRow("bad time") << QByteArray(R"({"time":"yesterday","conversation_id":"a|1|b","error_kind":"none"})")
                              << u"ISO 8601"_s;
    // Valid ISO text whose UTC form leaves ISO 8601's years (found by fuzzing the reader).
    QTest::newRow("time past year 9999 in UTC")
        << QByteArray(R"({"time":"9999-12-31T23:30:00-01:00","conversation_id":"a|1|b","error_kind":"none"})")
        << u"ISO 8601"_s;
    QTest::newRow("time before year 1 in UTC")
        << QByteArray(R"({"time":"0001-01-01T00:30:00+01:00","conversation_id":"a|1|b","error_kind":"none"})")
        << u"ISO 8601"_s;
    QTest::newRow("code not a number")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none","code":"x"})")
        << u"code"_s;
    QTest::newRow("bad phase")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("phase":"begin","attempt_id":"x"})")
        << u"phase"_s;
    QTest::newRow("phase not a string")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none","phase":1})")
        << u"phase"_s;
    QTest::newRow("revert_of not an object")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("revert_of":"yesterday"})")
        << u"revert_of"_s;
    QTest::newRow("revert_of without a time")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("revert_of":{"attempt_id":"x"}})")
        << u"revert_of"_s;
    QTest::newRow("revert_of with a bad time")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("revert_of":{"time":"soon"}})")
        << u"revert_of"_s;
    QTest::newRow("attempt without attempt_id")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","phase":"attempt"})")
        << u"attempt_id"_s;
    QTest::newRow("outcome without attempt_id")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("phase":"outcome","attempt_id":""})")
        << u"attempt_id"_s;
    QTest::newRow("outcome without error_kind")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","phase":"outcome",)"
                      R"("attempt_id":"x"})")
        << u"error_kind"_s;
    QTest::newRow("value_after not a string")
        << QByteArray(R"({"time":"2024-01-01T00:00:00.000Z","conversation_id":"a|1|b","error_kind":"none",)"
                      R"("phase":"outcome","attempt_id":"x","value_after":5})")
        << u"value_after"_s;
    QTest::newRow("binary junk") << QByteArray("\x00\xff\xfe garbage", 12) << u"not valid JSON"_s;
}

void TestAuditLog::corruptLineIsSkippedWithWarning()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, reason);
    AuditLog log(m_path);
    QVERIFY(log.append(sampleAuditRecord(u"one"_s)));
    appendRaw(m_path, line + '\n');
    QVERIFY(log.append(sampleAuditRecord(u"three"_s)));

    QStringList warnings;
    const QList<AuditRecord> records = log.readAll(&warnings);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).valueSent, u"one"_s);
    QCOMPARE(records.at(1).valueSent, u"three"_s);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().contains(u"line 2 "_s), qPrintable(warnings.first()));
    QVERIFY2(warnings.first().contains(reason), qPrintable(warnings.first()));
}

void TestAuditLog::unwritableLocationIsRefused_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<QString>("message");
    // The tests may run as root, where permission bits do not stop a write; a regular file
    // where a folder must be, and a folder where the file must be, stop everyone.
    QTest::newRow("folder is a file") << u"blocker/audit.jsonl"_s << u"cannot be created"_s;
    QTest::newRow("file is a folder") << u"blocker"_s << u"cannot be opened"_s;
}

void TestAuditLog::unwritableLocationIsRefused()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, message);
    if (relativePath == u"blocker")
        QVERIFY(QDir(m_dir->path()).mkdir(u"blocker"_s));
    else
        appendRaw(m_dir->filePath(u"blocker"_s), "I am a file\n");

    AuditLog log(m_dir->filePath(relativePath));
    QString error;
    QVERIFY(!log.checkWritable(&error));
    QVERIFY2(error.contains(message), qPrintable(error));
    error.clear();
    QVERIFY(!log.append(sampleAuditRecord(u"x"_s), &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestAuditLog::createsItsFolder()
{
    const QString path = m_dir->filePath(u"deep/er/audit.jsonl"_s);
    AuditLog log(path);
    QString error;
    QVERIFY2(log.checkWritable(&error), qPrintable(error));
    QVERIFY(QFile::exists(path));
    QCOMPARE(QFileInfo(path).size(), 0); // checking writes nothing
    QVERIFY(log.append(sampleAuditRecord(u"x"_s)));
    QCOMPARE(log.readAll().size(), 1);
}

void TestAuditLog::defaultPathIsInAppData()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString path = AuditLog::defaultFilePath();
    QVERIFY(path.endsWith(u"/audit.jsonl"_s));
    QCOMPARE(QFileInfo(path).absolutePath(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QStandardPaths::setTestModeEnabled(false);
}

void TestAuditLog::osUserIsTheAccountNotTheEnvironment()
{
#ifdef Q_OS_UNIX
    if (!::getpwuid(::geteuid()))
        QSKIP("This user id has no account entry (a container run with --user N).");
    // cron, systemd units and containers often run without $USER; a record must still say who.
    const auto restore = [](const char *name, const std::optional<QByteArray> &value) {
        value ? qputenv(name, *value) : qunsetenv(name);
    };
    const auto saved = [](const char *name) {
        return qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name)) : std::nullopt;
    };
    const std::optional<QByteArray> user = saved("USER"), userName = saved("USERNAME");
    qunsetenv("USER");
    qunsetenv("USERNAME");
    const QString withoutEnvironment = AuditRecord::currentOsUser();
    qputenv("USER", "someone-else");
    const QString withOtherName = AuditRecord::currentOsUser();
    restore("USER", user);
    restore("USERNAME", userName);
    QVERIFY(!withoutEnvironment.isEmpty());
    QCOMPARE(withOtherName, withoutEnvironment); // $USER cannot rename the account
#else
    QSKIP("The account name comes from the environment on this system.");
#endif
}

void TestAuditLog::appendersSideBySideLoseNothing()
{
    // The GUI and the CLI may record at the same moment: four processes append at once.
    const QString path = m_dir->filePath(u"shared.jsonl"_s);
    constexpr int Processes = 4;
    constexpr int RecordsEach = 50;
    std::vector<std::unique_ptr<QProcess>> appenders;
    for (int i = 0; i < Processes; ++i) {
        auto &appender = appenders.emplace_back(std::make_unique<QProcess>());
        appender->start(QStringLiteral(CONVDESK_AUDITLOG_PROBE),
                        {u"append"_s, path, QString::number(RecordsEach), u"writer-%1"_s.arg(i)});
    }
    for (auto &appender : appenders) {
        QVERIFY2(appender->waitForFinished(60000), qPrintable(appender->errorString()));
        QVERIFY2(appender->exitStatus() == QProcess::NormalExit && appender->exitCode() == 0,
                 appender->readAllStandardError().constData());
    }
    QStringList warnings;
    const QList<AuditRecord> records = AuditLog(path).readAll(&warnings);
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));
    QCOMPARE(records.size(), Processes * RecordsEach);
    for (int i = 0; i < Processes; ++i) {
        // Each writer's records are all there, in the order it wrote them.
        QStringList ids;
        for (const AuditRecord &record : records) {
            if (record.profile == u"writer-%1"_s.arg(i))
                ids.append(record.conversationId);
        }
        QCOMPARE(ids.size(), RecordsEach);
        for (int n = 0; n < RecordsEach; ++n)
            QCOMPARE(ids.at(n), u"acc%1|1|peer"_s.arg(n));
    }
}

void TestAuditLog::readFromReturnsOnlyNewRecords()
{
    AuditLog log(m_path);
    QVERIFY(log.append(sampleAuditRecord(u"first"_s)));
    appendRaw(m_path, "garbage\n");
    const AuditLogChunk first = log.readFrom({});
    QVERIFY(first.restarted);
    QCOMPARE(first.records.size(), 1);
    QCOMPARE(first.warnings.size(), 1);
    QCOMPARE(first.position.offset, QFileInfo(m_path).size());

    QVERIFY(log.append(sampleAuditRecord(u"second"_s)));
    QVERIFY(log.append(sampleAuditRecord(u"third"_s)));
    appendRaw(m_path, "{}\n");
    const AuditLogChunk next = log.readFrom(first.position);
    QVERIFY(!next.restarted);
    QCOMPARE(next.records.size(), 2);
    QCOMPARE(next.records.at(0).valueSent, u"second"_s);
    QCOMPARE(next.records.at(1).valueSent, u"third"_s);
    QCOMPARE(next.warnings.size(), 1); // only the new bad line, numbered in the whole file
    QVERIFY2(next.warnings.first().contains(u"line 5"_s), qPrintable(next.warnings.first()));

    const AuditLogChunk nothingNew = log.readFrom(next.position);
    QVERIFY(!nothingNew.restarted);
    QVERIFY(nothingNew.records.isEmpty());
    QVERIFY(nothingNew.warnings.isEmpty());
    QCOMPARE(nothingNew.position.offset, next.position.offset);
}

void TestAuditLog::readFromWaitsForAnUnfinishedLine()
{
    AuditLog log(m_path);
    QVERIFY(log.append(sampleAuditRecord(u"first"_s)));
    const QByteArray whole = Json::serialize(sampleAuditRecord(u"second"_s).toJson()) + '\n';
    appendRaw(m_path, whole.left(whole.size() / 2));

    const AuditLogChunk first = log.readFrom({});
    QCOMPARE(first.records.size(), 1);
    QVERIFY(first.warnings.isEmpty());
    QVERIFY2(first.unfinishedLineWarning.contains(u"line 2"_s), qPrintable(first.unfinishedLineWarning));

    appendRaw(m_path, whole.mid(whole.size() / 2));
    const AuditLogChunk completed = log.readFrom(first.position);
    QVERIFY(!completed.restarted);
    QCOMPARE(completed.records.size(), 1);
    QCOMPARE(completed.records.first().valueSent, u"second"_s);
    QVERIFY(completed.warnings.isEmpty());
    QVERIFY(completed.unfinishedLineWarning.isEmpty());
}

void TestAuditLog::readFromRestartsOnAnotherFile_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("truncated") << u"truncated"_s;
    QTest::newRow("replaced") << u"replaced"_s;
    QTest::newRow("rewritten in place") << u"rewritten"_s;
    QTest::newRow("removed") << u"removed"_s;
}

void TestAuditLog::readFromRestartsOnAnotherFile()
{
    QFETCH(QString, change);
    AuditLog log(m_path);
    QVERIFY(log.append(sampleAuditRecord(u"one"_s)));
    QVERIFY(log.append(sampleAuditRecord(u"two"_s)));
    const AuditLogChunk first = log.readFrom({});
    QCOMPARE(first.records.size(), 2);

    QList<QString> expected;
    if (change == u"truncated") {
        QVERIFY(QFile::resize(m_path, 0));
        QVERIFY(log.append(sampleAuditRecord(u"after truncation"_s)));
        expected = {u"after truncation"_s};
    } else if (change == u"replaced") {
        // The way a backup is restored: a whole new file renamed over the old one, larger.
        const QString replacement = m_dir->filePath(u"restored.jsonl"_s);
        AuditLog restored(replacement);
        for (const QString &value : {u"r1"_s, u"r2"_s, u"r3"_s})
            QVERIFY(restored.append(sampleAuditRecord(value)));
        const QString keepInode = m_dir->filePath(u"old.jsonl"_s); // the old inode stays taken
        QVERIFY(QFile::rename(m_path, keepInode));
        QVERIFY(QFile::rename(replacement, m_path));
        expected = {u"r1"_s, u"r2"_s, u"r3"_s};
    } else if (change == u"rewritten") {
        // Same file, not shorter, other bytes just before the offset (the reader compares
        // those, not the whole file, which it would have to read again).
        QByteArray content = readFile(m_path);
        content.replace("\"two\"", "\"dos\"");
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QCOMPARE(file.write(content), content.size());
        file.close();
        QVERIFY(log.append(sampleAuditRecord(u"three"_s)));
        expected = {u"one"_s, u"dos"_s, u"three"_s};
    } else {
        QVERIFY(QFile::remove(m_path));
    }

    const AuditLogChunk again = log.readFrom(first.position);
    QVERIFY(again.restarted);
    QList<QString> values;
    for (const AuditRecord &record : again.records)
        values.append(record.valueSent);
    QCOMPARE(values, expected);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
