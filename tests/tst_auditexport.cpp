#include "audit/AuditExport.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

AuditRecord withValue(const QString &valueSent)
{
    AuditRecord record;
    record.time = QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    record.conversationId = u"acc1|1|acc2"_s;
    record.profile = u"prod"_s;
    record.errorKind = u"none"_s;
    record.stage = AuditRecord::StageWrite;
    record.code = 200;
    record.valueSent = valueSent;
    return record;
}

// Splits RFC 4180 CSV into rows of fields, so that the test does not trust the writer.
QList<QStringList> parseCsv(const QByteArray &csv)
{
    QList<QStringList> rows;
    QStringList row;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << QString::fromUtf8(field);
            field.clear();
        } else if (c == '\r' && i + 1 < csv.size() && csv.at(i + 1) == '\n') {
            row << QString::fromUtf8(field);
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestAuditExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvField_data();
    void csvField();
    void csvFileStartsWithAByteOrderMark();
    void csvHasHeaderAndOneRowPerRecord();
    void writeAheadFieldsComeLast();
    void csvRoundTripsAwkwardValues_data();
    void csvRoundTripsAwkwardValues();
    void jsonIsAnArrayOfRecords();
    void missingValueIsEmptyInCsvAndNullInJson();
    void reasonIsExported_data();
    void reasonIsExported();
};

void TestAuditExport::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << u"abc"_s << QByteArray("abc");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("comma") << u"a,b"_s << QByteArray("\"a,b\"");
    QTest::newRow("quote") << u"say \"hi\""_s << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << u"a\nb"_s << QByteArray("\"a\nb\"");
    QTest::newRow("carriage return") << u"a\rb"_s << QByteArray("\"a\rb\"");
    QTest::newRow("chinese") << u"会话扩展"_s << QString(u"会话扩展"_s).toUtf8();
    QTest::newRow("json") << u"{\"k\":\"v\",\"n\":1}"_s << QByteArray("\"{\"\"k\"\":\"\"v\"\",\"\"n\"\":1}\"");
    // Formulas a spreadsheet would run are neutralised; plain numbers stay numbers.
    QTest::newRow("formula =") << u"=HYPERLINK(\"http://x\")"_s << QByteArray("\"'=HYPERLINK(\"\"http://x\"\")\"");
    QTest::newRow("formula +") << u"+1+2"_s << QByteArray("\"'+1+2\"");
    QTest::newRow("formula -") << u"-2+3"_s << QByteArray("\"'-2+3\"");
    QTest::newRow("formula @") << u"@SUM(A1)"_s << QByteArray("\"'@SUM(A1)\"");
    QTest::newRow("leading tab") << u"\t=1"_s << QByteArray("\"'\t=1\"");
    QTest::newRow("negative number") << u"-42"_s << QByteArray("-42");
    QTest::newRow("decimal") << u"+3.5"_s << QByteArray("+3.5");
    QTest::newRow("formula inside") << u"a=b"_s << QByteArray("a=b");
}

void TestAuditExport::csvField()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, field);
    QCOMPARE(AuditExport::csvField(value), field);
}

void TestAuditExport::csvFileStartsWithAByteOrderMark()
{
    const QByteArray file = AuditExport::toCsvFile({withValue(u"会话"_s)});
    QVERIFY(file.startsWith("\xEF\xBB\xBF"));
    QCOMPARE(file.mid(3), AuditExport::toCsv({withValue(u"会话"_s)}));
    QVERIFY(!AuditExport::toCsv({}).startsWith("\xEF")); // pipes and scripts get none
}

void TestAuditExport::csvHasHeaderAndOneRowPerRecord()
{
    const QByteArray csv = AuditExport::toCsv({withValue(u"one"_s), withValue(u"two"_s)});
    QVERIFY(csv.startsWith("time,os_user,source,profile,app_key,conversation_id,outcome,error_kind,"));
    QVERIFY(csv.endsWith("\r\n"));
    const QList<QStringList> rows = parseCsv(csv);
    QCOMPARE(rows.size(), 3);
    const QStringList header = rows.first();
    QCOMPARE(header, AuditExport::fieldNames());
    QCOMPARE(rows.at(1).size(), header.size());
    QCOMPARE(rows.at(1).at(header.indexOf(u"time"_s)), u"2024-01-02T03:04:05.006Z"_s);
    QCOMPARE(rows.at(1).at(header.indexOf(u"outcome"_s)), u"success"_s);
    QCOMPARE(rows.at(1).at(header.indexOf(u"code"_s)), u"200"_s);
    QCOMPARE(rows.at(2).at(header.indexOf(u"value_sent"_s)), u"two"_s);
}

void TestAuditExport::writeAheadFieldsComeLast()
{
    // Columns older exports had keep their places; the write-ahead ones follow them.
    const QStringList expected{u"time"_s, u"os_user"_s, u"source"_s, u"profile"_s, u"app_key"_s,
                               u"conversation_id"_s, u"outcome"_s, u"error_kind"_s, u"stage"_s, u"code"_s,
                               u"msg"_s, u"http_status"_s, u"trace_id"_s, u"expected"_s, u"value_before"_s,
                               u"value_sent"_s, u"phase"_s, u"attempt_id"_s, u"verified_by"_s, u"value_after"_s,
                               u"reason"_s, u"revert_of"_s};
    QCOMPARE(AuditExport::fieldNames(), expected);

    AuditRecord row = withValue(u"v"_s);
    row.attemptId = u"id-1"_s;
    row.verifiedBy = AuditRecord::VerifiedByReconcile;
    row.valueAfter = u"after"_s;
    const QList<QStringList> csv = parseCsv(AuditExport::toCsv({row}));
    QCOMPARE(csv.at(0), expected);
    QCOMPARE(csv.at(1).mid(16), (QStringList{u"complete"_s, u"id-1"_s, u"reconcile"_s, u"after"_s, QString(), QString()}));

    const auto json = Json::parse(AuditExport::toJson({row}));
    QVERIFY(json && json->is_array());
    QStringList keys;
    for (auto it = (*json)[0].begin(); it != (*json)[0].end(); ++it)
        keys << Json::toQString(it.key());
    QCOMPARE(keys, expected);
    QCOMPARE((*json)[0]["value_after"].get<std::string>(), std::string("after"));
}

void TestAuditExport::csvRoundTripsAwkwardValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("commas and quotes") << u"{\"tags\":[\"a,b\",\"c\"]}"_s;
    QTest::newRow("newlines") << u"first line\nsecond line\r\nthird"_s;
    QTest::newRow("chinese") << u"{\"备注\":\"客户投诉，已处理\"}"_s;
    QTest::newRow("only a quote") << u"\""_s;
}

void TestAuditExport::csvRoundTripsAwkwardValues()
{
    QFETCH(QString, value);
    const QList<QStringList> rows = parseCsv(AuditExport::toCsv({withValue(value)}));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(1).size(), rows.at(0).size());
    QCOMPARE(rows.at(1).at(rows.at(0).indexOf(u"value_sent"_s)), value);
}

void TestAuditExport::jsonIsAnArrayOfRecords()
{
    const QList<AuditRecord> records{withValue(u"{\"备注\":\"a,\\\"b\\\"\"}"_s), withValue(u"x\ny"_s)};
    const auto parsed = Json::parse(AuditExport::toJson(records));
    QVERIFY(parsed);
    QVERIFY(parsed->is_array());
    QCOMPARE(parsed->size(), size_t(2));
    for (size_t i = 0; i < parsed->size(); ++i) {
        const auto back = AuditRecord::fromJson((*parsed)[i]);
        QVERIFY(back);
        QCOMPARE(*back, records.at(qsizetype(i)));
    }
    QCOMPARE(AuditExport::toJson({}).trimmed(), QByteArray("[]"));
}

void TestAuditExport::missingValueIsEmptyInCsvAndNullInJson()
{
    AuditRecord record = withValue(u"v"_s);
    record.valueBefore.reset();
    const QList<QStringList> rows = parseCsv(AuditExport::toCsv({record}));
    QCOMPARE(rows.at(1).at(rows.at(0).indexOf(u"value_before"_s)), QString());
    const auto parsed = Json::parse(AuditExport::toJson({record}));
    QVERIFY((*parsed)[0]["value_before"].is_null());
}

void TestAuditExport::reasonIsExported_data()
{
    QTest::addColumn<QString>("reason");
    QTest::newRow("ticket") << u"CS-42"_s;
    QTest::newRow("awkward: comma, quote, newline, Chinese") << u"客户要求, \"VIP\"\n第二行"_s;
    QTest::newRow("none: empty in CSV, null in JSON") << QString();
}

void TestAuditExport::reasonIsExported()
{
    QFETCH(QString, reason);
    AuditRecord record = withValue(u"v"_s);
    record.reason = reason;
    const QList<QStringList> rows = parseCsv(AuditExport::toCsv({record}));
    QCOMPARE(rows.at(1).size(), rows.at(0).size());
    QCOMPARE(rows.at(1).at(rows.at(0).indexOf(u"reason"_s)), reason);
    const auto parsed = Json::parse(AuditExport::toJson({record}));
    QVERIFY(parsed);
    const OrderedJson &exported = (*parsed)[0]["reason"];
    if (reason.isEmpty())
        QVERIFY(exported.is_null());
    else
        QCOMPARE(Json::toQString(exported.get<std::string>()), reason);
    QCOMPARE(AuditRecord::fromJson((*parsed)[0])->reason, reason);
}

QTEST_GUILESS_MAIN(TestAuditExport)
#include "tst_auditexport.moc"
