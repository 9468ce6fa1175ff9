#include "json/FieldDecoder.h"

#include <QDateTime>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

JsonPath pathFrom(const QString &text)
{
    const auto path = JsonPath::fromString(text);
    if (!path)
        qFatal("bad path in test table");
    return *path;
}

OrderedJson jsonFrom(const QByteArray &text)
{
    const auto value = Json::parse(text);
    if (!value)
        qFatal("bad JSON in test table");
    return *value;
}

DecodedField decode(const QString &path, const QByteArray &json)
{
    return FieldDecoder::decode(pathFrom(path), jsonFrom(json));
}

} // namespace

class TestFieldDecoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void decodesEnums_data();
    void decodesEnums();
    void decodesTimestamps_data();
    void decodesTimestamps();
    void leavesImplausibleTimestampsRaw_data();
    void leavesImplausibleTimestampsRaw();
    void showsStringBooleans_data();
    void showsStringBooleans();
    void elidesLongText_data();
    void elidesLongText();
    void limitsHugeToolTips();
    void flagsJsonInStrings_data();
    void flagsJsonInStrings();
    void showsScalarsExactly_data();
    void showsScalarsExactly();
    void summarizesContainers_data();
    void summarizesContainers();
};

void TestFieldDecoder::initTestCase()
{
    // A fixed zone (UTC+8, no daylight saving) so local times are known in advance.
    qputenv("TZ", "CST-8");
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(0).offsetFromUtc(), 8 * 3600);
}

void TestFieldDecoder::decodesEnums_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<bool>("decoded");

    QTest::newRow("type one-to-one") << u"$.type"_s << QByteArray("1") << u"1 · one-to-one"_s << u"integer (enum)"_s << true;
    QTest::newRow("type advanced team") << u"$.type"_s << QByteArray("2") << u"2 · advanced team"_s << u"integer (enum)"_s << true;
    QTest::newRow("type super team") << u"$.type"_s << QByteArray("3") << u"3 · super team"_s << u"integer (enum)"_s << true;
    QTest::newRow("type in a list of conversations") << u"$.items[4].type"_s << QByteArray("3") << u"3 · super team"_s << u"integer (enum)"_s << true;
    QTest::newRow("type quoted") << u"$.type"_s << QByteArray("\"2\"") << u"2 · advanced team"_s << u"string (enum)"_s << true;
    QTest::newRow("type in a list inside an attachment stays raw") << u"$.last_message.attachment.parts[0].type"_s << QByteArray("2") << u"2"_s << u"integer"_s << false;
    QTest::newRow("type of an attachment stays raw") << u"$.last_message.message.attachment.type"_s << QByteArray("1") << u"1"_s << u"integer"_s << false;
    QTest::newRow("nested message_type custom") << u"$.last_message.message.message_type"_s << QByteArray("100") << u"100 · custom"_s << u"integer (enum)"_s << true;
    QTest::newRow("nested message_type image") << u"$.last_message.message.message_type"_s << QByteArray("1") << u"1 · image"_s << u"integer (enum)"_s << true;
    QTest::newRow("flat message_type text") << u"$.last_message.message_type"_s << QByteArray("0") << u"0 · text"_s << u"integer (enum)"_s << true;
    QTest::newRow("flat message_type tip") << u"$.last_message.message_type"_s << QByteArray("10") << u"10 · tip"_s << u"integer (enum)"_s << true;
    QTest::newRow("flat message_type robot") << u"$.last_message.message_type"_s << QByteArray("11") << u"11 · robot"_s << u"integer (enum)"_s << true;
    QTest::newRow("message_type undocumented") << u"$.last_message.message_type"_s << QByteArray("7") << u"7"_s << u"integer (enum)"_s << false;
    QTest::newRow("conversation_type") << u"$.last_message.conversation_type"_s << QByteArray("1") << u"1 · one-to-one"_s << u"integer (enum)"_s << true;
    QTest::newRow("message_state normal") << u"$.message_state"_s << QByteArray("0") << u"0 · normal"_s << u"integer (enum)"_s << true;
    QTest::newRow("message_state recalled") << u"$.message_state"_s << QByteArray("1") << u"1 · last message recalled"_s << u"integer (enum)"_s << true;
    QTest::newRow("revoke_type undefined") << u"$.revoke_notification.revoke_type"_s << QByteArray("0") << u"0 · undefined"_s << u"integer (enum)"_s << true;
    QTest::newRow("revoke_type one-to-one one-way") << u"$.revoke_notification.revoke_type"_s << QByteArray("3") << u"3 · one-to-one one-way"_s << u"integer (enum)"_s << true;
    QTest::newRow("revoke_type team one-way") << u"$.revoke_notification.revoke_type"_s << QByteArray("4") << u"4 · team one-way"_s << u"integer (enum)"_s << true;
    QTest::newRow("sender_client_type web") << u"$.last_message.sender_client_type"_s << QByteArray("16") << u"16 · Web"_s << u"integer (enum)"_s << true;
    QTest::newRow("sender_client_type rest") << u"$.last_message.sender_client_type"_s << QByteArray("32") << u"32 · REST API"_s << u"integer (enum)"_s << true;
    QTest::newRow("sender_client_type unknown") << u"$.last_message.sender_client_type"_s << QByteArray("3") << u"3"_s << u"integer (enum)"_s << false;
    QTest::newRow("enum field holding text") << u"$.message_state"_s << QByteArray("\"recalled\"") << u"recalled"_s << u"string"_s << false;
}

void TestFieldDecoder::decodesEnums()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    QFETCH(QString, typeName);
    QFETCH(bool, decoded);

    const DecodedField field = decode(path, json);
    QCOMPARE(field.display, display);
    QCOMPARE(field.typeName, typeName);
    QCOMPARE(field.kind == DecodedField::Kind::Enum, decoded);
    if (field.kind == DecodedField::Kind::Enum) {
        QVERIFY2(field.toolTip.startsWith(display + u'\n'), qPrintable(field.toolTip));
        QVERIFY2(field.toolTip.contains(display.section(u' ', 0, 0)), qPrintable(field.toolTip));
    }
}

void TestFieldDecoder::decodesTimestamps_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QString>("typeName");

    QTest::newRow("create_time") << u"$.create_time"_s << QByteArray("1700000000123")
                                 << u"2023-11-15 06:13:20.123 +08:00"_s << u"2023-11-14 22:13:20.123"_s << u"integer (ms timestamp)"_s;
    QTest::newRow("update_time") << u"$.update_time"_s << QByteArray("1705468380123")
                                 << u"2024-01-17 13:13:00.123 +08:00"_s << u"2024-01-17 05:13:00.123"_s << u"integer (ms timestamp)"_s;
    QTest::newRow("last_read_time") << u"$.last_read_time"_s << QByteArray("1705468000000")
                                    << u"2024-01-17 13:06:40.000 +08:00"_s << u"2024-01-17 05:06:40.000"_s << u"integer (ms timestamp)"_s;
    QTest::newRow("flat last_message create_time") << u"$.last_message.create_time"_s << QByteArray("1705470000456")
                                                   << u"2024-01-17 13:40:00.456 +08:00"_s << u"2024-01-17 05:40:00.456"_s << u"integer (ms timestamp)"_s;
    QTest::newRow("quoted") << u"$.update_time"_s << QByteArray("\"1705470000456\"")
                            << u"2024-01-17 13:40:00.456 +08:00"_s << u"2024-01-17 05:40:00.456"_s << u"string (ms timestamp)"_s;
}

void TestFieldDecoder::decodesTimestamps()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, json);
    QFETCH(QString, local);
    QFETCH(QString, utc);
    QFETCH(QString, typeName);

    const DecodedField field = decode(path, json);
    QCOMPARE(field.kind, DecodedField::Kind::Timestamp);
    QCOMPARE(field.display, local);
    QCOMPARE(field.typeName, typeName);
    const QString raw = QString::fromLatin1(json).remove(u'"');
    // What the cell shows first (a narrow column cuts it), then the raw value and UTC.
    QVERIFY2(field.toolTip.startsWith(local + u'\n'), qPrintable(field.toolTip));
    QVERIFY2(field.toolTip.contains(raw), qPrintable(field.toolTip));
    QVERIFY2(field.toolTip.contains(utc), qPrintable(field.toolTip));
}

void TestFieldDecoder::leavesImplausibleTimestampsRaw_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("zero") << QByteArray("0");
    QTest::newRow("negative") << QByteArray("-5");
    QTest::newRow("past year 9999") << QByteArray("253402300800000");
    QTest::newRow("fraction") << QByteArray("1.5");
    QTest::newRow("words") << QByteArray("\"yesterday\"");
}

void TestFieldDecoder::leavesImplausibleTimestampsRaw()
{
    QFETCH(QByteArray, json);
    const DecodedField field = decode(u"$.create_time"_s, json);
    QCOMPARE(field.kind, DecodedField::Kind::Plain);
    QCOMPARE(field.display, QString::fromLatin1(json).remove(u'"'));
}

void TestFieldDecoder::showsStringBooleans_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<bool>("fromString");

    QTest::newRow("string true") << QByteArray("\"true\"") << u"true"_s << u"boolean (string)"_s << true;
    QTest::newRow("string false") << QByteArray("\"false\"") << u"false"_s << u"boolean (string)"_s << true;
    QTest::newRow("json true") << QByteArray("true") << u"true"_s << u"boolean"_s << false;
    QTest::newRow("json false") << QByteArray("false") << u"false"_s << u"boolean"_s << false;
    QTest::newRow("capitalised is text") << QByteArray("\"True\"") << u"True"_s << u"string"_s << false;
    QTest::newRow("padded is text") << QByteArray("\"true \"") << u"true "_s << u"string"_s << false;
}

void TestFieldDecoder::showsStringBooleans()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    QFETCH(QString, typeName);
    QFETCH(bool, fromString);

    const DecodedField field = decode(u"$.last_message.message_config.unread_enabled"_s, json);
    QCOMPARE(field.display, display);
    QCOMPARE(field.typeName, typeName);
    QCOMPARE(field.kind == DecodedField::Kind::StringBoolean, fromString);
}

void TestFieldDecoder::elidesLongText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("elided");

    const QString line300 = QString(300, u'x');
    const QString ab = QString(150, u'a') + QString(150, u'b');
    QTest::newRow("short") << u"Refund approved"_s << u"Refund approved"_s << false;
    QTest::newRow("exactly 200") << QString(200, u'y') << QString(200, u'y') << false;
    // Both ends, so a view eliding in the middle shows where the text ends too.
    QTest::newRow("300 characters") << ab << QString(100, u'a') + u'…' + QString(100, u'b') << true;
    QTest::newRow("two lines") << u"Your refund is approved.\nIt arrives in 3 days."_s
                               << u"Your refund is approved. ↵ It arrives in 3 days."_s << true;
    QTest::newRow("windows line end") << u"first\r\nsecond"_s << u"first ↵ second"_s << true;
    QTest::newRow("old mac line end and a tab") << u"first\rsecond\tthird"_s << u"first ↵ second third"_s << true;
    QTest::newRow("blank lines and spaces stay") << u"\n  \nhello\nworld "_s << u" ↵    ↵ hello ↵ world "_s << true;
    QTest::newRow("long first line") << line300 + u"\nmore"_s
                                     << QString(100, u'x') + u'…' + QString(95, u'x') + u" ↵ more"_s << true;
    // The cuts never split an emoji (a surrogate pair).
    QTest::newRow("surrogate pair at the head's cut") << QString(99, u'a') + u"😀"_s + QString(150, u'b')
                                                      << QString(99, u'a') + u'…' + QString(100, u'b') << true;
    QTest::newRow("surrogate pair at the tail's cut") << QString(150, u'a') + u"😀"_s + QString(99, u'b')
                                                      << QString(100, u'a') + u'…' + QString(99, u'b') << true;
    QTest::newRow("empty") << QString() << QString() << false;
}

void TestFieldDecoder::elidesLongText()
{
    QFETCH(QString, text);
    QFETCH(QString, display);
    QFETCH(bool, elided);

    const OrderedJson value(Json::toStdString(text));
    const DecodedField field = FieldDecoder::decode(JsonPath{u"last_message", u"message", u"text"}, value);
    QCOMPARE(field.display, display);
    QCOMPARE(field.elided, elided);
    QCOMPARE(field.typeName, u"string"_s);
    if (!text.isEmpty())
        QCOMPARE(field.toolTip, text);
}

void TestFieldDecoder::limitsHugeToolTips()
{
    const QString text = QString(FieldDecoder::ToolTipLimit + 500, u'z');
    const DecodedField field = FieldDecoder::decode(JsonPath{u"server_extension"}, OrderedJson(Json::toStdString(text)));
    QVERIFY(field.elided);
    QVERIFY(field.toolTip.startsWith(QString(FieldDecoder::ToolTipLimit, u'z') + u'\n'));
    QVERIFY2(field.toolTip.contains(u"500"_s), qPrintable(field.toolTip.right(100)));
    QVERIFY(field.toolTip.size() < FieldDecoder::ToolTipLimit + 200);
}

void TestFieldDecoder::flagsJsonInStrings_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("toolTip");

    QTest::newRow("server_extension object")
        << u"server_extension"_s << uR"({"ticket":"T-1","tags":["vip"]})"_s << true
        << uR"({"ticket":"T-1","tags":["vip"]})"_s
        << u"{\n  \"ticket\": \"T-1\",\n  \"tags\": [\n    \"vip\"\n  ]\n}"_s;
    QTest::newRow("push_payload keeps key order")
        << u"push_payload"_s << uR"({"sound":"default","badge":1})"_s << true
        << uR"({"sound":"default","badge":1})"_s << u"{\n  \"sound\": \"default\",\n  \"badge\": 1\n}"_s;
    QTest::newRow("multi-line JSON shown compact")
        << u"extension"_s << u"{\n  \"order_id\": \"A1209\"\n}"_s << true
        << uR"({"order_id":"A1209"})"_s << u"{\n  \"order_id\": \"A1209\"\n}"_s;
    QTest::newRow("array") << u"extension"_s << u"[1, 2]"_s << true << u"[1, 2]"_s << u"[\n  1,\n  2\n]"_s;
    QTest::newRow("large id inside stays exact")
        << u"extension"_s << uR"({"id":9007199254740993})"_s << true
        << uR"({"id":9007199254740993})"_s << u"{\n  \"id\": 9007199254740993\n}"_s;
    QTest::newRow("broken JSON is text") << u"server_extension"_s << uR"({"ticket": )"_s << false
                                         << uR"({"ticket": )"_s << uR"({"ticket": )"_s;
    QTest::newRow("braces around words") << u"text"_s << u"{smile}"_s << false << u"{smile}"_s << u"{smile}"_s;
    QTest::newRow("bare number is text") << u"server_extension"_s << u"42"_s << false << u"42"_s << u"42"_s;
}

void TestFieldDecoder::flagsJsonInStrings()
{
    QFETCH(QString, key);
    QFETCH(QString, text);
    QFETCH(bool, isJson);
    QFETCH(QString, display);
    QFETCH(QString, toolTip);

    const DecodedField field = FieldDecoder::decode(JsonPath{key}, OrderedJson(Json::toStdString(text)));
    QCOMPARE(field.kind == DecodedField::Kind::JsonString, isJson);
    QCOMPARE(field.typeName, isJson ? u"string (JSON)"_s : u"string"_s);
    QCOMPARE(field.display, display);
    QCOMPARE(field.toolTip, toolTip);
}

void TestFieldDecoder::showsScalarsExactly_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("typeName");

    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << u"9007199254740993"_s << u"integer"_s;
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << u"9223372036854775807"_s << u"integer"_s;
    QTest::newRow("uint64 max") << QByteArray("18446744073709551615") << u"18446744073709551615"_s << u"integer"_s;
    QTest::newRow("negative") << QByteArray("-9007199254740993") << u"-9007199254740993"_s << u"integer"_s;
    QTest::newRow("fraction") << QByteArray("0.1") << u"0.1"_s << u"number"_s;
    QTest::newRow("null") << QByteArray("null") << u"null"_s << u"null"_s;
    QTest::newRow("unicode text") << QByteArray("\"退款已批准\"") << u"退款已批准"_s << u"string"_s;
}

void TestFieldDecoder::showsScalarsExactly()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    QFETCH(QString, typeName);

    const DecodedField field = decode(u"$.last_message.message_server_id"_s, json);
    QCOMPARE(field.kind, DecodedField::Kind::Plain);
    QCOMPARE(field.display, display);
    QCOMPARE(field.toolTip, display);
    QCOMPARE(field.typeName, typeName);
}

void TestFieldDecoder::summarizesContainers_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("typeName");

    QTest::newRow("empty object") << QByteArray("{}") << u"{0 keys}"_s << u"object"_s;
    QTest::newRow("one key") << QByteArray(R"({"a":1})") << u"{1 key}"_s << u"object"_s;
    QTest::newRow("twelve keys") << QByteArray(R"({"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11,"l":12})")
                                 << u"{12 keys}"_s << u"object"_s;
    QTest::newRow("empty array") << QByteArray("[]") << u"[0 items]"_s << u"array"_s;
    QTest::newRow("one item") << QByteArray("[[]]") << u"[1 item]"_s << u"array"_s;
    QTest::newRow("three items") << QByteArray("[1,\"a\",null]") << u"[3 items]"_s << u"array"_s;
}

void TestFieldDecoder::summarizesContainers()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, display);
    QFETCH(QString, typeName);

    // Even under an enum's name, a container is summarized, never decoded.
    const DecodedField field = decode(u"$.type"_s, json);
    QCOMPARE(field.kind, DecodedField::Kind::Container);
    QCOMPARE(field.display, display);
    QCOMPARE(field.typeName, typeName);
}

QTEST_GUILESS_MAIN(TestFieldDecoder)
#include "tst_fielddecoder.moc"
