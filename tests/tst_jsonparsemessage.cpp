#include "json/JsonDocument.h"
#include "json/JsonParseMessage.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The JSON parser's errors in our own (translatable) words, for the inputs people type.
class TestJsonParseMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void explainsTypicalMistakes_data();
    void explainsTypicalMistakes();
    void unknownReasonsKeepTheOriginal();
};

void TestJsonParseMessage::explainsTypicalMistakes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("unquoted key") << QByteArray("{a") << u"“{a” is not a JSON value (text needs double quotes); expected a string in double quotes"_s;
    QTest::newRow("missing colon") << QByteArray("{\"a\" 1}") << u"unexpected number; expected “:”"_s;
    QTest::newRow("trailing comma in array") << QByteArray("[1,]") << u"unexpected “]”; expected a value (an object, an array, a string, a number, true, false or null)"_s;
    QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << u"unexpected “}”; expected a string in double quotes"_s;
    QTest::newRow("misspelt literal") << QByteArray("tru") << u"“tru” is not a JSON value (text needs double quotes)"_s;
    QTest::newRow("open string") << QByteArray("\"abc") << u"a string has no closing quote"_s;
    QTest::newRow("line break in string") << QByteArray("\"a\nb\"") << u"a string holds a line break or another control character; write it as \\n or \\uXXXX"_s;
    QTest::newRow("bad number") << QByteArray("1.") << u"“1.” is not a valid number; expected a digit after “.”"_s;
    QTest::newRow("missing comma") << QByteArray("{\"a\":1 \"b\":2}") << u"unexpected string; expected “}”"_s;
    QTest::newRow("cut off") << QByteArray("{\"a\":1") << u"the text ends too early; expected “}”"_s;
    QTest::newRow("bad escape") << QByteArray("\"\\x\"") << u"a string has an unknown escape after a backslash"_s;
    QTest::newRow("text after the value") << QByteArray("01") << u"unexpected number; expected the end of the text"_s;
}

void TestJsonParseMessage::explainsTypicalMistakes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    JsonParseError error;
    QVERIFY(!Json::parse(json, &error));
    QCOMPARE(error.message, message);
    QVERIFY(!error.message.contains(u"syntax error"_s)); // nlohmann's English is gone
}

void TestJsonParseMessage::unknownReasonsKeepTheOriginal()
{
    QCOMPARE(JsonParseMessage::explain(u"something new"_s), u"not valid JSON (something new)"_s);
    QCOMPARE(JsonParseMessage::explain(u"syntax error while parsing value - invalid string: odd thing"_s),
             u"not valid JSON (syntax error while parsing value - invalid string: odd thing)"_s);
}

QTEST_GUILESS_MAIN(TestJsonParseMessage)
#include "tst_jsonparsemessage.moc"
