#include "json/JsonTextEditor.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

using Edit = JsonTextEditor::Edit;
using Edits = QList<Edit>;
Q_DECLARE_METATYPE(Edits)

// Edits by key on the server's text: untouched bytes must stay as they were.
class TestJsonTextEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void appliesEdits_data();
    void appliesEdits();
    void refuses_data();
    void refuses();
    void removingAMissingKeyIsANote();
};

void TestJsonTextEditor::appliesEdits_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QString>("expected");

    // Byte-exactness of untouched parts.
    QTest::newRow("1.0 and a big integer stay")
        << u"{\"a\":1.0,\"big\":9007199254740993,\"s\":\"x\"}"_s << Edits{Edit::setString(u"s"_s, u"y"_s)}
        << u"{\"a\":1.0,\"big\":9007199254740993,\"s\":\"y\"}"_s;
    QTest::newRow("exponent and negative zero stay")
        << u"{\"e\":1E+2,\"z\":-0,\"k\":1}"_s << Edits{Edit::setJson(u"k"_s, u"2"_s)}
        << u"{\"e\":1E+2,\"z\":-0,\"k\":2}"_s;
    QTest::newRow("\\u escapes stay")
        << u"{\"caf\\u00e9\":\"\\u00e9\\n\",\"k\":1}"_s << Edits{Edit::setJson(u"k"_s, u"true"_s)}
        << u"{\"caf\\u00e9\":\"\\u00e9\\n\",\"k\":true}"_s;
    QTest::newRow("an escaped key is found by its name")
        << u"{\"caf\\u00e9\":1}"_s << Edits{Edit::setJson(u"café"_s, u"2"_s)} << u"{\"caf\\u00e9\":2}"_s;
    QTest::newRow("spaces and newlines stay")
        << u"{\n  \"a\" : 1 ,\n  \"b\": [1, 2],\n  \"c\":3\n}\n"_s << Edits{Edit::setJson(u"b"_s, u"[ 3 ]"_s)}
        << u"{\n  \"a\" : 1 ,\n  \"b\": [3],\n  \"c\":3\n}\n"_s;
    QTest::newRow("unicode stays") << u"{\"备注\":\"别动 😀\",\"k\":\"v\"}"_s
                                   << Edits{Edit::setString(u"k"_s, u"新值"_s)}
                                   << u"{\"备注\":\"别动 😀\",\"k\":\"新值\"}"_s;
    QTest::newRow("nested objects stay") << u"{\"n\":{\"x\":1.50,\"y\":{}},\"k\":0}"_s
                                         << Edits{Edit::setJson(u"k"_s, u"1"_s)}
                                         << u"{\"n\":{\"x\":1.50,\"y\":{}},\"k\":1}"_s;

    // Set.
    QTest::newRow("set existing keeps its place") << u"{\"a\":1,\"b\":2,\"c\":3}"_s
                                                  << Edits{Edit::setJson(u"b"_s, u"{\"x\": 1.0}"_s)}
                                                  << u"{\"a\":1,\"b\":{\"x\":1.0},\"c\":3}"_s;
    QTest::newRow("set new goes at the end") << u"{\"a\":1 }"_s << Edits{Edit::setJson(u"z"_s, u"null"_s)}
                                             << u"{\"a\":1,\"z\":null }"_s;
    QTest::newRow("set new in an empty object") << u"{ }"_s << Edits{Edit::setJson(u"z"_s, u"12345678901234567890"_s)}
                                                << u"{\"z\":12345678901234567890}"_s;
    QTest::newRow("set value keeps its number text") << u"{}"_s << Edits{Edit::setJson(u"v"_s, u" 1.0e5 "_s)}
                                                     << u"{\"v\":1.0e5}"_s;
    QTest::newRow("set keeps spaces inside strings") << u"{}"_s << Edits{Edit::setJson(u"v"_s, u"[\"a b\", 1]"_s)}
                                                     << u"{\"v\":[\"a b\",1]}"_s;
    QTest::newRow("set-string with quotes and backslashes")
        << u"{\"a\":1}"_s << Edits{Edit::setString(u"q"_s, u"say \"hi\" \\ C:\\path"_s)}
        << u"{\"a\":1,\"q\":\"say \\\"hi\\\" \\\\ C:\\\\path\"}"_s;
    QTest::newRow("set-string of JSON-looking text stays a string")
        << u"{}"_s << Edits{Edit::setString(u"t"_s, u"true"_s)} << u"{\"t\":\"true\"}"_s;
    QTest::newRow("a new key with quotes is escaped") << u"{}"_s << Edits{Edit::setJson(u"a\"b"_s, u"1"_s)}
                                                      << u"{\"a\\\"b\":1}"_s;

    // Unset.
    QTest::newRow("unset first") << u"{ \"a\":1, \"b\":2, \"c\":3 }"_s << Edits{Edit::remove(u"a"_s)}
                                 << u"{ \"b\":2, \"c\":3 }"_s;
    QTest::newRow("unset middle") << u"{ \"a\":1, \"b\":2, \"c\":3 }"_s << Edits{Edit::remove(u"b"_s)}
                                  << u"{ \"a\":1, \"c\":3 }"_s;
    QTest::newRow("unset last") << u"{ \"a\":1, \"b\":2, \"c\":3 }"_s << Edits{Edit::remove(u"c"_s)}
                                << u"{ \"a\":1, \"b\":2 }"_s;
    QTest::newRow("unset only") << u"{ \"a\":{\"x\":[1,2]} }"_s << Edits{Edit::remove(u"a"_s)} << u"{}"_s;
    QTest::newRow("unset with a string holding a comma and brace")
        << u"{\"a\":\"x,}\\\"\",\"b\":2}"_s << Edits{Edit::remove(u"a"_s)} << u"{\"b\":2}"_s;

    // Pointers.
    QTest::newRow("nested pointer set") << u"{\"contact\":{\"phone\":\"1\",\"mail\":\"m\"},\"k\":1.0}"_s
                                        << Edits{Edit::setString(u"/contact/phone"_s, u"2"_s)}
                                        << u"{\"contact\":{\"phone\":\"2\",\"mail\":\"m\"},\"k\":1.0}"_s;
    QTest::newRow("nested pointer new key") << u"{\"contact\":{}}"_s << Edits{Edit::setJson(u"/contact/vip"_s, u"true"_s)}
                                            << u"{\"contact\":{\"vip\":true}}"_s;
    QTest::newRow("nested pointer unset") << u"{\"c\":{\"a\":1,\"b\":2}}"_s << Edits{Edit::remove(u"/c/a"_s)}
                                          << u"{\"c\":{\"b\":2}}"_s;
    QTest::newRow("~1 and ~0 escapes") << u"{\"a/b\":{\"c~d\":1}}"_s << Edits{Edit::setJson(u"/a~1b/c~0d"_s, u"2"_s)}
                                       << u"{\"a/b\":{\"c~d\":2}}"_s;
    QTest::newRow("a top-level pointer") << u"{\"a\":1}"_s << Edits{Edit::setJson(u"/a"_s, u"2"_s)} << u"{\"a\":2}"_s;
    QTest::newRow("a plain key with a slash inside") << u"{\"a/b\":1}"_s << Edits{Edit::setJson(u"a/b"_s, u"2"_s)}
                                                     << u"{\"a/b\":2}"_s;
    QTest::newRow("array element replaced") << u"{\"l\":[1, 2, 3]}"_s << Edits{Edit::setJson(u"/l/1"_s, u"9"_s)}
                                            << u"{\"l\":[1, 9, 3]}"_s;
    QTest::newRow("array element removed") << u"{\"l\":[1, 2, 3]}"_s << Edits{Edit::remove(u"/l/0"_s)}
                                           << u"{\"l\":[2, 3]}"_s;
    QTest::newRow("array append with -") << u"{\"l\":[1]}"_s << Edits{Edit::setJson(u"/l/-"_s, u"2"_s)}
                                         << u"{\"l\":[1,2]}"_s;

    // Order.
    QTest::newRow("set then unset the same key") << u"{\"a\":1}"_s
                                                 << Edits{Edit::setJson(u"b"_s, u"2"_s), Edit::remove(u"b"_s)}
                                                 << u"{\"a\":1}"_s;
    QTest::newRow("unset then set the same key goes to the end")
        << u"{\"a\":1,\"b\":2}"_s << Edits{Edit::remove(u"a"_s), Edit::setJson(u"a"_s, u"3"_s)}
        << u"{\"b\":2,\"a\":3}"_s;
    QTest::newRow("a later set wins") << u"{}"_s
                                      << Edits{Edit::setJson(u"a"_s, u"1"_s), Edit::setString(u"a"_s, u"x"_s)}
                                      << u"{\"a\":\"x\"}"_s;
    QTest::newRow("set an object, then a key inside it")
        << u"{}"_s << Edits{Edit::setJson(u"c"_s, u"{}"_s), Edit::setJson(u"/c/d"_s, u"1"_s)}
        << u"{\"c\":{\"d\":1}}"_s;
    QTest::newRow("no edits") << u" {\"a\" :1.0} "_s << Edits{} << u" {\"a\" :1.0} "_s;
}

void TestJsonTextEditor::appliesEdits()
{
    QFETCH(QString, original);
    QFETCH(Edits, edits);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QString> result = JsonTextEditor::apply(original, edits, &error);
    QVERIFY2(result, qPrintable(error));
    QCOMPARE(*result, expected);
}

void TestJsonTextEditor::refuses_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<Edits>("edits");
    QTest::addColumn<QString>("error");

    const Edits setA{Edit::setJson(u"a"_s, u"1"_s)};
    QTest::newRow("not JSON") << u"{\"a\":"_s << setA << u"the value is not valid JSON (line 1, column"_s;
    QTest::newRow("empty text") << QString() << setA << u"the value is not valid JSON"_s;
    QTest::newRow("a string") << u"\"text\""_s << setA
                              << u"edits by key need a JSON object; this value is a string."_s;
    QTest::newRow("an array") << u" [1]"_s << setA << u"edits by key need a JSON object; this value is an array."_s;
    QTest::newRow("a number") << u"12"_s << setA << u"this value is a number."_s;
    QTest::newRow("null") << u"null"_s << setA << u"this value is null."_s;
    QTest::newRow("set value not JSON") << u"{}"_s << Edits{Edit::setJson(u"a"_s, u"hello"_s)}
                                        << u"the value for a is not JSON (line 1, column"_s;
    QTest::newRow("set value empty") << u"{}"_s << Edits{Edit::setJson(u"a"_s, QString())}
                                     << u"the value for a is not JSON"_s;
    QTest::newRow("empty key") << u"{}"_s << Edits{Edit::remove(QString())} << u"a key is empty."_s;
    QTest::newRow("parent missing") << u"{\"a\":1}"_s << Edits{Edit::setJson(u"/contact/phone"_s, u"1"_s)}
                                    << u"cannot edit /contact/phone: /contact does not exist (missing objects are "
                                       "not created)."_s;
    QTest::newRow("parent not an object") << u"{\"contact\":\"x\"}"_s
                                          << Edits{Edit::setJson(u"/contact/phone"_s, u"1"_s)}
                                          << u"cannot edit /contact/phone: /contact is a string, not an object."_s;
    QTest::newRow("bad ~ escape") << u"{}"_s << Edits{Edit::setJson(u"/a~2"_s, u"1"_s)}
                                  << u"has a '~' that is not followed by 0 or 1"_s;
    QTest::newRow("array index out of range") << u"{\"l\":[1]}"_s << Edits{Edit::setJson(u"/l/5"_s, u"1"_s)}
                                              << u"the array has no element 5 (it has 1; use - to append)."_s;
    QTest::newRow("a later edit fails: none is applied")
        << u"{}"_s << Edits{Edit::setJson(u"a"_s, u"1"_s), Edit::setJson(u"b"_s, u"{"_s)}
        << u"the value for b is not JSON"_s;
}

void TestJsonTextEditor::refuses()
{
    QFETCH(QString, original);
    QFETCH(Edits, edits);
    QFETCH(QString, error);
    QString problem;
    QVERIFY(!JsonTextEditor::apply(original, edits, &problem));
    QVERIFY2(problem.contains(error), qPrintable(problem));
}

void TestJsonTextEditor::removingAMissingKeyIsANote()
{
    QString error;
    QStringList notes;
    const auto result =
        JsonTextEditor::apply(u"{\"a\":1}"_s, {Edit::remove(u"b"_s), Edit::remove(u"/a/x"_s)}, &error, &notes);
    // /a/x: a is a number, so "/a is a number, not an object" is an error, not a note.
    QVERIFY(!result);
    QVERIFY2(error.contains(u"/a is a number, not an object"_s), qPrintable(error));

    notes.clear();
    const auto kept = JsonTextEditor::apply(u"{\"a\":1}"_s, {Edit::remove(u"b"_s)}, &error, &notes);
    QVERIFY2(kept, qPrintable(error));
    QCOMPARE(*kept, u"{\"a\":1}"_s);
    QCOMPARE(notes, QStringList{u"b is not there; nothing to remove."_s});
}

QTEST_GUILESS_MAIN(TestJsonTextEditor)
#include "tst_jsontexteditor.moc"
