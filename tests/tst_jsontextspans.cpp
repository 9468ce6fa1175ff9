#include "json/JsonTextSpans.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

using ValueKind = JsonTextSpans::Kind;

// The scanner behind the form view: kinds and exact texts, in the text's order.
class TestJsonTextSpans : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void kinds_data();
    void kinds();
    void treeInTextOrder();
    void notJson();
    void numberGrammar_data();
    void numberGrammar();
};

void TestJsonTextSpans::kinds_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<ValueKind>("kind");

    QTest::newRow("string") << u"\"a\\n\""_s << ValueKind::String;
    QTest::newRow("integer") << u"-12"_s << ValueKind::Integer;
    QTest::newRow("big integer") << u"9007199254740993"_s << ValueKind::Integer;
    QTest::newRow("int64 max") << u"9223372036854775807"_s << ValueKind::Integer;
    QTest::newRow("past int64") << u"9223372036854775808"_s << ValueKind::Number;
    QTest::newRow("1.0") << u"1.0"_s << ValueKind::Number;
    QTest::newRow("1e2") << u"1e2"_s << ValueKind::Number;
    QTest::newRow("true") << u"true"_s << ValueKind::Boolean;
    QTest::newRow("false") << u"false"_s << ValueKind::Boolean;
    QTest::newRow("null") << u"null"_s << ValueKind::Null;
    QTest::newRow("object") << u"{ }"_s << ValueKind::Object;
    QTest::newRow("array") << u"[1 ,2]"_s << ValueKind::Array;
}

void TestJsonTextSpans::kinds()
{
    QFETCH(QString, value);
    QFETCH(ValueKind, kind);
    const auto spans = JsonTextSpans::scan(u"{\"k\": "_s + value + u" }"_s);
    QVERIFY(spans);
    QCOMPARE(spans->root().children.size(), size_t(1));
    const JsonTextSpans::Span &member = spans->root().children.front();
    QCOMPARE(member.kind, kind);
    QCOMPARE(member.key, u"k"_s);
    QCOMPARE(spans->valueText(member), value);
}

void TestJsonTextSpans::treeInTextOrder()
{
    const auto spans = JsonTextSpans::scan(u"{\"z\":{\"caf\\u00e9\":\"\\u00e9\"},\"a\":[true, null],\"备注\":\"😀\"}"_s);
    QVERIFY(spans);
    const JsonTextSpans::Span &root = spans->root();
    QCOMPARE(root.kind, ValueKind::Object);
    QCOMPARE(root.children.size(), size_t(3));
    QCOMPARE(root.children[0].key, u"z"_s);
    QCOMPARE(root.children[0].children[0].key, u"café"_s);
    QCOMPARE(spans->stringValue(root.children[0].children[0]), u"é"_s);
    QCOMPARE(spans->valueText(root.children[0].children[0]), u"\"\\u00e9\""_s);
    QCOMPARE(root.children[1].key, u"a"_s);
    QVERIFY(!root.children[1].children[0].hasKey);
    QCOMPARE(root.children[1].children[1].kind, ValueKind::Null);
    QCOMPARE(root.children[2].key, u"备注"_s);
    QCOMPARE(spans->stringValue(root.children[2]), u"😀"_s);
}

void TestJsonTextSpans::notJson()
{
    JsonParseError error;
    QVERIFY(!JsonTextSpans::scan(u"{\"a\":}"_s, &error));
    QCOMPARE(error.line, 1);
    QCOMPARE(error.column, 6);
}

void TestJsonTextSpans::numberGrammar_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isNumber");
    QTest::addColumn<bool>("isInt64");

    QTest::newRow("0") << u"0"_s << true << true;
    QTest::newRow("-0") << u"-0"_s << true << true;
    QTest::newRow("12") << u"12"_s << true << true;
    QTest::newRow("-3.5") << u"-3.5"_s << true << false;
    QTest::newRow("1e6") << u"1e6"_s << true << false;
    QTest::newRow("1E+2") << u"1E+2"_s << true << false;
    QTest::newRow("int64 min") << u"-9223372036854775808"_s << true << true;
    QTest::newRow("below int64") << u"-9223372036854775809"_s << true << false;
    QTest::newRow("leading zero") << u"01"_s << false << false;
    QTest::newRow("plus") << u"+1"_s << false << false;
    QTest::newRow("1.") << u"1."_s << false << false;
    QTest::newRow(".5") << u".5"_s << false << false;
    QTest::newRow("inf") << u"inf"_s << false << false;
    QTest::newRow("hex") << u"0x10"_s << false << false;
    QTest::newRow("space") << u" 1"_s << false << false;
    QTest::newRow("empty") << QString() << false << false;
    QTest::newRow("minus") << u"-"_s << false << false;
}

void TestJsonTextSpans::numberGrammar()
{
    QFETCH(QString, text);
    QFETCH(bool, isNumber);
    QFETCH(bool, isInt64);
    const std::string utf8 = text.toStdString();
    QCOMPARE(JsonTextSpans::isJsonNumber(utf8), isNumber);
    QCOMPARE(JsonTextSpans::isInt64(utf8), isInt64);
}

QTEST_GUILESS_MAIN(TestJsonTextSpans)
#include "tst_jsontextspans.moc"
