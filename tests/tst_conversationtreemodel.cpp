#include "models/ConversationTreeModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

OrderedJson loadSample(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open test data %s", qPrintable(path));
    JsonParseError error;
    const auto parsed = Json::parse(file.readAll(), &error);
    if (!parsed)
        qFatal("bad test data %s: %s", qPrintable(path), qPrintable(error.describe()));
    return *parsed;
}

OrderedJson parse(const QByteArray &text)
{
    const auto parsed = Json::parse(text);
    if (!parsed)
        qFatal("bad JSON in test");
    return *parsed;
}

// server_extension with every kind of value, an odd key, a nested JSON string and an enum-like
// and a timestamp-like key (which belong to the app here, not to the vendor).
// (Escaped strings, not raw ones: moc loses its way in a raw string holding \" before the class.)
const QString EditableExtension = u"{\"ticket\":\"T-1\",\"count\":7,\"vip\":true,\"note\":null,"
                                  u"\"big\":9007199254740993,\"contact\":{\"phone\":\"123\",\"a/b~c\":\"odd\"},"
                                  u"\"tags\":[\"x\",\"y\"],\"type\":1,\"create_time\":1700000000123,"
                                  u"\"inner\":\"{\\\"deep\\\":1}\"}"_s;

OrderedJson editableConversation()
{
    OrderedJson conversation = OrderedJson::object();
    conversation["conversation_id"] = "a|1|b";
    conversation["server_extension"] = Json::toStdString(EditableExtension);
    conversation["last_message"] = OrderedJson{{"extension", "{\"order_id\":\"A1\"}"}};
    return conversation;
}

bool isItalic(const QModelIndex &index)
{
    return index.data(Qt::FontRole).value<QFont>().italic();
}

bool isBold(const QModelIndex &index)
{
    return index.data(Qt::FontRole).value<QFont>().bold();
}

} // namespace

class TestConversationTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hasKeyValueTypeColumns();
    void keepsServerKeyOrder();
    void showsLargeIdsExactly_data();
    void showsLargeIdsExactly();
    void showsNumbersAsTheServerSentThem_data();
    void showsNumbersAsTheServerSentThem();
    void decodesBothLastMessageShapes_data();
    void decodesBothLastMessageShapes();
    void showsTimestampsInLocalTime();
    void showsStringBooleans();
    void elidesLongTextWithFullToolTip();
    void toolTipsHoldWhatTheCellShows_data();
    void toolTipsHoldWhatTheCellShows();
    void datesAndTypesAreCutAtTheirEnd();
    void summarizesContainers();
    void pathsNameNestedKeysArraysAndOddKeys_data();
    void pathsNameNestedKeysArraysAndOddKeys();
    void indexForPathSurvivesReload();
    void indexForPathRejectsPathsThatLeadNowhere_data();
    void indexForPathRejectsPathsThatLeadNowhere();
    void subtreeJsonIsTheNodesJson();
    void valueTextIsThePlainValue_data();
    void valueTextIsThePlainValue();
    void reloadAndClearReset();
    void buildsLargeDocumentsLazily();

    void decodesJsonStringsAsChildren();
    void decodedValuesKeepTheirTextAndNoVendorMeaning();
    void decodedPathsRoundTrip_data();
    void decodedPathsRoundTrip();
    void parsesJsonStringsOnlyWhenTheirChildrenAreNeeded();
    void stringsThatOnlyLookLikeJsonHaveNoChildren_data();
    void stringsThatOnlyLookLikeJsonHaveNoChildren();
    void onlyServerExtensionScalarsAreEditable();
    void setDataAsksForTheEdit_data();
    void setDataAsksForTheEdit();
    void setDataRefusesTextThatIsNotJson();
    void setDataIgnoresUnchangedText();
    void editRequestsCanBeQueued();
    void pendingServerExtensionIsShownAndMarked();
    void pendingServerExtensionThatIsNotJson();
    void pendingServerExtensionNeedsAStringServerExtension();

private:
    OrderedJson m_nested;
    OrderedJson m_flat;
    std::unique_ptr<ConversationTreeModel> m_model;
    // Lives as long as the model in every test function, so it checks every load and reload.
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestConversationTreeModel::initTestCase()
{
    qputenv("TZ", "CST-8"); // UTC+8 without daylight saving: local times known in advance
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(0).offsetFromUtc(), 8 * 3600);
    m_nested = loadSample(QFINDTESTDATA("data/conversation-nested.json"));
    m_flat = loadSample(QFINDTESTDATA("data/conversation-flat.json"));
}

void TestConversationTreeModel::init()
{
    m_model = std::make_unique<ConversationTreeModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestConversationTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestConversationTreeModel::hasKeyValueTypeColumns()
{
    QCOMPARE(m_model->columnCount(), 3);
    QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), u"Key"_s);
    QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), u"Value"_s);
    QCOMPARE(m_model->headerData(2, Qt::Horizontal).toString(), u"Type"_s);
    QCOMPARE(m_model->rowCount(), 0);
}

void TestConversationTreeModel::keepsServerKeyOrder()
{
    m_model->setDocument(m_nested);
    QStringList keys;
    for (int row = 0; row < m_model->rowCount(); ++row)
        keys << m_model->index(row, 0).data().toString();
    const QStringList expected{u"conversation_id"_s, u"sender_id"_s, u"receiver_id"_s, u"type"_s,
                               u"stick_top"_s, u"group_ids"_s, u"server_extension"_s, u"message_state"_s,
                               u"last_message"_s, u"unread_count"_s, u"sort_order"_s, u"create_time"_s,
                               u"update_time"_s, u"last_read_time"_s};
    QCOMPARE(keys, expected);

    QStringList pushKeys;
    const QModelIndex push = m_model->indexForPath(u"$.last_message.push_config"_s);
    for (int row = 0; row < m_model->rowCount(push); ++row)
        pushKeys << m_model->index(row, 0, push).data().toString();
    QCOMPARE(pushKeys, (QStringList{u"push_enabled"_s, u"push_nick_enabled"_s, u"push_content"_s,
                                    u"push_payload"_s, u"push_forcepush_all"_s, u"push_forcepush_ids"_s,
                                    u"push_forcepush_content"_s}));
}

void TestConversationTreeModel::showsLargeIdsExactly_data()
{
    QTest::addColumn<bool>("nested");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("digits");

    QTest::newRow("group id above 2^53") << true << u"$.group_ids[0]"_s << u"9007199254740993"_s;
    QTest::newRow("message_server_id") << false << u"$.last_message.message_server_id"_s << u"12345678901234567"_s;
    QTest::newRow("team_id") << false << u"$.last_message.team_id"_s << u"4455667788"_s;
}

void TestConversationTreeModel::showsLargeIdsExactly()
{
    QFETCH(bool, nested);
    QFETCH(QString, path);
    QFETCH(QString, digits);

    m_model->setDocument(nested ? m_nested : m_flat);
    const QModelIndex key = m_model->indexForPath(path);
    QVERIFY(key.isValid());
    QCOMPARE(key.siblingAtColumn(ConversationTreeModel::ValueColumn).data().toString(), digits);
    QCOMPARE(key.data(ConversationTreeModel::RawValueRole).toString(), digits);
    QCOMPARE(m_model->valueText(key), digits);
    QCOMPARE(key.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), u"integer"_s);
}

void TestConversationTreeModel::showsNumbersAsTheServerSentThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("type");

    QTest::newRow("integer beyond 64 bits") << u"123456789012345678901234567890"_s << u"integer"_s;
    QTest::newRow("negative beyond 64 bits") << u"-98765432109876543210987654321"_s << u"integer"_s;
    QTest::newRow("one point zero") << u"1.0"_s << u"number"_s;
    QTest::newRow("exponent") << u"1E+05"_s << u"number"_s;
    QTest::newRow("negative zero") << u"-0"_s << u"integer"_s;
    QTest::newRow("trailing zeros") << u"12.50"_s << u"number"_s;
}

void TestConversationTreeModel::showsNumbersAsTheServerSentThem()
{
    QFETCH(QString, text);
    QFETCH(QString, type);

    // As the API client hands an answer on: parsed once, the tree reads that parse.
    const QByteArray body = "{\"code\": 200, \"data\": {\"id\": \"x\", \"n\": " + text.toUtf8() + "}}";
    const auto parsed = JsonIndex::parse(body);
    QVERIFY(parsed);
    m_model->setDocument(SharedJson(parsed).member("data"));
    const QModelIndex key = m_model->indexForPath(u"$.n"_s);
    QVERIFY(key.isValid());
    QCOMPARE(key.siblingAtColumn(ConversationTreeModel::ValueColumn).data().toString(), text);
    QCOMPARE(key.siblingAtColumn(ConversationTreeModel::ValueColumn).data(Qt::ToolTipRole).toString(), text);
    QCOMPARE(key.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), type);
    QCOMPARE(key.data(ConversationTreeModel::RawValueRole).toString(), text);
    QCOMPARE(m_model->valueText(key), text);
    QCOMPARE(m_model->subtreeJson({}, -1), u"{\"id\":\"x\",\"n\":"_s + text + u'}');
}

void TestConversationTreeModel::decodesBothLastMessageShapes_data()
{
    QTest::addColumn<bool>("nested");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("display");

    QTest::newRow("nested message_type") << true << u"$.last_message.message.message_type"_s << u"100 · custom"_s;
    QTest::newRow("nested conversation type") << true << u"$.type"_s << u"1 · one-to-one"_s;
    QTest::newRow("nested message_state") << true << u"$.message_state"_s << u"0 · normal"_s;
    QTest::newRow("flat message_type") << false << u"$.last_message.message_type"_s << u"0 · text"_s;
    QTest::newRow("flat conversation_type") << false << u"$.last_message.conversation_type"_s << u"2 · advanced team"_s;
    QTest::newRow("flat sender_client_type") << false << u"$.last_message.sender_client_type"_s << u"2 · iOS"_s;
    QTest::newRow("flat conversation type") << false << u"$.type"_s << u"2 · advanced team"_s;
}

void TestConversationTreeModel::decodesBothLastMessageShapes()
{
    QFETCH(bool, nested);
    QFETCH(QString, path);
    QFETCH(QString, display);

    m_model->setDocument(nested ? m_nested : m_flat);
    const QModelIndex value = m_model->indexForPath(path, ConversationTreeModel::ValueColumn);
    QVERIFY(value.isValid());
    QCOMPARE(value.data().toString(), display);
    QCOMPARE(value.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), u"integer (enum)"_s);
    QCOMPARE(value.data(ConversationTreeModel::RawValueRole).toString(), display.section(u' ', 0, 0));
}

void TestConversationTreeModel::showsTimestampsInLocalTime()
{
    m_model->setDocument(m_nested);
    const QModelIndex created = m_model->indexForPath(u"$.create_time"_s, ConversationTreeModel::ValueColumn);
    QCOMPARE(created.data().toString(), u"2023-11-15 06:13:20.123 +08:00"_s);
    QVERIFY(created.data(Qt::ToolTipRole).toString().contains(u"1700000000123"_s));
    QCOMPARE(created.data(ConversationTreeModel::RawValueRole).toString(), u"1700000000123"_s);
    QCOMPARE(created.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), u"integer (ms timestamp)"_s);

    m_model->setDocument(m_flat);
    const QModelIndex sent = m_model->indexForPath(u"$.last_message.create_time"_s, ConversationTreeModel::ValueColumn);
    QCOMPARE(sent.data().toString(), u"2024-01-17 13:40:00.456 +08:00"_s);
    QVERIFY(sent.data(Qt::ToolTipRole).toString().contains(u"1705470000456"_s));
}

void TestConversationTreeModel::showsStringBooleans()
{
    m_model->setDocument(m_nested);
    const QModelIndex unread = m_model->indexForPath(u"$.last_message.message_config.unread_enabled"_s,
                                                     ConversationTreeModel::ValueColumn);
    QCOMPARE(unread.data().toString(), u"true"_s);
    QCOMPARE(unread.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), u"boolean (string)"_s);
    QCOMPARE(unread.data(ConversationTreeModel::RawValueRole).toString(), u"\"true\""_s);

    const QModelIndex pinned = m_model->indexForPath(u"$.stick_top"_s, ConversationTreeModel::ValueColumn);
    QCOMPARE(pinned.data().toString(), u"false"_s);
    QCOMPARE(pinned.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(), u"boolean"_s);
}

void TestConversationTreeModel::elidesLongTextWithFullToolTip()
{
    m_model->setDocument(m_nested);
    const QString full = u"Your refund for order A1209 has been approved.\n"
                         u"The amount of 199.00 CNY will reach your card within 3-5 working days."_s;
    const QModelIndex text = m_model->indexForPath(u"$.last_message.message.text"_s, ConversationTreeModel::ValueColumn);
    // One line, the line break marked; the view elides it to its width.
    QCOMPARE(text.data().toString(), u"Your refund for order A1209 has been approved. ↵ "
                                     u"The amount of 199.00 CNY will reach your card within 3-5 working days."_s);
    QCOMPARE(text.data(Qt::ToolTipRole).toString(), full);
    QCOMPARE(m_model->valueText(text), full);

    const QModelIndex extension = m_model->indexForPath(u"$.server_extension"_s, ConversationTreeModel::ValueColumn);
    QCOMPARE(extension.siblingAtColumn(ConversationTreeModel::TypeColumn).data().toString(),
             u"string (JSON)"_s);
    QVERIFY(extension.data(Qt::ToolTipRole).toString().startsWith(u"{\n  \"ticket\": \"T-2024-0117\""_s));
}

void TestConversationTreeModel::toolTipsHoldWhatTheCellShows_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("toolTipStart"); // what a narrow column cuts
    QTest::addColumn<QString>("alsoInToolTip");  // what explains it

    QTest::newRow("key: its path") << u"$.last_message.message.text"_s << int(ConversationTreeModel::KeyColumn)
                                   << u"$.last_message.message.text"_s << QString();
    QTest::newRow("timestamp: local time, then raw and UTC")
        << u"$.create_time"_s << int(ConversationTreeModel::ValueColumn) << u"2023-11-15 06:13:20.123 +08:00\n"_s
        << u"2023-11-14 22:13:20.123 UTC"_s;
    QTest::newRow("enum: its meaning, then the raw value")
        << u"$.type"_s << int(ConversationTreeModel::ValueColumn) << u"1 · one-to-one\n"_s << u"type = 1"_s;
    QTest::newRow("type of a timestamp") << u"$.create_time"_s << int(ConversationTreeModel::TypeColumn)
                                         << u"integer (ms timestamp)"_s << QString();
}

void TestConversationTreeModel::toolTipsHoldWhatTheCellShows()
{
    QFETCH(QString, path);
    QFETCH(int, column);
    QFETCH(QString, toolTipStart);
    QFETCH(QString, alsoInToolTip);
    m_model->setDocument(m_nested);
    const QModelIndex index = m_model->indexForPath(path, column);
    QVERIFY(index.isValid());
    const QString toolTip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(toolTip.startsWith(toolTipStart), qPrintable(toolTip));
    QVERIFY2(toolTip.contains(alsoInToolTip), qPrintable(toolTip));
    QVERIFY2(toolTip.contains(index.data().toString().section(u' ', 0, 0)), qPrintable(toolTip));
}

void TestConversationTreeModel::datesAndTypesAreCutAtTheirEnd()
{
    m_model->setDocument(m_nested);
    const auto mode = [this](const QString &path, int column) {
        return m_model->indexForPath(path, column).data(ConversationTreeModel::ElideModeRole);
    };
    QCOMPARE(mode(u"$.create_time"_s, ConversationTreeModel::ValueColumn), QVariant(int(Qt::ElideRight)));
    QCOMPARE(mode(u"$.create_time"_s, ConversationTreeModel::TypeColumn), QVariant(int(Qt::ElideRight)));
    QCOMPARE(mode(u"$.type"_s, ConversationTreeModel::TypeColumn), QVariant(int(Qt::ElideRight)));
    // Elsewhere the view's mode (the middle): no value.
    QVERIFY(!mode(u"$.create_time"_s, ConversationTreeModel::KeyColumn).isValid());
    QVERIFY(!mode(u"$.type"_s, ConversationTreeModel::ValueColumn).isValid());
    QVERIFY(!mode(u"$.last_message.message.text"_s, ConversationTreeModel::ValueColumn).isValid());
}

void TestConversationTreeModel::summarizesContainers()
{
    m_model->setDocument(m_nested);
    const QModelIndex lastMessage = m_model->indexForPath(u"$.last_message"_s);
    QCOMPARE(lastMessage.siblingAtColumn(1).data().toString(), u"{10 keys}"_s);
    QCOMPARE(lastMessage.siblingAtColumn(2).data().toString(), u"object"_s);
    QVERIFY(lastMessage.data(ConversationTreeModel::IsContainerRole).toBool());
    QCOMPARE(m_model->rowCount(lastMessage), 10);

    const QModelIndex groups = m_model->indexForPath(u"$.group_ids"_s);
    QCOMPARE(groups.siblingAtColumn(1).data().toString(), u"[2 items]"_s);
    QCOMPARE(m_model->index(0, 0, groups).data().toString(), u"[0]"_s);
    QCOMPARE(m_model->index(1, 0, groups).data().toString(), u"[1]"_s);
    QCOMPARE(m_model->index(1, 1, groups).data().toString(), u"1688"_s);
    QVERIFY(!m_model->index(1, 0, groups).data(ConversationTreeModel::IsContainerRole).toBool());
    QVERIFY(m_model->flags(m_model->index(1, 0, groups)).testFlag(Qt::ItemNeverHasChildren));

    m_model->setDocument(m_flat);
    const QModelIndex attachment = m_model->indexForPath(u"$.last_message.attachment"_s);
    QCOMPARE(attachment.siblingAtColumn(1).data().toString(), u"{0 keys}"_s);
    QVERIFY(!m_model->hasChildren(attachment));
    QCOMPARE(m_model->indexForPath(u"$.group_ids"_s).siblingAtColumn(1).data().toString(), u"[0 items]"_s);
}

void TestConversationTreeModel::pathsNameNestedKeysArraysAndOddKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");

    QTest::newRow("nested key") << u"$.last_message.push_config.push_content"_s << u"push_content"_s
                                << u"Refund approved for order A1209"_s;
    QTest::newRow("array element") << u"$.group_ids[1]"_s << u"[1]"_s << u"1688"_s;
    QTest::newRow("array in object") << u"$.last_message.push_config.push_forcepush_ids[0]"_s << u"[0]"_s << u"user_8812"_s;
    QTest::newRow("space") << u"$[\"a b\"]"_s << u"a b"_s << u"{2 keys}"_s;
    QTest::newRow("dot and quote") << uR"($["a b"]["x.y"][0]["say \"hi\""])"_s << u"say \"hi\""_s << u"hello"_s;
    QTest::newRow("leading digit") << u"$[\"1st\"]"_s << u"1st"_s << u"3"_s;
    QTest::newRow("empty key") << u"$[\"\"]"_s << QString() << u"4"_s;
    QTest::newRow("non-ASCII") << u"$[\"备注\"]"_s << u"备注"_s << u"VIP customer"_s;
    QTest::newRow("backslash") << uR"($["a b"]["back\\slash"])"_s << uR"(back\slash)"_s << u"null"_s;
}

void TestConversationTreeModel::pathsNameNestedKeysArraysAndOddKeys()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QString, value);

    OrderedJson document = m_nested;
    document.update(parse(R"({"a b": {"x.y": [{"say \"hi\"": "hello"}], "back\\slash": null},
                              "1st": 3, "": 4, "备注": "VIP customer"})"));
    m_model->setDocument(std::move(document));

    const QModelIndex index = m_model->indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(index.data().toString(), key);
    QCOMPARE(index.siblingAtColumn(1).data().toString(), value);
    QCOMPARE(m_model->pathForIndex(index), path);
    QCOMPARE(index.data(ConversationTreeModel::PathRole).toString(), path);
    QCOMPARE(index.siblingAtColumn(2).data(ConversationTreeModel::PathRole).toString(), path);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), path);
    QCOMPARE(m_model->indexForPath(m_model->pathForIndex(index)), index);
}

void TestConversationTreeModel::indexForPathSurvivesReload()
{
    m_model->setDocument(m_nested);
    // What a view would remember as "expanded" before reloading the same conversation.
    const QStringList expanded{u"$.last_message"_s, u"$.last_message.message"_s,
                               u"$.last_message.message.attachment"_s, u"$.last_message.push_config.push_forcepush_ids"_s,
                               u"$.group_ids"_s};
    QStringList remembered;
    for (const QString &path : expanded) {
        const QModelIndex index = m_model->indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        remembered << m_model->pathForIndex(index);
    }
    QCOMPARE(remembered, expanded);

    m_model->setDocument(m_flat);
    QVERIFY(!m_model->indexForPath(u"$.last_message.message"_s).isValid());
    m_model->setDocument(m_nested);
    for (const QString &path : remembered) {
        const QModelIndex index = m_model->indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        QCOMPARE(index.data(ConversationTreeModel::PathRole).toString(), path);
        QVERIFY(m_model->hasChildren(index));
    }
    const QModelIndex viaJsonPath = m_model->indexForPath(JsonPath{u"last_message", u"message", u"attachment", u"amount"}, 1);
    QCOMPARE(viaJsonPath.data().toString(), u"199.00"_s);
    QCOMPARE(viaJsonPath.column(), 1);
}

void TestConversationTreeModel::indexForPathRejectsPathsThatLeadNowhere_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("root") << u"$"_s;
    QTest::newRow("missing key") << u"$.nope"_s;
    QTest::newRow("position past the end") << u"$.group_ids[2]"_s;
    QTest::newRow("key of a scalar") << u"$.type.value"_s;
    QTest::newRow("key of an array") << u"$.group_ids.first"_s;
    QTest::newRow("position in an object") << u"$.last_message[0]"_s;
    QTest::newRow("no dollar") << u"last_message"_s;
    QTest::newRow("unclosed bracket") << u"$.group_ids[1"_s;
    QTest::newRow("unclosed quote") << u"$[\"a b]"_s;
    QTest::newRow("negative position") << u"$.group_ids[-1]"_s;
}

void TestConversationTreeModel::indexForPathRejectsPathsThatLeadNowhere()
{
    QFETCH(QString, path);
    m_model->setDocument(m_nested);
    QVERIFY(!m_model->indexForPath(path).isValid());
}

void TestConversationTreeModel::subtreeJsonIsTheNodesJson()
{
    m_model->setDocument(m_nested);
    const QModelIndex route = m_model->indexForPath(u"$.last_message.route_config"_s);
    QCOMPARE(m_model->subtreeJson(route), u"{\n  \"route_enabled\": \"false\",\n  \"route_environment\": \"\"\n}"_s);
    QCOMPARE(m_model->subtreeJson(route, 4), u"{\n    \"route_enabled\": \"false\",\n    \"route_environment\": \"\"\n}"_s);
    QCOMPARE(m_model->subtreeJson(route, -1), uR"({"route_enabled":"false","route_environment":""})"_s);
    QCOMPARE(m_model->subtreeJson(m_model->indexForPath(u"$.group_ids"_s), -1), u"[9007199254740993,1688]"_s);
    QCOMPARE(m_model->subtreeJson(m_model->indexForPath(u"$.sender_id"_s)), u"\"support_agent01\""_s);

    const auto whole = Json::parse(m_model->subtreeJson(QModelIndex()).toUtf8());
    QVERIFY(whole);
    QCOMPARE(Json::serialize(*whole), Json::serialize(m_nested));
}

void TestConversationTreeModel::valueTextIsThePlainValue_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("text");
    QTest::newRow("string unquoted") << u"$.sender_id"_s << u"support_agent01"_s;
    QTest::newRow("string boolean") << u"$.last_message.p2p_option.check_friend"_s << u"false"_s;
    QTest::newRow("JSON string as sent") << u"$.server_extension"_s
                                         << uR"({"ticket":"T-2024-0117","priority":"high","tags":["refund","vip"]})"_s;
    QTest::newRow("enum raw") << u"$.type"_s << u"1"_s;
    QTest::newRow("timestamp raw") << u"$.update_time"_s << u"1705468380123"_s;
    QTest::newRow("boolean") << u"$.stick_top"_s << u"false"_s;
    QTest::newRow("object compact") << u"$.last_message.message.attachment"_s
                                    << uR"({"card":"order_refund","order_id":"A1209","amount":"199.00","currency":"CNY"})"_s;
    QTest::newRow("empty string") << u"$.last_message.route_config.route_environment"_s << QString();
}

void TestConversationTreeModel::valueTextIsThePlainValue()
{
    QFETCH(QString, path);
    QFETCH(QString, text);
    m_model->setDocument(m_nested);
    const QModelIndex index = m_model->indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(m_model->valueText(index), text);
}

void TestConversationTreeModel::reloadAndClearReset()
{
    m_model->setDocument(m_nested);
    const QPersistentModelIndex text = m_model->indexForPath(u"$.last_message.message.text"_s);
    QVERIFY(text.isValid());
    QCOMPARE(m_model->rowCount(), 14);

    m_model->setDocument(m_flat);
    QVERIFY(!text.isValid());
    QCOMPARE(m_model->rowCount(), 13);
    QVERIFY(m_model->document() == m_flat);
    QCOMPARE(m_model->index(0, 1).data().toString(), u"ops_bot|2|4455667788"_s);

    auto shared = std::make_shared<const OrderedJson>(m_nested);
    m_model->setDocument(shared);
    QVERIFY(m_model->sharedDocument().json() == shared);
    QCOMPARE(m_model->rowCount(), 14);

    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(m_model->document().is_null());
    QVERIFY(!m_model->index(0, 0).isValid());
    QCOMPARE(m_model->materializedNodeCount(), 1);

    m_model->setDocument(parse("[1, [2, 3], {\"k\": \"v\"}]"));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->pathForIndex(m_model->index(1, 0, m_model->index(1, 0))), u"$[1][1]"_s);
    QCOMPARE(m_model->indexForPath(u"$[2].k"_s, 1).data().toString(), u"v"_s);
}

void TestConversationTreeModel::buildsLargeDocumentsLazily()
{
    constexpr int count = 50000;
    OrderedJson items = OrderedJson::array();
    for (int i = 0; i < count; ++i) {
        items.push_back(OrderedJson{{"conversation_id", "agent|1|user_" + std::to_string(i)},
                                    {"unread_count", i % 7},
                                    {"update_time", 1705468380123 + i}});
    }
    const OrderedJson document{{"has_more", false}, {"next_token", ""}, {"items", std::move(items)}};

    // The tester of this fixture walks every node after a reset, so laziness is observed on
    // a second model that only a view-like sequence of calls touches.
    ConversationTreeModel lazy;
    lazy.setDocument(document);
    QCOMPARE(lazy.materializedNodeCount(), 1);
    QCOMPARE(lazy.rowCount(), 3);
    QCOMPARE(lazy.materializedNodeCount(), 1);

    const QModelIndex list = lazy.index(2, 0);
    QCOMPARE(list.data().toString(), u"items"_s);
    QCOMPARE(lazy.materializedNodeCount(), 1 + 3);
    QCOMPARE(lazy.rowCount(list), count);
    QCOMPARE(lazy.index(0, 1, list).data().toString(), u"{3 keys}"_s);
    QCOMPARE(lazy.materializedNodeCount(), 1 + 3 + count);

    const QModelIndex last = lazy.indexForPath(u"$.items[49999].conversation_id"_s, 1);
    QCOMPARE(last.data().toString(), u"agent|1|user_49999"_s);
    QCOMPARE(lazy.materializedNodeCount(), 1 + 3 + count + 3);
    QCOMPARE(lazy.pathForIndex(last), u"$.items[49999].conversation_id"_s);

    // The checked model takes the same document and survives a reload back to a small one.
    m_model->setDocument(document);
    QCOMPARE(m_model->rowCount(m_model->index(2, 0)), count);
    m_model->setDocument(m_flat);
    QCOMPARE(m_model->materializedNodeCount() < 100, true);
}

void TestConversationTreeModel::decodesJsonStringsAsChildren()
{
    m_model->setDocument(m_nested);
    const QModelIndex extension = m_model->indexForPath(u"$.server_extension"_s);
    QVERIFY(m_model->hasChildren(extension));
    QCOMPARE(m_model->rowCount(extension), 3);
    QVERIFY(!extension.data(ConversationTreeModel::IsContainerRole).toBool()); // still a string
    QVERIFY(!extension.data(ConversationTreeModel::IsDecodedRole).toBool());
    QVERIFY(!m_model->flags(extension).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!isItalic(extension));

    const QModelIndex ticket = m_model->index(0, ConversationTreeModel::KeyColumn, extension);
    QCOMPARE(ticket.data().toString(), u"ticket"_s);
    QCOMPARE(ticket.siblingAtColumn(1).data().toString(), u"T-2024-0117"_s);
    QCOMPARE(ticket.siblingAtColumn(2).data().toString(), u"string"_s);
    QVERIFY(ticket.data(ConversationTreeModel::IsDecodedRole).toBool());
    for (int column = 0; column < ConversationTreeModel::ColumnCount; ++column) {
        QVERIFY(isItalic(ticket.siblingAtColumn(column)));
        QVERIFY(!isBold(ticket.siblingAtColumn(column)));
        QVERIFY(ticket.siblingAtColumn(column).data(Qt::ToolTipRole).toString().contains(
            u"Decoded from the JSON text of server_extension"_s));
    }
    QCOMPARE(ticket.data(Qt::ToolTipRole).toString(),
             u"$.server_extension.ticket\n\nDecoded from the JSON text of server_extension"_s);

    const QModelIndex tags = m_model->index(2, 0, extension);
    QCOMPARE(tags.siblingAtColumn(1).data().toString(), u"[2 items]"_s);
    QVERIFY(tags.data(ConversationTreeModel::IsContainerRole).toBool());
    QCOMPARE(m_model->index(1, 1, tags).data().toString(), u"vip"_s);
    QCOMPARE(m_model->index(1, 0, tags).data(Qt::ToolTipRole).toString(),
             u"$.server_extension.tags[1]\n\nDecoded from the JSON text of server_extension"_s);

    // Copy value / subtree work on decoded nodes as on any other.
    QCOMPARE(m_model->valueText(ticket), u"T-2024-0117"_s);
    QCOMPARE(m_model->valueText(tags), uR"(["refund","vip"])"_s);
    QCOMPARE(m_model->subtreeJson(tags, -1), uR"(["refund","vip"])"_s);
    QCOMPARE(tags.data(ConversationTreeModel::RawValueRole).toString(), uR"(["refund","vip"])"_s);

    // Every string that holds JSON, wherever it is.
    const QModelIndex badge = m_model->indexForPath(u"$.last_message.push_config.push_payload.badge"_s, 1);
    QCOMPARE(badge.data().toString(), u"1"_s);
    QVERIFY(badge.data(Qt::ToolTipRole).toString().endsWith(u"Decoded from the JSON text of push_payload"_s));
    QVERIFY(!m_model->indexForPath(u"$.sender_id.x"_s).isValid());
}

void TestConversationTreeModel::decodedValuesKeepTheirTextAndNoVendorMeaning()
{
    m_model->setDocument(editableConversation());
    const auto value = [&](const QString &path) { return m_model->indexForPath(path, 1); };
    QCOMPARE(value(u"$.server_extension.big"_s).data().toString(), u"9007199254740993"_s);
    QCOMPARE(value(u"$.server_extension.big"_s).data(Qt::EditRole).toString(), u"9007199254740993"_s);
    QCOMPARE(value(u"$.server_extension.type"_s).data().toString(), u"1"_s);
    QCOMPARE(value(u"$.server_extension.type"_s).siblingAtColumn(2).data().toString(), u"integer"_s);
    QCOMPARE(value(u"$.server_extension.create_time"_s).data().toString(), u"1700000000123"_s);
    // A JSON string inside decoded JSON is decoded too.
    QCOMPARE(value(u"$.server_extension.inner.deep"_s).data().toString(), u"1"_s);
    QVERIFY(value(u"$.server_extension.inner.deep"_s).data(Qt::ToolTipRole).toString().endsWith(
        u"Decoded from the JSON text of inner"_s));
}

void TestConversationTreeModel::decodedPathsRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pointer"); // inside server_extension; empty elsewhere
    QTest::newRow("member") << u"$.server_extension.ticket"_s << u"/ticket"_s;
    QTest::newRow("nested member") << u"$.server_extension.contact.phone"_s << u"/contact/phone"_s;
    QTest::newRow("odd key") << uR"($.server_extension.contact["a/b~c"])"_s << u"/contact/a~1b~0c"_s;
    QTest::newRow("array element") << u"$.server_extension.tags[1]"_s << u"/tags/1"_s;
    QTest::newRow("container") << u"$.server_extension.contact"_s << u"/contact"_s;
    QTest::newRow("JSON string in it") << u"$.server_extension.inner"_s << u"/inner"_s;
    QTest::newRow("decoded from that") << u"$.server_extension.inner.deep"_s << QString();
    QTest::newRow("other JSON string") << u"$.last_message.extension.order_id"_s << QString();
}

void TestConversationTreeModel::decodedPathsRoundTrip()
{
    QFETCH(QString, path);
    QFETCH(QString, pointer);
    m_model->setDocument(editableConversation());
    const QModelIndex index = m_model->indexForPath(path);
    QVERIFY(index.isValid());
    QCOMPARE(m_model->pathForIndex(index), path);
    QCOMPARE(index.data(ConversationTreeModel::PathRole).toString(), path);
    QCOMPARE(m_model->serverExtensionPointer(index), pointer);

    // As a view restores its expanded nodes after a reload.
    m_model->setDocument(editableConversation());
    const QModelIndex again = m_model->indexForPath(path);
    QVERIFY(again.isValid());
    QCOMPARE(m_model->pathForIndex(again), path);
}

void TestConversationTreeModel::parsesJsonStringsOnlyWhenTheirChildrenAreNeeded()
{
    // Not the fixture's model: its tester walks every node.
    ConversationTreeModel lazy;
    lazy.setDocument(m_nested);
    QCOMPARE(lazy.embeddedJsonParseCount(), 0);

    // What a view does to draw the top level.
    for (int row = 0; row < lazy.rowCount(); ++row) {
        for (int column = 0; column < lazy.columnCount(); ++column) {
            const QModelIndex index = lazy.index(row, column);
            index.data();
            index.data(Qt::FontRole);
            lazy.flags(index);
        }
        lazy.hasChildren(lazy.index(row, 0));
    }
    QCOMPARE(lazy.embeddedJsonParseCount(), 0);
    const qsizetype topLevel = lazy.materializedNodeCount();

    const QModelIndex extension = lazy.indexForPath(u"$.server_extension"_s);
    QVERIFY(lazy.hasChildren(extension));
    QCOMPARE(lazy.embeddedJsonParseCount(), 0);
    QCOMPARE(lazy.rowCount(extension), 3); // expanding it
    QCOMPARE(lazy.embeddedJsonParseCount(), 1);
    QCOMPARE(lazy.materializedNodeCount(), topLevel);
    lazy.index(0, 0, extension);
    QCOMPARE(lazy.materializedNodeCount(), topLevel + 3);
    QCOMPARE(lazy.rowCount(extension), 3);
    lazy.indexForPath(u"$.server_extension.tags[1]"_s);
    QCOMPARE(lazy.embeddedJsonParseCount(), 1); // parsed once, kept

    // Strings that cannot hold JSON are never parsed, however often they are asked.
    for (const QString &path : {u"$.sender_id"_s, u"$.last_message.message.text"_s}) {
        const QModelIndex plain = lazy.indexForPath(path);
        QVERIFY(!lazy.hasChildren(plain));
        QCOMPARE(lazy.rowCount(plain), 0);
        QVERIFY(lazy.flags(plain).testFlag(Qt::ItemNeverHasChildren));
    }
    QCOMPARE(lazy.embeddedJsonParseCount(), 1);
}

void TestConversationTreeModel::stringsThatOnlyLookLikeJsonHaveNoChildren_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("looksLikeJson");
    QTest::newRow("braces around no JSON") << u"{not json}"_s << true;
    QTest::newRow("empty object") << u"{}"_s << true;
    QTest::newRow("empty array") << u" [ ] "_s << true;
    QTest::newRow("number") << u"42"_s << false;
    QTest::newRow("one brace") << u"{"_s << false;
    QTest::newRow("mismatched") << u"[1}"_s << false;
}

void TestConversationTreeModel::stringsThatOnlyLookLikeJsonHaveNoChildren()
{
    QFETCH(QString, text);
    QFETCH(bool, looksLikeJson);
    OrderedJson document = OrderedJson::object();
    document["note"] = Json::toStdString(text);
    m_model->setDocument(document);
    const QModelIndex note = m_model->index(0, 0);
    QCOMPARE(m_model->rowCount(note), 0);
    QVERIFY(!m_model->hasChildren(note)); // once parsed, known
    QCOMPARE(m_model->flags(note).testFlag(Qt::ItemNeverHasChildren), !looksLikeJson);

    ConversationTreeModel unparsed;
    unparsed.setDocument(document);
    QCOMPARE(unparsed.hasChildren(unparsed.index(0, 0)), looksLikeJson); // judged by its ends
}

void TestConversationTreeModel::onlyServerExtensionScalarsAreEditable()
{
    m_model->setDocument(editableConversation());
    const auto editable = [&](const QString &path, int column = ConversationTreeModel::ValueColumn) {
        const QModelIndex index = m_model->indexForPath(path, column);
        if (!index.isValid())
            qFatal("no node at %s", qPrintable(path));
        return m_model->flags(index).testFlag(Qt::ItemIsEditable);
    };
    for (const QString &path : {u"$.server_extension.ticket"_s, u"$.server_extension.count"_s,
                                u"$.server_extension.vip"_s, u"$.server_extension.note"_s,
                                u"$.server_extension.contact.phone"_s, u"$.server_extension.tags[0]"_s,
                                u"$.server_extension.inner"_s})
        QVERIFY2(editable(path), qPrintable(path));
    QVERIFY(!editable(u"$.server_extension.ticket"_s, ConversationTreeModel::KeyColumn));
    QVERIFY(!editable(u"$.server_extension.ticket"_s, ConversationTreeModel::TypeColumn));
    for (const QString &path : {u"$.server_extension"_s, u"$.server_extension.contact"_s, u"$.server_extension.tags"_s,
                                u"$.server_extension.inner.deep"_s, u"$.last_message.extension.order_id"_s,
                                u"$.conversation_id"_s})
        QVERIFY2(!editable(path), qPrintable(path));
    QCOMPARE(m_model->indexForPath(u"$.server_extension.ticket"_s, 1).data(Qt::EditRole).toString(), u"T-1"_s);
    QCOMPARE(m_model->indexForPath(u"$.server_extension.note"_s, 1).data(Qt::EditRole).toString(), u"null"_s);
    QVERIFY(!m_model->indexForPath(u"$.conversation_id"_s, 1).data(Qt::EditRole).isValid());
}

void TestConversationTreeModel::setDataAsksForTheEdit_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    const int setString = int(JsonTextEditor::Edit::Kind::SetString);
    const int setJson = int(JsonTextEditor::Edit::Kind::SetJson);
    QTest::newRow("string") << u"$.server_extension.ticket"_s << u"T-2"_s << setString << u"/ticket"_s << u"T-2"_s;
    QTest::newRow("string, typed like JSON") << u"$.server_extension.ticket"_s << u"42"_s << setString
                                             << u"/ticket"_s << u"42"_s;
    QTest::newRow("string emptied") << u"$.server_extension.ticket"_s << QString() << setString << u"/ticket"_s
                                    << QString();
    QTest::newRow("number") << u"$.server_extension.count"_s << u"8"_s << setJson << u"/count"_s << u"8"_s;
    QTest::newRow("number to string") << u"$.server_extension.count"_s << u"\"8\""_s << setJson << u"/count"_s
                                      << u"\"8\""_s;
    QTest::newRow("large number exact") << u"$.server_extension.big"_s << u"9007199254740995"_s << setJson
                                        << u"/big"_s << u"9007199254740995"_s;
    QTest::newRow("boolean, spaces") << u"$.server_extension.vip"_s << u" false "_s << setJson << u"/vip"_s
                                     << u"false"_s;
    QTest::newRow("null") << u"$.server_extension.note"_s << u"\"seen\""_s << setJson << u"/note"_s
                          << u"\"seen\""_s;
    QTest::newRow("nested") << u"$.server_extension.contact.phone"_s << u"555"_s << setString
                            << u"/contact/phone"_s << u"555"_s;
    QTest::newRow("escaped key") << uR"($.server_extension.contact["a/b~c"])"_s << u"even"_s << setString
                                 << u"/contact/a~1b~0c"_s << u"even"_s;
    QTest::newRow("array element") << u"$.server_extension.tags[1]"_s << u"z"_s << setString << u"/tags/1"_s
                                   << u"z"_s;
}

void TestConversationTreeModel::setDataAsksForTheEdit()
{
    QFETCH(QString, path);
    QFETCH(QString, typed);
    QFETCH(int, kind);
    QFETCH(QString, key);
    QFETCH(QString, value);
    m_model->setDocument(editableConversation());
    QSignalSpy requested(m_model.get(), &ConversationTreeModel::serverExtensionEditRequested);
    QSignalSpy refused(m_model.get(), &ConversationTreeModel::editRefused);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QModelIndex index = m_model->indexForPath(path, ConversationTreeModel::ValueColumn);
    const QString before = index.data().toString();

    QVERIFY(m_model->setData(index, typed));
    QCOMPARE(refused.count(), 0);
    QCOMPARE(requested.count(), 1);
    const auto edit = requested.at(0).at(0).value<JsonTextEditor::Edit>();
    QCOMPARE(int(edit.kind), kind);
    QCOMPARE(edit.key, key);
    QCOMPARE(edit.value, value);
    // The edit applies to the text as it stands.
    QString error;
    QVERIFY2(JsonTextEditor::apply(EditableExtension, {edit}, &error), qPrintable(error));
    // Asking changes nothing: the owner of the text answers with setPendingServerExtension().
    QCOMPARE(changed.count(), 0);
    QCOMPARE(index.data().toString(), before);
}

void TestConversationTreeModel::setDataRefusesTextThatIsNotJson()
{
    m_model->setDocument(editableConversation());
    QSignalSpy requested(m_model.get(), &ConversationTreeModel::serverExtensionEditRequested);
    QSignalSpy refused(m_model.get(), &ConversationTreeModel::editRefused);
    const QModelIndex count = m_model->indexForPath(u"$.server_extension.count"_s, 1);
    for (const QString &typed : {u"eight"_s, u""_s, u"8 9"_s, u"{"_s}) {
        QVERIFY(!m_model->setData(count, typed));
        QCOMPARE(requested.count(), 0);
    }
    QCOMPARE(refused.count(), 4);
    const QString message = refused.at(0).at(0).toString();
    QVERIFY2(message.startsWith(u"/count was not changed"_s), qPrintable(message));
    QVERIFY2(message.contains(u"double quotes"_s), qPrintable(message));

    // Not editable at all: neither asked nor refused.
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.server_extension.contact"_s, 1), u"1"_s));
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.conversation_id"_s, 1), u"x"_s));
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.server_extension.ticket"_s, 0), u"x"_s));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(refused.count(), 4);
}

void TestConversationTreeModel::setDataIgnoresUnchangedText()
{
    m_model->setDocument(editableConversation());
    QSignalSpy requested(m_model.get(), &ConversationTreeModel::serverExtensionEditRequested);
    QSignalSpy refused(m_model.get(), &ConversationTreeModel::editRefused);
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.server_extension.ticket"_s, 1), u"T-1"_s));
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.server_extension.count"_s, 1), u" 7"_s));
    QVERIFY(!m_model->setData(m_model->indexForPath(u"$.server_extension.big"_s, 1), u"9007199254740993"_s));
    QCOMPARE(requested.count(), 0);
    QCOMPARE(refused.count(), 0);
}

void TestConversationTreeModel::editRequestsCanBeQueued()
{
    m_model->setDocument(editableConversation());
    QObject receiver;
    std::optional<JsonTextEditor::Edit> received;
    connect(m_model.get(), &ConversationTreeModel::serverExtensionEditRequested, &receiver,
            [&](const JsonTextEditor::Edit &edit) { received = edit; }, Qt::QueuedConnection);
    QVERIFY(m_model->setData(m_model->indexForPath(u"$.server_extension.count"_s, 1), u"9"_s));
    QVERIFY(!received);
    QTRY_VERIFY(received.has_value());
    QCOMPARE(received->key, u"/count"_s);
    QCOMPARE(received->value, u"9"_s);
}

void TestConversationTreeModel::pendingServerExtensionIsShownAndMarked()
{
    // The fixture's tester checks every signal of the replacements below.
    m_model->setDocument(m_nested);
    const QString loaded = QString::fromStdString(m_nested["server_extension"].get<std::string>());
    const QModelIndex extension = m_model->indexForPath(u"$.server_extension"_s, 1);
    QCOMPARE(m_model->rowCount(extension.siblingAtColumn(0)), 3);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    // ticket changed, priority kept, tags dropped, owner added.
    const QString pending = uR"({"ticket":"T-2024-0200","priority":"high","owner":{"name":"li"}})"_s;
    m_model->setPendingServerExtension(pending);
    QCOMPARE(m_model->pendingServerExtension(), std::optional<QString>(pending));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(extension.data().toString(), pending);
    QCOMPARE(m_model->valueText(extension), pending);
    QVERIFY(isBold(extension));
    QCOMPARE(extension.siblingAtColumn(2).data().toString(), u"string (JSON) · edited"_s);
    QVERIFY(extension.data(Qt::ToolTipRole).toString().endsWith(u"Edited, not saved. Loaded value: "_s + loaded));

    const auto at = [&](const QString &path) { return m_model->indexForPath(path, 1); };
    QCOMPARE(m_model->rowCount(extension.siblingAtColumn(0)), 3);
    QCOMPARE(at(u"$.server_extension.ticket"_s).data().toString(), u"T-2024-0200"_s);
    QVERIFY(at(u"$.server_extension.ticket"_s).data(ConversationTreeModel::IsEditedRole).toBool());
    QVERIFY(isBold(at(u"$.server_extension.ticket"_s)) && isItalic(at(u"$.server_extension.ticket"_s)));
    QVERIFY(at(u"$.server_extension.ticket"_s).data(Qt::ToolTipRole).toString().endsWith(
        u"Edited, not saved. Loaded value: T-2024-0117"_s));
    QVERIFY(!at(u"$.server_extension.priority"_s).data(ConversationTreeModel::IsEditedRole).toBool());
    QVERIFY(!isBold(at(u"$.server_extension.priority"_s)));
    QCOMPARE(at(u"$.server_extension.priority"_s).siblingAtColumn(2).data().toString(), u"string"_s);
    QVERIFY(at(u"$.server_extension.owner.name"_s).data(ConversationTreeModel::IsEditedRole).toBool());
    QVERIFY(at(u"$.server_extension.owner.name"_s).data(Qt::ToolTipRole).toString().endsWith(
        u"Edited, not saved: not in the loaded value"_s));
    QVERIFY(!at(u"$.server_extension.tags"_s).isValid());
    // Edits are asked for against what is shown.
    QSignalSpy requested(m_model.get(), &ConversationTreeModel::serverExtensionEditRequested);
    QVERIFY(m_model->setData(at(u"$.server_extension.owner.name"_s), u"wang"_s));
    QCOMPARE(requested.at(0).at(0).value<JsonTextEditor::Edit>().key, u"/owner/name"_s);

    // The same text again changes nothing.
    m_model->setPendingServerExtension(pending);
    QCOMPARE(removed.count() + inserted.count() + changed.count(), 3);

    // The loaded text, or nullopt, shows the loaded value, unmarked.
    m_model->setPendingServerExtension(loaded);
    QCOMPARE(m_model->pendingServerExtension(), std::nullopt);
    QCOMPARE(extension.data().toString(), loaded);
    QVERIFY(!isBold(extension));
    QCOMPARE(extension.siblingAtColumn(2).data().toString(), u"string (JSON)"_s);
    QCOMPARE(at(u"$.server_extension.tags[1]"_s).data().toString(), u"vip"_s);
    QVERIFY(!at(u"$.server_extension.ticket"_s).data(ConversationTreeModel::IsEditedRole).toBool());
    m_model->setPendingServerExtension(pending);
    m_model->setPendingServerExtension(std::nullopt);
    QCOMPARE(extension.data().toString(), loaded);
    QCOMPARE(removed.count(), 4);
    QCOMPARE(inserted.count(), 4);

    // A reload shows the loaded value.
    m_model->setPendingServerExtension(pending);
    m_model->setDocument(m_nested);
    QCOMPARE(m_model->pendingServerExtension(), std::nullopt);
    QCOMPARE(m_model->indexForPath(u"$.server_extension"_s, 1).data().toString(), loaded);
}

void TestConversationTreeModel::pendingServerExtensionThatIsNotJson()
{
    m_model->setDocument(m_nested);
    const QModelIndex extension = m_model->indexForPath(u"$.server_extension"_s);
    m_model->setPendingServerExtension(u"{\"ticket\": "_s); // half typed
    QCOMPARE(m_model->rowCount(extension), 0);
    QVERIFY(!m_model->hasChildren(extension));
    QCOMPARE(extension.siblingAtColumn(1).data().toString(), u"{\"ticket\": "_s);
    QCOMPARE(extension.siblingAtColumn(2).data().toString(), u"string · edited"_s);
    QVERIFY(!m_model->flags(extension).testFlag(Qt::ItemNeverHasChildren)); // it may get some back

    m_model->setPendingServerExtension(u"{\"ticket\": 1}"_s);
    QCOMPARE(m_model->rowCount(extension), 1);
    QCOMPARE(m_model->indexForPath(u"$.server_extension.ticket"_s, 1).data().toString(), u"1"_s);
    m_model->setPendingServerExtension(QString());
    QCOMPARE(m_model->rowCount(extension), 0);
    QCOMPARE(extension.siblingAtColumn(2).data().toString(), u"string · edited"_s);
}

void TestConversationTreeModel::pendingServerExtensionNeedsAStringServerExtension()
{
    m_model->setDocument(parse(R"({"server_extension": {"a": 1}, "b": "{\"c\": 2}"})"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setPendingServerExtension(u"{\"a\": 2}"_s);
    QCOMPARE(m_model->pendingServerExtension(), std::nullopt);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_model->indexForPath(u"$.server_extension.a"_s, 1).data().toString(), u"1"_s);
    QVERIFY(!m_model->flags(m_model->indexForPath(u"$.server_extension.a"_s, 1)).testFlag(Qt::ItemIsEditable));
    QVERIFY(!m_model->flags(m_model->indexForPath(u"$.b.c"_s, 1)).testFlag(Qt::ItemIsEditable));
}

QTEST_GUILESS_MAIN(TestConversationTreeModel)
#include "tst_conversationtreemodel.moc"
