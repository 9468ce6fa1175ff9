#include "json/JsonIndex.h"
#include "json/SharedJson.h"

#include <QTest>

#include <functional>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

QByteArray nested(int depth)
{
    return QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
}

// The keys of every object, in the order the index holds them, depth first.
QStringList keysOf(const JsonIndex &index, JsonIndex::NodeId node)
{
    QStringList keys;
    for (JsonIndex::NodeId child = index.firstChild(node); index.isContainer(node) && child < index.subtreeEnd(node);
         child = index.nextSibling(child)) {
        if (index.isObject(node))
            keys << QString::fromStdString(index.key(child));
        keys << keysOf(index, child);
    }
    return keys;
}

QStringList keysOf(const OrderedJson &value)
{
    QStringList keys;
    if (value.is_object()) {
        for (const auto &[key, member] : value.items()) {
            keys << QString::fromStdString(key);
            keys << keysOf(member);
        }
    } else if (value.is_array()) {
        for (const OrderedJson &element : value)
            keys << keysOf(element);
    }
    return keys;
}

} // namespace

class TestJsonIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatNlohmannReads_data();
    void readsWhatNlohmannReads();
    void keepsNumbersAsSent_data();
    void keepsNumbersAsSent();
    void refusesWhatIsNotJson_data();
    void refusesWhatIsNotJson();
    void refusesNestingBeyondTheLimit();
    void findsMembersByUnescapedKey();
    void readsTheReceivedBytesWithoutCopying();
    void countsDescendants();
    void sharedValuePrintsTheServersNumbers();
};

void TestJsonIndex::readsWhatNlohmannReads_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("server key order") << QByteArray(R"({"zeta": 1, "alpha": 2, "mid": {"b": true, "a": false}})");
    QTest::newRow("escapes") << QByteArray(R"({"k\"ey": "a\\b\nc\t\u00e9\ud83d\ude00", "\u0041": "\/"})");
    QTest::newRow("unicode") << QByteArray("{\"名字\": \"值 😀\", \"ключ\": [\"é\", \"\xef\xbb\xbf" "bom\"]}");
    QTest::newRow("empty containers") << QByteArray(R"({"o": {}, "a": [], "s": "", "n": [[], {}]})");
    QTest::newRow("white space everywhere") << QByteArray(" \n{ \"a\" :\t[ 1 , 2 ] ,\r\n \"b\" : null } \n");
    QTest::newRow("deep nesting") << nested(200);
    QTest::newRow("scalars") << QByteArray(R"([0, -1, 9223372036854775807, 18446744073709551615, 0.5, true, false, null])");
    QTest::newRow("root string") << QByteArray(R"("just \"text\"")");
    QTest::newRow("root string, no escapes") << QByteArray(R"( "text" )");
    QTest::newRow("root empty string") << QByteArray(R"("")");
    QTest::newRow("root boolean") << QByteArray("false");
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{\"a\": [1]}");
    QTest::newRow("root number") << QByteArray("  42 ");
    QTest::newRow("root null") << QByteArray("null");
    QTest::newRow("string holding JSON") << QByteArray(R"({"server_extension": "{\"a\":[1,{\"b\":2}]}"})");
}

void TestJsonIndex::readsWhatNlohmannReads()
{
    QFETCH(QByteArray, text);

    const auto index = JsonIndex::parse(text);
    const auto expected = Json::parse(text);
    QVERIFY(expected);
    QVERIFY(index);
    QVERIFY2(index->toJson(JsonIndex::Root) == *expected, index->toJson(JsonIndex::Root).dump().c_str());
    QCOMPARE(keysOf(*index, JsonIndex::Root), keysOf(*expected));
    QCOMPARE(index->serialize(JsonIndex::Root), Json::serialize(*expected));
    QCOMPARE(index->serialize(JsonIndex::Root, 2), Json::serialize(*expected, 2));
    QCOMPARE(&index->cachedJson(JsonIndex::Root), &index->cachedJson(JsonIndex::Root));
}

void TestJsonIndex::keepsNumbersAsSent_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<bool>("integer");

    QTest::newRow("beyond 64 bits") << QByteArray("123456789012345678901234567890") << true;
    QTest::newRow("negative beyond 64 bits") << QByteArray("-123456789012345678901234567890") << true;
    QTest::newRow("above 2^53") << QByteArray("9007199254740993") << true;
    QTest::newRow("one point zero") << QByteArray("1.0") << false;
    QTest::newRow("exponent") << QByteArray("1e5") << false;
    QTest::newRow("signed exponent") << QByteArray("-2.5E-3") << false;
    QTest::newRow("negative zero") << QByteArray("-0") << true;
    QTest::newRow("below a double") << QByteArray("-1e-400") << false;
}

void TestJsonIndex::keepsNumbersAsSent()
{
    QFETCH(QByteArray, number);
    QFETCH(bool, integer);

    const auto index = JsonIndex::parse("{\"n\": " + number + " , \"m\":[" + number + "]}");
    QVERIFY(index);
    const JsonIndex::NodeId n = index->member(JsonIndex::Root, "n");
    QVERIFY(n != JsonIndex::NoNode);
    QCOMPARE(QByteArray(index->rawText(n).data(), qsizetype(index->rawText(n).size())), number);
    QCOMPARE(index->type(n), integer ? JsonIndex::Type::Integer : JsonIndex::Type::Number);
    QCOMPARE(index->serialize(JsonIndex::Root), "{\"n\":" + number + ",\"m\":[" + number + "]}");
    // Through nlohmann, as nlohmann reads the text.
    QVERIFY(index->toJson(n) == OrderedJson::parse(number.toStdString()));
}

void TestJsonIndex::refusesWhatIsNotJson_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("white space") << QByteArray("  \n");
    QTest::newRow("unclosed object") << QByteArray(R"({"a": 1)");
    QTest::newRow("trailing comma") << QByteArray("[1,]");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("leading zero") << QByteArray("[01]");
    QTest::newRow("bad literal") << QByteArray("[nul]");
    QTest::newRow("text after the value") << QByteArray("[1] x");
    QTest::newRow("second value") << QByteArray("{} {}");
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])");
    QTest::newRow("lone surrogate") << QByteArray(R"(["\ud800"])");
    QTest::newRow("control character") << QByteArray("[\"a\x01\"]");
    QTest::newRow("NUL byte") << QByteArray("[1]\0", 4);
    QTest::newRow("bad UTF-8") << QByteArray("[\"\xc3\x28\"]");
    QTest::newRow("single quotes") << QByteArray("{'a': 1}");
    QTest::newRow("lone low surrogate") << QByteArray(R"(["\udc00"])");
    QTest::newRow("high surrogate, then no low one") << QByteArray(R"(["\ud800\u0041"])");
    QTest::newRow("number without digits") << QByteArray("[-]");
    QTest::newRow("number ending in a point") << QByteArray("[2.]");
    QTest::newRow("exponent without digits") << QByteArray("[1e+]");
    QTest::newRow("plus sign") << QByteArray("[+1]");
    QTest::newRow("number beyond a double") << QByteArray("[1.8e308]");
    QTest::newRow("root number, then text") << QByteArray("12 x");
    QTest::newRow("root string, then text") << QByteArray(R"("a" "b")");
}

void TestJsonIndex::refusesWhatIsNotJson()
{
    QFETCH(QByteArray, text);

    JsonParseError error;
    QVERIFY(!JsonIndex::parse(text, &error));
    QVERIFY(!error.message.isEmpty());
    // The same sentence and place as every other JSON text the app reads.
    JsonParseError expected;
    QVERIFY(!Json::parse(text, &expected));
    QCOMPARE(error.describe(), expected.describe());
}

void TestJsonIndex::refusesNestingBeyondTheLimit()
{
    QVERIFY(JsonIndex::parse(nested(Json::DefaultMaxDepth)));
    JsonParseError error;
    QVERIFY(!JsonIndex::parse(nested(Json::DefaultMaxDepth + 1), &error));
    QVERIFY2(error.message.contains(QString::number(Json::DefaultMaxDepth)), qPrintable(error.message));
    QVERIFY(!JsonIndex::parse(nested(20), &error, 10));
}

void TestJsonIndex::findsMembersByUnescapedKey()
{
    const auto index = JsonIndex::parse(R"({"a\"b": 1, "\u00e9": 2, "plain": 3, "plain": 4})");
    QVERIFY(index);
    QCOMPARE(index->childCount(JsonIndex::Root), 4); // as sent; nlohmann keeps one "plain"
    QCOMPARE(index->rawText(index->member(JsonIndex::Root, "a\"b")), "1");
    QCOMPARE(index->rawKey(index->member(JsonIndex::Root, "a\"b")), R"(a\"b)");
    QCOMPARE(index->rawText(index->member(JsonIndex::Root, "é")), "2");
    QCOMPARE(index->rawText(index->member(JsonIndex::Root, "plain")), "3"); // the first one
    QCOMPARE(index->member(JsonIndex::Root, "missing"), JsonIndex::NoNode);
    QVERIFY(index->toJson(JsonIndex::Root) == Json::parse(index->text()).value());
}

void TestJsonIndex::readsTheReceivedBytesWithoutCopying()
{
    QByteArray received = R"({"data": {"text": "hello"}})";
    received.reserve(received.size() + JsonIndex::Padding);
    const char *bytes = received.constData();
    const auto index = JsonIndex::parse(received);
    QVERIFY(index);
    QCOMPARE(index->text().constData(), bytes);
    const JsonIndex::NodeId text = index->member(index->member(JsonIndex::Root, "data"), "text");
    QCOMPARE(index->rawString(text).data(), bytes + received.indexOf("hello"));

    // Without room after it, the text is copied once.
    const QByteArray tight = QByteArray::fromRawData(bytes, received.size());
    const auto copied = JsonIndex::parse(tight);
    QVERIFY(copied);
    QVERIFY(copied->text().constData() != bytes);
    QVERIFY(copied->toJson(JsonIndex::Root) == index->toJson(JsonIndex::Root));

    // Room before the bytes is not room after them: a buffer whose start was cut off.
    QByteArray cut = QByteArray(100, ' ') + R"({"a": 1})";
    cut.squeeze();
    cut.remove(0, 100);
    QVERIFY(cut.capacity() - cut.size() >= JsonIndex::Padding);
    const char *cutBytes = cut.constData();
    const auto fromCut = JsonIndex::parse(cut);
    QVERIFY(fromCut);
    QVERIFY(fromCut->text().constData() != cutBytes);
}

void TestJsonIndex::countsDescendants()
{
    const auto index = JsonIndex::parse(R"({"a": [1, [2, 3]], "b": {"c": {}}, "d": "x"})");
    QVERIFY(index);
    QCOMPARE(index->descendantCount(JsonIndex::Root), 8);
    const JsonIndex::NodeId a = index->member(JsonIndex::Root, "a");
    QCOMPARE(index->childCount(a), 2);
    QCOMPARE(index->descendantCount(a), 4);
    QCOMPARE(index->child(a, 1), a + 2);
    QCOMPARE(index->nextSibling(a), index->member(JsonIndex::Root, "b"));
    QCOMPARE(index->child(a, 2), JsonIndex::NoNode);
    QCOMPARE(index->firstChild(index->member(index->member(JsonIndex::Root, "b"), "c")), JsonIndex::NoNode);
    // From a value to the next one's key: `[1, [2, 3]], ` is 13 bytes.
    QCOMPARE(index->textSpan(a), 13);
    QCOMPARE(index->textSpan(JsonIndex::Root), index->text().size());
}

// What `convdesk-cli get` prints: a member of the answer, indented, with the numbers as sent.
void TestJsonIndex::sharedValuePrintsTheServersNumbers()
{
    const SharedJson body(JsonIndex::parse(R"({"code":200,"data":{"id":123456789012345678901234567890,"r":1.0,"t":"é"}})"));
    const SharedJson data = body.member("data");
    QCOMPARE(data.serialize(), R"({"id":123456789012345678901234567890,"r":1.0,"t":"é"})"_ba);
    QCOMPARE(data.serialize(2), "{\n  \"id\": 123456789012345678901234567890,\n  \"r\": 1.0,\n  \"t\": \"é\"\n}"_ba);
    // A value the program made prints as nlohmann prints it.
    QCOMPARE(SharedJson(OrderedJson::parse(R"({"a":[1,2]})")).serialize(), R"({"a":[1,2]})"_ba);
}

QTEST_APPLESS_MAIN(TestJsonIndex)
#include "tst_jsonindex.moc"
