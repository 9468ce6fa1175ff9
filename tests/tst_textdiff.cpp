#include "json/ExtensionDiff.h"
#include "json/TextDiff.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Renders a diff as "-a +b  c" lines so that tables stay readable.
static QStringList render(const QList<TextDiff::Line> &diff)
{
    QStringList lines;
    for (const TextDiff::Line &line : diff) {
        const QChar mark = line.op == TextDiff::Op::Removed ? u'-' : line.op == TextDiff::Op::Added ? u'+' : u' ';
        lines << mark + line.text;
    }
    return lines;
}

class TestTextDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitLines_data();
    void splitLines();
    void compare_data();
    void compare();
    void diffReproducesBothSides_data();
    void diffReproducesBothSides();
    void largeInputStaysCorrect();
    void extensionDiff_data();
    void extensionDiff();
    void extensionDiffSummary_data();
    void extensionDiffSummary();
};

void TestTextDiff::splitLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("lines");
    QTest::newRow("empty") << u""_s << QStringList();
    QTest::newRow("one line") << u"a"_s << QStringList{u"a"_s};
    QTest::newRow("two lines") << u"a\nb"_s << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("trailing newline kept") << u"a\n"_s << QStringList{u"a"_s, u""_s};
    QTest::newRow("only a newline") << u"\n"_s << QStringList{u""_s, u""_s};
    QTest::newRow("carriage return stays in line") << u"a\r\nb"_s << QStringList{u"a\r"_s, u"b"_s};
}

void TestTextDiff::splitLines()
{
    QFETCH(QString, text);
    QFETCH(QStringList, lines);
    QCOMPARE(TextDiff::splitLines(text), lines);
}

void TestTextDiff::compare_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("diff");

    QTest::newRow("both empty") << u""_s << u""_s << QStringList();
    QTest::newRow("identical") << u"a\nb"_s << u"a\nb"_s << QStringList{u" a"_s, u" b"_s};
    QTest::newRow("from empty") << u""_s << u"a\nb"_s << QStringList{u"+a"_s, u"+b"_s};
    QTest::newRow("to empty") << u"a\nb"_s << u""_s << QStringList{u"-a"_s, u"-b"_s};
    QTest::newRow("one line changed") << u"x"_s << u"y"_s << QStringList{u"-x"_s, u"+y"_s};
    QTest::newRow("middle changed") << u"a\nb\nc"_s << u"a\nB\nc"_s
                                    << QStringList{u" a"_s, u"-b"_s, u"+B"_s, u" c"_s};
    QTest::newRow("line inserted") << u"a\nc"_s << u"a\nb\nc"_s
                                   << QStringList{u" a"_s, u"+b"_s, u" c"_s};
    QTest::newRow("line deleted") << u"a\nb\nc"_s << u"a\nc"_s
                                  << QStringList{u" a"_s, u"-b"_s, u" c"_s};
    QTest::newRow("removed before added in a block") << u"a\nb\nc\nd"_s << u"a\nx\ny\nd"_s
                                                     << QStringList{u" a"_s, u"-b"_s, u"-c"_s, u"+x"_s, u"+y"_s, u" d"_s};
    QTest::newRow("moved line") << u"a\nb\nc"_s << u"b\nc\na"_s
                                << QStringList{u"-a"_s, u" b"_s, u" c"_s, u"+a"_s};
    QTest::newRow("two separate changes") << u"1\n2\n3\n4\n5"_s << u"1\nX\n3\n4\nY"_s
                                          << QStringList{u" 1"_s, u"-2"_s, u"+X"_s, u" 3"_s, u" 4"_s, u"-5"_s, u"+Y"_s};
    QTest::newRow("repeated lines") << u"a\na\nb"_s << u"a\nb\na"_s
                                    << QStringList{u" a"_s, u"-a"_s, u" b"_s, u"+a"_s};
    QTest::newRow("trailing newline added") << u"a"_s << u"a\n"_s << QStringList{u" a"_s, u"+"_s};
    QTest::newRow("case matters") << u"Key"_s << u"key"_s << QStringList{u"-Key"_s, u"+key"_s};
}

void TestTextDiff::compare()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, diff);
    QCOMPARE(render(TextDiff::compareTexts(before, after)), diff);
}

void TestTextDiff::diffReproducesBothSides_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<int>("commonLines"); // the longest common subsequence
    QTest::newRow("interleaved") << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s}
                                 << QStringList{u"b"_s, u"x"_s, u"d"_s, u"f"_s, u"a"_s} << 3;
    QTest::newRow("reversed") << QStringList{u"1"_s, u"2"_s, u"3"_s, u"4"_s}
                              << QStringList{u"4"_s, u"3"_s, u"2"_s, u"1"_s} << 1;
}

void TestTextDiff::diffReproducesBothSides()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(int, commonLines);
    const QList<TextDiff::Line> diff = TextDiff::compare(before, after);
    QStringList left;
    QStringList right;
    qsizetype same = 0;
    for (const TextDiff::Line &line : diff) {
        if (line.op != TextDiff::Op::Added)
            left << line.text;
        if (line.op != TextDiff::Op::Removed)
            right << line.text;
        same += line.op == TextDiff::Op::Same;
    }
    QCOMPARE(left, before);
    QCOMPARE(right, after);
    QCOMPARE(same, qsizetype(commonLines)); // minimal: nothing shared is shown as changed
}

void TestTextDiff::largeInputStaysCorrect()
{
    // Beyond the table limit the middle is replaced wholesale: not minimal, still correct.
    QStringList before;
    QStringList after;
    for (int i = 0; i < 3000; ++i) {
        before << u"old %1"_s.arg(i);
        after << u"new %1"_s.arg(i);
    }
    before.prepend(u"head"_s);
    after.prepend(u"head"_s);
    const QList<TextDiff::Line> diff = TextDiff::compare(before, after);
    QCOMPARE(diff.first(), (TextDiff::Line{TextDiff::Op::Same, u"head"_s}));
    QCOMPARE(TextDiff::count(diff, TextDiff::Op::Removed), 3000);
    QCOMPARE(TextDiff::count(diff, TextDiff::Op::Added), 3000);
}

void TestTextDiff::extensionDiff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("asJson");
    QTest::addColumn<QStringList>("diff");

    QTest::newRow("compact JSON, one key changed")
        << uR"({"a":1,"b":"x","c":true})"_s << uR"({"a":1,"b":"y","c":true})"_s << true
        << QStringList{u" {"_s, u"   \"a\": 1,"_s, u"-  \"b\": \"x\","_s, u"+  \"b\": \"y\","_s,
                       u"   \"c\": true"_s, u" }"_s};
    QTest::newRow("key order is the server's")
        << uR"({"z":1,"a":2})"_s << uR"({"z":1,"a":3})"_s << true
        << QStringList{u" {"_s, u"   \"z\": 1,"_s, u"-  \"a\": 2"_s, u"+  \"a\": 3"_s, u" }"_s};
    QTest::newRow("empty to JSON") << u""_s << uR"({"a":1})"_s << true
                                   << QStringList{u"+{"_s, u"+  \"a\": 1"_s, u"+}"_s};
    QTest::newRow("plain text on one side") << u"hello"_s << uR"({"a":1})"_s << false
                                            << QStringList{u"-hello"_s, u"+{\"a\":1}"_s};
    QTest::newRow("plain text both") << u"one\ntwo"_s << u"one\nthree"_s << false
                                     << QStringList{u" one"_s, u"-two"_s, u"+three"_s};
    QTest::newRow("invalid JSON compared as text") << u"{\"a\":1"_s << u"{\"a\":2"_s << false
                                                   << QStringList{u"-{\"a\":1"_s, u"+{\"a\":2"_s};
    QTest::newRow("both empty") << u""_s << u""_s << false << QStringList();
}

void TestTextDiff::extensionDiff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, asJson);
    QFETCH(QStringList, diff);
    const ExtensionDiff result = ExtensionDiff::compute(before, after);
    QCOMPARE(result.comparedAsJson, asJson);
    QCOMPARE(render(result.lines), diff);
    QCOMPARE(result.charactersBefore, before.size());
    QCOMPARE(result.charactersAfter, after.size());
}

void TestTextDiff::extensionDiffSummary_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("summary");

    QTest::newRow("lines changed") << u"a\nb\nc"_s << u"a\nx\ny\nz"_s
                                   << u"2 lines removed, 3 added, 5 → 7 characters"_s;
    QTest::newRow("one line") << u"x"_s << u"yy"_s << u"1 line removed, 1 added, 1 → 2 characters"_s;
    QTest::newRow("formatting only") << uR"({"a":1})"_s << u"{\n  \"a\": 1\n}"_s
                                     << u"Only the JSON formatting changes, 7 → 12 characters"_s;
    QTest::newRow("no change") << u"same"_s << u"same"_s << u"No change, 4 characters"_s;
}

void TestTextDiff::extensionDiffSummary()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, summary);
    QCOMPARE(ExtensionDiff::compute(before, after).summary(), summary);
}

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
