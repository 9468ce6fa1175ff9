#include "json/JsonTextEditor.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

using Edit = JsonTextEditor::Edit;
using Edits = QList<Edit>;
using ValueKind = JsonTextSpans::Kind;
Q_DECLARE_METATYPE(Edits)

// The form view's edits (rename, move, insert, change type) on the server's text: the edited
// part is written compactly, every other byte stays as it was.
class TestJsonTextFormEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appliesEdits_data();
    void appliesEdits();
    void refuses_data();
    void refuses();
};

void TestJsonTextFormEdits::appliesEdits_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QString>("expected");

    // Rename.
    QTest::newRow("rename keeps place, value and spaces")
        << u"{ \"vip\" : 1.0 ,\"big\":9007199254740993}"_s << Edits{Edit::rename(u"vip"_s, u"is_vip"_s)}
        << u"{ \"is_vip\" : 1.0 ,\"big\":9007199254740993}"_s;
    QTest::newRow("rename escapes the new name")
        << u"{\"a\":\"\\u00e9\"}"_s << Edits{Edit::rename(u"a"_s, u"say \"hi\""_s)}
        << u"{\"say \\\"hi\\\"\":\"\\u00e9\"}"_s;
    QTest::newRow("rename a nested member") << u"{\"c\":{\"phone\":\"1\",\"mail\":2}}"_s
                                            << Edits{Edit::rename(u"/c/phone"_s, u"tel"_s)}
                                            << u"{\"c\":{\"tel\":\"1\",\"mail\":2}}"_s;
    QTest::newRow("rename to itself changes nothing") << u"{\"caf\\u00e9\":1}"_s
                                                      << Edits{Edit::rename(u"café"_s, u"café"_s)}
                                                      << u"{\"caf\\u00e9\":1}"_s;

    // Move.
    const QString pretty = u"{\n  \"a\": 1.0,\n  \"b\": {\"x\" : 1},\n  \"c\": \"\\n\"\n}"_s;
    QTest::newRow("move up keeps the layout") << pretty << Edits{Edit::move(u"b"_s, 0)}
                                              << u"{\n  \"b\": {\"x\" : 1},\n  \"a\": 1.0,\n  \"c\": \"\\n\"\n}"_s;
    QTest::newRow("move down to the end") << pretty << Edits{Edit::move(u"a"_s, 2)}
                                          << u"{\n  \"b\": {\"x\" : 1},\n  \"c\": \"\\n\",\n  \"a\": 1.0\n}"_s;
    QTest::newRow("move to the same place") << pretty << Edits{Edit::move(u"c"_s, 2)} << pretty;
    QTest::newRow("move an array element") << u"{\"l\":[1, 2.50, 3]}"_s << Edits{Edit::move(u"/l/2"_s, 0)}
                                           << u"{\"l\":[3, 1, 2.50]}"_s;

    // Insert.
    QTest::newRow("insert first") << u"{\"a\":1.0}"_s << Edits{Edit::insertJson(u"n"_s, u"\"\""_s, 0)}
                                  << u"{\"n\":\"\",\"a\":1.0}"_s;
    QTest::newRow("insert in the middle") << u"{\"a\":1, \"b\":2}"_s << Edits{Edit::insertJson(u"n"_s, u"[ ]"_s, 1)}
                                          << u"{\"a\":1, \"n\":[],\"b\":2}"_s;
    QTest::newRow("insert at the end") << u"{\"a\":1 }"_s << Edits{Edit::insertJson(u"n"_s, u"null"_s)}
                                       << u"{\"a\":1,\"n\":null }"_s;
    QTest::newRow("insert into an empty object") << u"{ }"_s << Edits{Edit::insertJson(u"n"_s, u"\"\""_s, 0)}
                                                 << u"{\"n\":\"\"}"_s;
    QTest::newRow("insert into a nested object") << u"{\"c\":{\"x\":1}}"_s
                                                 << Edits{Edit::insertJson(u"/c/y"_s, u"2"_s)}
                                                 << u"{\"c\":{\"x\":1,\"y\":2}}"_s;
    QTest::newRow("insert an element") << u"{\"l\":[1, 3]}"_s << Edits{Edit::insertJson(u"/l/1"_s, u"2"_s)}
                                       << u"{\"l\":[1, 2,3]}"_s;
    QTest::newRow("append an element") << u"{\"l\":[]}"_s << Edits{Edit::insertJson(u"/l/-"_s, u"\"\""_s)}
                                       << u"{\"l\":[\"\"]}"_s;

    // Change type.
    struct Conversion { const char *name; const char *from; ValueKind to; const char *to_text; };
    const Conversion conversions[] = {
        {"\"42\" to integer", "\"42\"", ValueKind::Integer, "42"},
        {"\"-7\" to integer", "\"-7\"", ValueKind::Integer, "-7"},
        {"\"4x\" to integer", "\"4x\"", ValueKind::Integer, "0"},
        {"\"9223372036854775808\" to integer", "\"9223372036854775808\"", ValueKind::Integer, "0"},
        {"\"3.5\" to number", "\"3.5\"", ValueKind::Number, "3.5"},
        {"\"42\" to number", "\"42\"", ValueKind::Number, "42.0"},
        {"\"abc\" to number", "\"abc\"", ValueKind::Number, "0.0"},
        {"\"true\" to boolean", "\"true\"", ValueKind::Boolean, "true"},
        {"\"yes\" to boolean", "\"yes\"", ValueKind::Boolean, "false"},
        {"big integer to string", "9007199254740993", ValueKind::String, "\"9007199254740993\""},
        {"1.0 to string", "1.0", ValueKind::String, "\"1.0\""},
        {"false to string", "false", ValueKind::String, "\"false\""},
        {"null to string", "null", ValueKind::String, "\"\""},
        {"integer to number", "12", ValueKind::Number, "12.0"},
        {"3.00 to integer", "3.00", ValueKind::Integer, "3"},
        {"3.5 to integer", "3.5", ValueKind::Integer, "0"},
        {"string to null", "\"x\"", ValueKind::Null, "null"},
        {"object to array", "{\"a\":1}", ValueKind::Array, "[]"},
        {"array to object", "[1]", ValueKind::Object, "{}"},
        {"same kind keeps its text", "\"\\u00e9\"", ValueKind::String, "\"\\u00e9\""},
    };
    for (const Conversion &c : conversions) {
        QTest::newRow(c.name) << u"{ \"k\": 1.0, \"v\": "_s + QString::fromUtf8(c.from) + u" }"_s
                              << Edits{Edit::changeType(u"v"_s, c.to)}
                              << u"{ \"k\": 1.0, \"v\": "_s + QString::fromUtf8(c.to_text) + u" }"_s;
    }
}

void TestJsonTextFormEdits::appliesEdits()
{
    QFETCH(QString, original);
    QFETCH(Edits, edits);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QString> result = JsonTextEditor::apply(original, edits, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(*result, expected);
}

void TestJsonTextFormEdits::refuses_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QString>("error");

    QTest::newRow("rename to a name that exists") << u"{\"a\":1,\"b\":2}"_s << Edits{Edit::rename(u"a"_s, u"b"_s)}
                                                  << u"cannot rename a to b: the object has a member of that name"_s;
    QTest::newRow("rename to empty") << u"{\"a\":1}"_s << Edits{Edit::rename(u"a"_s, QString())}
                                     << u"cannot rename a: the new name is empty."_s;
    QTest::newRow("rename an element") << u"{\"l\":[1]}"_s << Edits{Edit::rename(u"/l/0"_s, u"x"_s)}
                                       << u"it is an array element"_s;
    QTest::newRow("rename a missing member") << u"{}"_s << Edits{Edit::rename(u"a"_s, u"b"_s)}
                                             << u"cannot edit a: it does not exist."_s;
    QTest::newRow("move past the end") << u"{\"a\":1,\"b\":2}"_s << Edits{Edit::move(u"a"_s, 2)}
                                       << u"cannot move a to position 2: its container has 2 members."_s;
    QTest::newRow("insert a member that exists") << u"{\"a\":1}"_s << Edits{Edit::insertJson(u"a"_s, u"2"_s)}
                                                 << u"cannot add a: it exists already."_s;
    QTest::newRow("insert past the end of an array") << u"{\"l\":[]}"_s
                                                     << Edits{Edit::insertJson(u"/l/1"_s, u"2"_s)}
                                                     << u"the array has no position 1 (it has 0 elements)."_s;
    QTest::newRow("insert text that is not JSON") << u"{}"_s << Edits{Edit::insertJson(u"a"_s, u"x"_s)}
                                                  << u"the value for a is not JSON"_s;
    QTest::newRow("change the type of a missing member") << u"{}"_s
                                                         << Edits{Edit::changeType(u"a"_s, ValueKind::Null)}
                                                         << u"cannot edit a: it does not exist."_s;
}

void TestJsonTextFormEdits::refuses()
{
    QFETCH(QString, original);
    QFETCH(Edits, edits);
    QFETCH(QString, error);
    QString problem;
    QVERIFY(!JsonTextEditor::apply(original, edits, &problem));
    QVERIFY2(problem.contains(error), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestJsonTextFormEdits)
#include "tst_jsontextformedits.moc"
