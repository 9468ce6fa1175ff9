#include "json/ExtensionChanges.h"

#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// One change as one line, so that tables stay readable:
// "~ /a/b $.a.b: 1 → \"x\" [integer→string]"; a missing side is "∅", an absent type "".
static QString render(const ExtensionChange &change)
{
    const QChar mark = change.kind == ExtensionChange::Kind::Added     ? u'+'
                     : change.kind == ExtensionChange::Kind::Removed ? u'-'
                                                                       : u'~';
    return u"%1 %2 %3: %4 → %5 [%6→%7]"_s.arg(mark, change.pointer, change.readablePath,
                                              change.oldValue.value_or(u"∅"_s), change.newValue.value_or(u"∅"_s),
                                              change.oldType, change.newType);
}

static QStringList render(const QList<ExtensionChange> &changes)
{
    QStringList lines;
    for (const ExtensionChange &change : changes)
        lines << render(change);
    return lines;
}

class TestExtensionChanges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void changes_data();
    void changes();
    void flags_data();
    void flags();
    void typeChangedOnlyForChangedRows();
};

void TestExtensionChanges::changes_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("identical") << uR"({"a":1})"_s << uR"({"a":1})"_s << QStringList();
    QTest::newRow("one key changed")
        << uR"({"level":"gold","n":1})"_s << uR"({"level":"platinum","n":1})"_s
        << QStringList{uR"(~ /level $.level: "gold" → "platinum" [string→string])"_s};
    QTest::newRow("added and removed, in document order")
        << uR"({"a":1,"b":2})"_s << uR"({"b":2,"c":[3]})"_s
        << QStringList{uR"(- /a $.a: 1 → ∅ [integer→])"_s, uR"(+ /c $.c: ∅ → [3] [→array])"_s};
    QTest::newRow("nested key")
        << uR"({"contact":{"phone":"1","mail":"m"}})"_s << uR"({"contact":{"phone":"2","mail":"m"}})"_s
        << QStringList{uR"(~ /contact/phone $.contact.phone: "1" → "2" [string→string])"_s};
    QTest::newRow("type change")
        << uR"({"vip":"1"})"_s << uR"({"vip":1})"_s
        << QStringList{uR"(~ /vip $.vip: "1" → 1 [string→integer])"_s};
    QTest::newRow("array element changed")
        << uR"({"tags":["a","b"]})"_s << uR"({"tags":["a","c"]})"_s
        << QStringList{uR"(~ /tags/1 $.tags[1]: "b" → "c" [string→string])"_s};
    QTest::newRow("array elements appended get their positions")
        << uR"({"tags":["a"]})"_s << uR"({"tags":["a","b","c"]})"_s
        << QStringList{uR"(+ /tags/1 $.tags[1]: ∅ → "b" [→string])"_s,
                       uR"(+ /tags/2 $.tags[2]: ∅ → "c" [→string])"_s};
    QTest::newRow("array elements removed")
        << uR"({"tags":["a","b","c"]})"_s << uR"({"tags":["a"]})"_s
        << QStringList{uR"(- /tags/2 $.tags[2]: "c" → ∅ [string→])"_s,
                       uR"(- /tags/1 $.tags[1]: "b" → ∅ [string→])"_s};
    QTest::newRow("key with slash and tilde")
        << uR"({"a/b":1,"c~d":2})"_s << uR"({"a/b":3,"c~d":2,"e~/f":4})"_s
        << QStringList{uR"(~ /a~1b $["a/b"]: 1 → 3 [integer→integer])"_s,
                       uR"(+ /e~0~1f $["e~/f"]: ∅ → 4 [→integer])"_s};
    QTest::newRow("big integers stay exact")
        << uR"({"id":9007199254740992})"_s << uR"({"id":9007199254740993})"_s
        << QStringList{uR"(~ /id $.id: 9007199254740992 → 9007199254740993 [integer→integer])"_s};
    QTest::newRow("big integer to a float that a double calls equal")
        << uR"({"id":9007199254740993})"_s << uR"({"id":9007199254740992.0})"_s
        << QStringList{uR"(~ /id $.id: 9007199254740993 → 9.007199254740992e+15 [integer→number])"_s};
    QTest::newRow("1.0 vs 1 is a change of kind")
        << uR"({"n":1.0,"m":"x"})"_s << uR"({"n":1,"m":"y"})"_s
        << QStringList{uR"(~ /m $.m: "x" → "y" [string→string])"_s, uR"(~ /n $.n: 1.0 → 1 [number→integer])"_s};
    QTest::newRow("whole value: JSON to another type")
        << uR"({"a":1})"_s << uR"([1])"_s << QStringList{uR"(~  $: {"a":1} → [1] [object→array])"_s};
    QTest::newRow("plain text to JSON")
        << u"vip customer"_s << uR"({"vip":true})"_s
        << QStringList{uR"(~  $: vip customer → {"vip":true} [text→object])"_s};
    QTest::newRow("JSON to plain text")
        << uR"({"vip":true})"_s << u"vip customer"_s
        << QStringList{uR"(~  $: {"vip":true} → vip customer [object→text])"_s};
    QTest::newRow("invalid JSON after")
        << uR"({"a":1})"_s << uR"({"a":1,})"_s
        << QStringList{uR"(~  $: {"a":1} → {"a":1,} [object→text])"_s};
    QTest::newRow("empty to object: each key added")
        << QString() << uR"({"a":1,"b":{"c":2}})"_s
        << QStringList{uR"(+ /a $.a: ∅ → 1 [→integer])"_s, uR"(+ /b $.b: ∅ → {"c":2} [→object])"_s};
    QTest::newRow("empty to empty object")
        << QString() << u"{}"_s << QStringList{u"+  $: ∅ → {} [→object]"_s};
    QTest::newRow("empty to plain text")
        << QString() << u"note"_s << QStringList{u"+  $: ∅ → note [→text]"_s};
    QTest::newRow("object cleared")
        << uR"({"a":1})"_s << QString() << QStringList{uR"(-  $: {"a":1} → ∅ [object→])"_s};
    QTest::newRow("compact form shown for JSON")
        << u"{ \"a\" : [ 1 , 2 ] }"_s << QString() << QStringList{uR"(-  $: {"a":[1,2]} → ∅ [object→])"_s};
}

void TestExtensionChanges::changes()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    const ExtensionChanges changes = ExtensionChanges::compute(before, after);
    QCOMPARE(render(changes.changes), expected);
}

void TestExtensionChanges::flags_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("breaksJson");
    QTest::addColumn<bool>("stopsBeingObject");
    QTest::addColumn<bool>("formattingOnly");
    QTest::addColumn<bool>("orderOnly");
    QTest::addColumn<int>("rows");

    QTest::newRow("value change") << uR"({"a":1})"_s << uR"({"a":2})"_s << false << false << false << false << 1;
    QTest::newRow("formatting only") << uR"({"a":1,"b":[1,2]})"_s << u"{\n  \"a\": 1,\n  \"b\": [1, 2]\n}"_s
                                     << false << false << true << false << 0;
    QTest::newRow("order only") << uR"({"a":1,"b":2})"_s << uR"({"b":2,"a":1})"_s
                                << false << false << false << true << 0;
    QTest::newRow("nested order only") << uR"({"x":{"a":1,"b":2}})"_s << uR"({"x":{"b":2, "a":1}})"_s
                                       << false << false << false << true << 0;
    QTest::newRow("order and a value") << uR"({"a":1,"b":2})"_s << uR"({"b":3,"a":1})"_s
                                       << false << false << false << false << 1;
    QTest::newRow("breaks JSON") << uR"({"a":1})"_s << uR"({"a":1)"_s << true << true << false << false << 1;
    QTest::newRow("array breaks JSON") << uR"([1])"_s << uR"([1,)"_s << true << false << false << false << 1;
    QTest::newRow("object to plain text") << uR"({"a":1})"_s << u"hello"_s << false << true << false << false << 1;
    QTest::newRow("object to array") << uR"({"a":1})"_s << u"[]"_s << false << true << false << false << 1;
    QTest::newRow("object to string") << uR"({"a":1})"_s << uR"("a")"_s << false << true << false << false << 1;
    QTest::newRow("object cleared") << uR"({"a":1})"_s << QString() << false << false << false << false << 1;
    QTest::newRow("plain text to broken JSON") << u"hello"_s << u"{oops"_s << false << false << false << false << 1;
    QTest::newRow("plain text edited") << u"hello"_s << u"hello world"_s << false << false << false << false << 1;
    QTest::newRow("blank to blank") << QString() << u"  "_s << false << false << true << false << 0;
    QTest::newRow("both empty") << QString() << QString() << false << false << false << false << 0;
    QTest::newRow("1.0 vs 1") << u"1.0"_s << u"1"_s << false << false << false << false << 1;
    QTest::newRow("1.0 vs 1.00") << u"1.0"_s << u"1.00"_s << false << false << true << false << 0;
}

void TestExtensionChanges::flags()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(bool, breaksJson);
    QFETCH(bool, stopsBeingObject);
    QFETCH(bool, formattingOnly);
    QFETCH(bool, orderOnly);
    QFETCH(int, rows);
    const ExtensionChanges changes = ExtensionChanges::compute(before, after);
    QCOMPARE(changes.breaksJson, breaksJson);
    QCOMPARE(changes.stopsBeingObject, stopsBeingObject);
    QCOMPARE(changes.risky(), breaksJson || stopsBeingObject);
    QCOMPARE(changes.formattingOnly, formattingOnly);
    QCOMPARE(changes.orderOnly, orderOnly);
    QCOMPARE(changes.changes.size(), rows);
    QCOMPARE(changes.identical(), before == after);
}

void TestExtensionChanges::typeChangedOnlyForChangedRows()
{
    const ExtensionChanges changes = ExtensionChanges::compute(uR"({"a":"1","b":2})"_s, uR"({"a":1,"c":3})"_s);
    QCOMPARE(changes.changes.size(), 3);
    QCOMPARE(changes.count(ExtensionChange::Kind::Changed), 1);
    QCOMPARE(changes.count(ExtensionChange::Kind::Removed), 1);
    QCOMPARE(changes.count(ExtensionChange::Kind::Added), 1);
    QVERIFY(changes.changes.at(0).typeChanged()); // "1" → 1
    QVERIFY(!changes.changes.at(1).typeChanged()); // removed: nothing to compare with
    QVERIFY(!changes.changes.at(2).typeChanged());
    QVERIFY(!changes.changes.at(0).wholeValue());
}

QTEST_MAIN(TestExtensionChanges)
#include "tst_extensionchanges.moc"
