#include "json/JsonDocument.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestJsonDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsServerKeyOrder();
    void keepsLargeIntegersExact_data();
    void keepsLargeIntegersExact();
    void reportsWhereTextIsInvalid_data();
    void reportsWhereTextIsInvalid();
    void rejectsDeepNesting();
    void serializeReplacesInvalidUtf8();
    void leadingByteOrderMarkInStringsIsKept();
};

void TestJsonDocument::keepsServerKeyOrder()
{
    const QByteArray text = R"({"zeta":1,"alpha":{"y":true,"b":null,"a":[3,2,1]},"mid":"x"})";
    const auto parsed = Json::parse(text);
    QVERIFY(parsed);
    QStringList keys;
    for (const auto &[key, value] : parsed->items())
        keys << QString::fromStdString(key);
    QCOMPARE(keys, QStringList({u"zeta"_s, u"alpha"_s, u"mid"_s}));
    QCOMPARE(Json::serialize(*parsed), text);
}

void TestJsonDocument::keepsLargeIntegersExact_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993");
    QTest::newRow("int64 max") << QByteArray("9223372036854775807");
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615");
    QTest::newRow("negative") << QByteArray("-9007199254740993");
}

void TestJsonDocument::keepsLargeIntegersExact()
{
    QFETCH(QByteArray, number);
    const QByteArray text = "{\"message_server_id\":" + number + "}";
    const auto parsed = Json::parse(text);
    QVERIFY(parsed);
    QVERIFY((*parsed)["message_server_id"].is_number_integer());
    QCOMPARE(Json::serialize(*parsed), text);
}

void TestJsonDocument::reportsWhereTextIsInvalid_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("empty") << QByteArray("  ") << 1 << 1;
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}") << 1 << 8;
    QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}") << 2 << 11;
    QTest::newRow("unterminated") << QByteArray("{\"a\":\"b") << 1 << 8;
    QTest::newRow("NUL after a whole value") << QByteArray("{\"a\":1}\0{\"b\":2}", 15) << 1 << 8;
    QTest::newRow("NUL inside a string") << QByteArray("\n\"a\0b\"", 6) << 2 << 3;
}

void TestJsonDocument::reportsWhereTextIsInvalid()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    JsonParseError error;
    QVERIFY(!Json::parse(text, &error));
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY(error.describe().startsWith(QStringLiteral("line %1, column %2").arg(line).arg(column)));
}

void TestJsonDocument::rejectsDeepNesting()
{
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    JsonParseError error;
    QVERIFY(!Json::parse(deep, &error));
    QVERIFY2(error.message.contains(QLatin1String("100000")), qPrintable(error.message));
    QCOMPARE(Json::nestingDepth(R"({"a":"[[[[","b":[{}]})"), 3);
    const QByteArray shallow = QByteArray(200, '[') + QByteArray(200, ']');
    QVERIFY(Json::parse(shallow));
}

void TestJsonDocument::serializeReplacesInvalidUtf8()
{
    OrderedJson value = OrderedJson::object();
    value["text"] = std::string("ok\xff");
    const QByteArray out = Json::serialize(value);
    QVERIFY(out.startsWith("{\"text\":\"ok"));
    QVERIFY(QString::fromUtf8(out).contains(QChar(0xFFFD)));
}

void TestJsonDocument::leadingByteOrderMarkInStringsIsKept()
{
    // Found by fuzz_response_parser: QString::fromUtf8 drops a leading U+FEFF.
    const auto parsed = Json::parse(R"({"\ufeffkey":"\ufeffvalue"})");
    QVERIFY(parsed);
    const std::string key = parsed->begin().key();
    QCOMPARE(Json::toQString(key), u"\ufeffkey"_s);
    QCOMPARE(Json::toQString(parsed->begin().value().get<std::string>()), u"\ufeffvalue"_s);
    QCOMPARE(Json::toStdString(Json::toQString(key)), key);
    QCOMPARE(Json::toQString(std::string("\xef\xbb\xbf")), QString(QChar(0xfeff)));
    QCOMPARE(Json::toQString(std::string("plain")), u"plain"_s);
}

QTEST_GUILESS_MAIN(TestJsonDocument)
#include "tst_jsondocument.moc"
