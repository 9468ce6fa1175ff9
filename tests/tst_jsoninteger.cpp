#include "json/JsonInteger.h"

#include <QTest>

#include <limits>
#include <optional>

using namespace convdesk;

// The one integer rule that the tree's field decoder and the account list share.
class TestJsonInteger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsIntegers_data();
    void readsIntegers();
};

void TestJsonInteger::readsIntegers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("isInteger");
    QTest::addColumn<qint64>("value");

    QTest::newRow("number") << QByteArray("42") << true << qint64(42);
    QTest::newRow("negative number") << QByteArray("-7") << true << qint64(-7);
    QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true
                               << qint64(9223372036854775807LL);
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << true
                               << std::numeric_limits<qint64>::min();
    QTest::newRow("uint64 beyond int64") << QByteArray("9223372036854775808") << false << qint64(0);
    QTest::newRow("beyond 2^53 exactly") << QByteArray("9007199254740993") << true
                                         << qint64(9007199254740993LL);
    QTest::newRow("fraction") << QByteArray("1.5") << false << qint64(0);
    QTest::newRow("float that is whole") << QByteArray("2.0") << false << qint64(0);
    QTest::newRow("quoted digits") << QByteArray("\"1700000000000\"") << true << qint64(1700000000000LL);
    QTest::newRow("quoted negative") << QByteArray("\"-5\"") << true << qint64(-5);
    QTest::newRow("quoted int64 max") << QByteArray("\"9223372036854775807\"") << true
                                      << qint64(9223372036854775807LL);
    QTest::newRow("quoted overflow") << QByteArray("\"9223372036854775808\"") << false << qint64(0);
    QTest::newRow("quoted plus") << QByteArray("\"+5\"") << false << qint64(0);
    QTest::newRow("quoted spaces") << QByteArray("\" 5\"") << false << qint64(0);
    QTest::newRow("quoted trailing space") << QByteArray("\"5 \"") << false << qint64(0);
    QTest::newRow("quoted minus only") << QByteArray("\"-\"") << false << qint64(0);
    QTest::newRow("quoted empty") << QByteArray("\"\"") << false << qint64(0);
    QTest::newRow("quoted fraction") << QByteArray("\"1.5\"") << false << qint64(0);
    QTest::newRow("quoted hex") << QByteArray("\"0x10\"") << false << qint64(0);
    QTest::newRow("quoted fullwidth digits") << QByteArray("\"\xef\xbc\x91\"") << false << qint64(0);
    QTest::newRow("boolean") << QByteArray("true") << false << qint64(0);
    QTest::newRow("null") << QByteArray("null") << false << qint64(0);
    QTest::newRow("array") << QByteArray("[1]") << false << qint64(0);
}

void TestJsonInteger::readsIntegers()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, isInteger);
    QFETCH(qint64, value);
    const std::optional<OrderedJson> parsed = Json::parse(json);
    QVERIFY(parsed);
    const std::optional<qint64> number = Json::integerIn(*parsed);
    QCOMPARE(number.has_value(), isInteger);
    if (isInteger)
        QCOMPARE(*number, value);
}

QTEST_GUILESS_MAIN(TestJsonInteger)
#include "tst_jsoninteger.moc"
