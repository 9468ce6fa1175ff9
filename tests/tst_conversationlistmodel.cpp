#include "json/FieldDecoder.h"
#include "models/ConversationListModel.h"
#include "models/SortingProxyModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

OrderedJson parsed(const char *json)
{
    auto value = Json::parse(QByteArray(json));
    if (!value)
        qFatal("bad test JSON: %s", json);
    return *value;
}

OrderedJson conversation(const char *id, qint64 updated, int unread, const char *extension = "")
{
    OrderedJson item = OrderedJson::object();
    item["conversation_id"] = id;
    item["type"] = 1;
    item["receiver_id"] = QByteArray(id).split('|').last().toStdString();
    item["server_extension"] = extension;
    item["unread_count"] = unread;
    item["update_time"] = updated;
    return item;
}

OrderedJson page(std::initializer_list<OrderedJson> items, bool hasMore, const char *token = "")
{
    OrderedJson data = OrderedJson::object();
    data["has_more"] = hasMore;
    data["next_token"] = token;
    data["items"] = OrderedJson::array();
    for (const OrderedJson &item : items)
        data["items"].push_back(item);
    return data;
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data(role).toString();
    return values;
}

} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void pagesAppendAndTrackPaging();
    void eachPageIsOneInsertion();
    void rowHoldsOnlyWhatItShows();
    void cellsShowValuesAsSent_data();
    void cellsShowValuesAsSent();
    void cellsAreDecoded();
    void updatedTodayShowsTheTime();
    void updatedTimeIsCompact_data();
    void updatedTimeIsCompact();
    void lastMessageToolTipIsWhole();
    void lastMessagePreview_data();
    void lastMessagePreview();
    void conversationListedAgainReplacesItsRow();
    void notAPageChangesNothing_data();
    void notAPageChangesNothing();
    void itemsWithoutIdAreSkippedAndCounted();
    void hasMoreNeedsAToken_data();
    void hasMoreNeedsAToken();
    void sortsByRawValuesThroughAProxy();
    void sortStaysRightPageAfterPage_data();
    void sortStaysRightPageAfterPage();
    void clearStartsOver();

private:
    std::unique_ptr<ConversationListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester; // lives as long as the model
};

void TestConversationListModel::init()
{
    m_model = std::make_unique<ConversationListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestConversationListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestConversationListModel::pagesAppendAndTrackPaging()
{
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QString problem;
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 3000, 0), conversation("a|1|c", 2000, 1)}, true, "t1"),
                                &problem));
    QVERIFY(problem.isEmpty());
    QCOMPARE(m_model->rowCount(), 2);
    QVERIFY(m_model->hasMore());
    QCOMPARE(m_model->nextToken(), u"t1"_s);
    QCOMPARE(m_model->pagesLoaded(), 1);

    QVERIFY(m_model->appendPage(page({conversation("a|2|99", 1000, 5)}, false)));
    QCOMPARE(m_model->rowCount(), 3);
    QVERIFY(!m_model->hasMore());
    QCOMPARE(m_model->pagesLoaded(), 2);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(column(*m_model, ConversationListModel::IdColumn), (QStringList{u"a|1|b"_s, u"a|1|c"_s, u"a|2|99"_s}));
    QCOMPARE(m_model->conversationId(2), u"a|2|99"_s);
    QCOMPARE(m_model->rowOf(u"a|1|c"_s), 1);
    QCOMPARE(m_model->rowOf(u"x|1|y"_s), -1);
    QCOMPARE(m_model->index(1, ConversationListModel::UnreadColumn).data(ConversationListModel::ConversationIdRole)
                 .toString(),
             u"a|1|c"_s);
}

void TestConversationListModel::eachPageIsOneInsertion()
{
    // A view and its sorting proxy take a page in one step, however many rows it has.
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 5, 0), conversation("a|1|c", 4, 0),
                                      conversation("a|1|b", 6, 1), conversation("a|1|d", 3, 0)},
                                     true, "t1")));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2); // "a|1|b" twice in the page: one row, its last copy
    QCOMPARE(m_model->index(0, ConversationListModel::UnreadColumn).data().toString(), u"1"_s);

    QVERIFY(m_model->appendPage(page({conversation("a|1|e", 2, 0), conversation("a|1|f", 1, 0)}, false)));
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 4);
}

void TestConversationListModel::rowHoldsOnlyWhatItShows()
{
    // The list page's items carry much the table never shows (attachments, custom fields);
    // a row keeps its cells, tooltips and sort keys, bounded by what a cell and a tooltip show.
    const QString longText = u"first line\n"_s + QString(3 * FieldDecoder::ToolTipLimit, u'x');
    OrderedJson item = conversation("a|1|bob", 1718100000123, 3, R"({"ticket":"T-1"})");
    item["last_message"] = OrderedJson{{"message_type", 0},
                                       {"text", Json::toStdString(longText)},
                                       {"attachment", OrderedJson{{"blob", std::string(100000, 'y')}}}};
    item["custom"] = std::string(100000, 'z');
    QVERIFY(m_model->appendPage(page({item}, false)));

    const ConversationListModel::Entry &entry = m_model->entry(0);
    QCOMPARE(entry.id, u"a|1|bob"_s);
    QCOMPARE(entry.peer, u"bob"_s);
    QCOMPARE(entry.lastMessage, ConversationListModel::lastMessagePreview(item));
    QVERIFY(entry.lastMessage.size() <= FieldDecoder::ElideLength + 3); // and a line break as " ↵ "
    QCOMPARE(entry.lastMessageToolTip, FieldDecoder::limitedToolTip(longText));
    QCOMPARE(entry.extensionToolTip, uR"({"ticket":"T-1"})"_s);
    QCOMPARE(entry.unread, 3);
    QCOMPARE(entry.updated, 1718100000123);
    QCOMPARE(entry.type, 1);
    for (const QString *text : {&entry.typeText, &entry.unreadText, &entry.updateTimeText})
        QVERIFY(text->isEmpty()); // numbers sent as numbers keep no text
    const qsizetype held = entry.id.size() + entry.peer.size() + entry.lastMessage.size()
        + entry.lastMessageToolTip.size() + entry.extensionToolTip.size();
    QVERIFY2(held < 2 * FieldDecoder::ToolTipLimit, qPrintable(QString::number(held)));

    // The tooltip of a short message is the cell's own text, not a second copy.
    QVERIFY(m_model->appendPage(page({conversation("a|1|carol", 1, 0)}, false)));
    OrderedJson shortMessage = conversation("a|1|dave", 1, 0);
    shortMessage["last_message"] = OrderedJson{{"message_type", 0}, {"text", "see you"}};
    QVERIFY(m_model->appendPage(page({shortMessage}, false)));
    QVERIFY(m_model->entry(2).lastMessageToolTip.isEmpty());
    QCOMPARE(m_model->index(2, ConversationListModel::LastMessageColumn).data(Qt::ToolTipRole).toString(),
             u"see you"_s);
    QVERIFY(!m_model->index(1, ConversationListModel::LastMessageColumn).data(Qt::ToolTipRole).isValid());
}

void TestConversationListModel::cellsShowValuesAsSent_data()
{
    // A field that is not the integer the documentation promises shows as it was sent, and
    // sorts by the number it holds, if any.
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<qlonglong>("sortKey");
    QTest::newRow("unread as a number") << QByteArray(R"({"unread_count": 37})") << int(ConversationListModel::UnreadColumn)
                                        << u"37"_s << 37LL;
    QTest::newRow("unread negative") << QByteArray(R"({"unread_count": -3})") << int(ConversationListModel::UnreadColumn)
                                     << u"-3"_s << -3LL;
    QTest::newRow("unread quoted") << QByteArray(R"({"unread_count": "05"})") << int(ConversationListModel::UnreadColumn)
                                   << u"05"_s << 5LL;
    QTest::newRow("unread missing") << QByteArray("{}") << int(ConversationListModel::UnreadColumn) << QString() << -1LL;
    QTest::newRow("unread beyond 64 bits") << QByteArray(R"({"unread_count": 18446744073709551615})")
                                           << int(ConversationListModel::UnreadColumn) << u"18446744073709551615"_s
                                           << -1LL;
    QTest::newRow("type quoted") << QByteArray(R"({"type": "2"})") << int(ConversationListModel::TypeColumn)
                                 << u"advanced team"_s << 2LL;
    QTest::newRow("type a word") << QByteArray(R"({"type": "p2p"})") << int(ConversationListModel::TypeColumn)
                                 << u"p2p"_s << 0LL;
    QTest::newRow("updated zero") << QByteArray(R"({"update_time": 0})") << int(ConversationListModel::UpdatedColumn)
                                  << u"0"_s << 0LL;
    QTest::newRow("updated a word") << QByteArray(R"({"update_time": "soon"})")
                                    << int(ConversationListModel::UpdatedColumn) << u"soon"_s
                                    << std::numeric_limits<qlonglong>::min();
}

void TestConversationListModel::cellsShowValuesAsSent()
{
    QFETCH(QByteArray, json);
    QFETCH(int, column);
    QFETCH(QString, shown);
    QFETCH(qlonglong, sortKey);
    OrderedJson item = parsed(json.constData());
    item["conversation_id"] = "a|1|b";
    QVERIFY(m_model->appendPage(page({item}, false)));
    const QModelIndex cell = m_model->index(0, column);
    QCOMPARE(cell.data().toString(), shown);
    QCOMPARE(cell.data(ConversationListModel::SortRole).toLongLong(), sortKey);
    if (column == ConversationListModel::UpdatedColumn) {
        // The tooltip is the tree's, of the value as sent.
        const OrderedJson &sent = item["update_time"];
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), FieldDecoder::decode(JsonPath{u"update_time"}, sent).toolTip);
    }
}

void TestConversationListModel::cellsAreDecoded()
{
    const qint64 updated = 1718100000123;
    OrderedJson team = parsed(R"({"conversation_id": "a|3|9007199254740997", "type": 3,
        "receiver_id": 9007199254740997, "server_extension": "{\"x\":1}", "unread_count": 37,
        "update_time": 1718100000123,
        "last_message": {"message_type": 0, "text": "release sync\nsecond line"}})");
    OrderedJson unknownType = conversation("a|9|z", 0, 0);
    unknownType["type"] = 9;
    unknownType.erase("update_time");
    QVERIFY(m_model->appendPage(page({team, conversation("a|1|b", updated, 0), unknownType}, false)));

    auto cell = [this](int row, int column, int role = Qt::DisplayRole) {
        return m_model->index(row, column).data(role);
    };
    QCOMPARE(cell(0, ConversationListModel::TypeColumn).toString(), u"super team"_s);
    QCOMPARE(cell(2, ConversationListModel::TypeColumn).toString(), u"9"_s);
    QCOMPARE(cell(0, ConversationListModel::PeerColumn).toString(), u"9007199254740997"_s); // exact
    QCOMPARE(cell(1, ConversationListModel::PeerColumn).toString(), u"b"_s);
    QCOMPARE(cell(0, ConversationListModel::UnreadColumn).toString(), u"37"_s);
    QCOMPARE(cell(0, ConversationListModel::LastMessageColumn).toString(), u"release sync ↵ second line"_s); // one line
    QCOMPARE(cell(0, ConversationListModel::LastMessageColumn, Qt::ToolTipRole).toString(),
             u"release sync\nsecond line"_s); // in full
    QCOMPARE(cell(0, ConversationListModel::ExtensionColumn).toString(), u"yes"_s);
    QCOMPARE(cell(1, ConversationListModel::ExtensionColumn).toString(), u"no"_s);
    const QDateTime updatedAt = QDateTime::fromMSecsSinceEpoch(updated);
    QCOMPARE(cell(0, ConversationListModel::UpdatedColumn).toString(),
             updatedAt.toString(u"yyyy-MM-dd"_s)); // local time, not today: the date only
    QCOMPARE(cell(0, ConversationListModel::UpdatedColumn, ConversationListModel::SortRole).toLongLong(), updated);
    const QString updatedTip = cell(0, ConversationListModel::UpdatedColumn, Qt::ToolTipRole).toString();
    QVERIFY2(updatedTip.contains(u"1718100000123"_s), qPrintable(updatedTip));
    QVERIFY2(updatedTip.startsWith(updatedAt.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)), qPrintable(updatedTip));
    QCOMPARE(cell(2, ConversationListModel::UpdatedColumn).toString(), QString());
    QCOMPARE(m_model->headerData(ConversationListModel::UpdatedColumn, Qt::Horizontal).toString(), u"Updated"_s);
    QCOMPARE(m_model->columnCount(), int(ConversationListModel::ColumnCount));
}

void TestConversationListModel::updatedTodayShowsTheTime()
{
    // Worked out when the page arrived, shown as updatedText() would show it now.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 lastYear = QDateTime::currentDateTime().addYears(-1).toMSecsSinceEpoch();
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", now, 0), conversation("a|1|c", lastYear, 0)}, false)));
    QVariant shown;
    QString expected;
    // Midnight may pass between the two readings; then read again.
    for (int attempt = 0; attempt < 2 && shown.toString() != expected; ++attempt) {
        shown = m_model->index(0, ConversationListModel::UpdatedColumn).data();
        expected = ConversationListModel::updatedText(now, QDate::currentDate());
    }
    QCOMPARE(shown.toString(), expected);
    QVERIFY2(!expected.contains(u'-'), qPrintable(expected)); // a time of day, unless the day just ended
    QCOMPARE(m_model->index(1, ConversationListModel::UpdatedColumn).data().toString(),
             ConversationListModel::updatedText(lastYear, QDate::currentDate()));
}

void TestConversationListModel::updatedTimeIsCompact_data()
{
    QTest::addColumn<QDateTime>("when");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("shown");

    const QDateTime afternoon(QDate(2024, 6, 11), QTime(14, 5, 9));
    QTest::newRow("today: the time") << afternoon << QDate(2024, 6, 11) << u"14:05"_s;
    QTest::newRow("yesterday: the date") << afternoon << QDate(2024, 6, 12) << u"2024-06-11"_s;
    QTest::newRow("last year: the date") << afternoon << QDate(2025, 6, 11) << u"2024-06-11"_s;
}

void TestConversationListModel::updatedTimeIsCompact()
{
    QFETCH(QDateTime, when);
    QFETCH(QDate, today);
    QFETCH(QString, shown);
    QCOMPARE(ConversationListModel::updatedText(when.toMSecsSinceEpoch(), today), shown);
}

void TestConversationListModel::lastMessageToolTipIsWhole()
{
    const QString text = u"Hi Alice, the refund for order SO-99812 has been approved.\n"_s + QString(300, u'x')
        + u"\nIt should reach your card within 3 working days."_s;
    OrderedJson item = conversation("a|1|alice", 1000, 0);
    item["last_message"] = OrderedJson{{"message_type", 0}, {"text", Json::toStdString(text)}};
    QVERIFY(m_model->appendPage(page({item}, false)));
    const QModelIndex cell = m_model->index(0, ConversationListModel::LastMessageColumn);
    const QString shown = cell.data().toString();
    QVERIFY2(shown.startsWith(u"Hi Alice, the refund for order SO-99812 has been approved. ↵ x"_s), qPrintable(shown));
    QVERIFY2(shown.endsWith(u"x ↵ It should reach your card within 3 working days."_s), qPrintable(shown));
    QVERIFY(shown.size() < text.size());
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), text);
}

void TestConversationListModel::lastMessagePreview_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("preview");
    QTest::newRow("nested text") << QByteArray(R"({"last_message": {"sender_no_sense": "false",
        "message": {"message_type": 0, "sub_type": 0, "text": "Hi, order #SO-99812"}}})")
                                 << u"Hi, order #SO-99812"_s;
    QTest::newRow("flat text") << QByteArray(R"({"last_message": {"message_server_id": 1,
        "message_type": 0, "text": "see you"}})") << u"see you"_s;
    QTest::newRow("nested image") << QByteArray(R"({"last_message": {"message": {"message_type": 1,
        "text": "", "attachment": {"url": "https://x/y.png"}}}})") << u"[image]"_s;
    QTest::newRow("flat notification") << QByteArray(R"({"last_message": {"message_type": 5, "text": "",
        "attachment": {"notify_type": "team_invite"}}})") << u"[notification]"_s;
    QTest::newRow("custom with text") << QByteArray(R"({"last_message": {"message_type": 100, "sub_type": 3,
        "text": "order card"}})") << u"[custom] order card"_s;
    QTest::newRow("type as a string") << QByteArray(R"({"last_message": {"message_type": "2"}})") << u"[audio]"_s;
    QTest::newRow("undocumented type") << QByteArray(R"({"last_message": {"message_type": 42}})")
                                       << u"[message type 42]"_s;
    QTest::newRow("recalled") << QByteArray(R"({"message_state": 1, "last_message": {},
        "revoke_notification": {"revoke_type": 1}})") << u"[recalled]"_s;
    QTest::newRow("no last message") << QByteArray(R"({"conversation_id": "a|1|b"})") << QString();
    QTest::newRow("empty last message") << QByteArray(R"({"last_message": {}})") << QString();
}

void TestConversationListModel::lastMessagePreview()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, preview);
    const auto conversation = Json::parse(json);
    QVERIFY(conversation);
    QCOMPARE(ConversationListModel::lastMessagePreview(*conversation), preview);
}

void TestConversationListModel::conversationListedAgainReplacesItsRow()
{
    // Updated between two pages, a conversation can come back on a later page.
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 3000, 0), conversation("a|1|c", 2000, 0)}, true, "t")));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 4000, 7), conversation("a|1|d", 1000, 0)}, false)));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_model->index(0, ConversationListModel::UnreadColumn).data().toString(), u"7"_s);
    QCOMPARE(column(*m_model, ConversationListModel::IdColumn), (QStringList{u"a|1|b"_s, u"a|1|c"_s, u"a|1|d"_s}));
}

void TestConversationListModel::notAPageChangesNothing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("items is an object") << QByteArray(R"({"has_more": false, "items": {}})");
    QTest::newRow("string") << QByteArray(R"("page")");
}

void TestConversationListModel::notAPageChangesNothing()
{
    QFETCH(QByteArray, json);
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 1, 0)}, true, "t")));
    QString problem;
    QVERIFY(!m_model->appendPage(*Json::parse(json), &problem));
    QVERIFY2(problem.contains(u"items"_s), qPrintable(problem));
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY(m_model->hasMore());
    QCOMPARE(m_model->nextToken(), u"t"_s);
}

void TestConversationListModel::itemsWithoutIdAreSkippedAndCounted()
{
    QString problem;
    QVERIFY(m_model->appendPage(parsed(R"({"has_more": false, "items": [{"type": 1},
        {"conversation_id": "a|1|b"}, 7, {"conversation_id": ""}]})"), &problem));
    QCOMPARE(m_model->rowCount(), 1);
    QVERIFY2(problem.startsWith(u"3 item"_s), qPrintable(problem));
}

void TestConversationListModel::hasMoreNeedsAToken_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasMore");
    QTest::newRow("true with token") << QByteArray(R"({"has_more": true, "next_token": "n", "items": []})") << true;
    QTest::newRow("string true") << QByteArray(R"({"has_more": "true", "next_token": "n", "items": []})") << true;
    QTest::newRow("true without token") << QByteArray(R"({"has_more": true, "items": []})") << false;
    QTest::newRow("true, empty token") << QByteArray(R"({"has_more": true, "next_token": "", "items": []})") << false;
    QTest::newRow("false") << QByteArray(R"({"has_more": false, "next_token": "n", "items": []})") << false;
    QTest::newRow("no items field") << QByteArray(R"({"has_more": false})") << false;
}

void TestConversationListModel::hasMoreNeedsAToken()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasMore);
    QVERIFY(m_model->appendPage(*Json::parse(json)));
    QCOMPARE(m_model->hasMore(), hasMore);
}

void TestConversationListModel::sortsByRawValuesThroughAProxy()
{
    OrderedJson undated = conversation("a|1|old", 0, 2);
    undated.erase("update_time");
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 1718100000000, 14), conversation("a|1|c", 999, 2),
                                      undated, conversation("a|1|d", 1718200000000, 100)},
                                     false)));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(ConversationListModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    proxy.sort(ConversationListModel::UpdatedColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, ConversationListModel::IdColumn),
             (QStringList{u"a|1|d"_s, u"a|1|b"_s, u"a|1|c"_s, u"a|1|old"_s}));
    proxy.sort(ConversationListModel::UpdatedColumn, Qt::AscendingOrder);
    QCOMPARE(column(proxy, ConversationListModel::IdColumn),
             (QStringList{u"a|1|old"_s, u"a|1|c"_s, u"a|1|b"_s, u"a|1|d"_s}));
    // Numbers, not text: "100" > "14" > "2".
    proxy.sort(ConversationListModel::UnreadColumn, Qt::DescendingOrder);
    QCOMPARE(column(proxy, ConversationListModel::UnreadColumn), (QStringList{u"100"_s, u"14"_s, u"2"_s, u"2"_s}));
}

void TestConversationListModel::sortStaysRightPageAfterPage_data()
{
    QTest::addColumn<int>("order");
    QTest::newRow("newest first") << int(Qt::DescendingOrder);
    QTest::newRow("oldest first") << int(Qt::AscendingOrder);
}

void TestConversationListModel::sortStaysRightPageAfterPage()
{
    // Pages interleave in time (a conversation updated meanwhile comes back on a later page);
    // the sorted view stays sorted, by the column and in the order the user chose.
    QFETCH(int, order);
    SortingProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    proxy.setSortRole(ConversationListModel::SortRole);
    proxy.sort(ConversationListModel::UpdatedColumn, Qt::SortOrder(order));

    QVERIFY(m_model->appendPage(page({conversation("a|1|p1", 9000, 1), conversation("a|1|p2", 5000, 4)}, true, "t1")));
    QVERIFY(m_model->appendPage(page({conversation("a|1|p3", 7000, 2), conversation("a|1|p4", 1000, 9)}, true, "t2")));
    QVERIFY(m_model->appendPage(page({conversation("a|1|p2", 9500, 0), conversation("a|1|p5", 3000, 3)}, false)));
    QCOMPARE(m_model->rowCount(), 5);
    QStringList newestFirst{u"a|1|p2"_s, u"a|1|p1"_s, u"a|1|p3"_s, u"a|1|p5"_s, u"a|1|p4"_s};
    if (order == Qt::AscendingOrder)
        std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(column(proxy, ConversationListModel::IdColumn), newestFirst);

    // Another column keeps its order for the next page too.
    proxy.sort(ConversationListModel::UnreadColumn, Qt::SortOrder(order));
    QVERIFY(m_model->appendPage(page({conversation("a|1|p6", 500, 5)}, false)));
    QStringList byUnread{u"0"_s, u"1"_s, u"2"_s, u"3"_s, u"5"_s, u"9"_s};
    if (order == Qt::DescendingOrder)
        std::reverse(byUnread.begin(), byUnread.end());
    QCOMPARE(column(proxy, ConversationListModel::UnreadColumn), byUnread);

    // Through the proxy, a delegate's one multiData() call reads what data() reads.
    for (int row = 0; row < proxy.rowCount(); ++row) {
        for (int col = 0; col < proxy.columnCount(); ++col) {
            const QModelIndex cell = proxy.index(row, col);
            std::array<QModelRoleData, 4> roles{QModelRoleData(Qt::DisplayRole), QModelRoleData(Qt::ToolTipRole),
                                                QModelRoleData(Qt::TextAlignmentRole),
                                                QModelRoleData(ConversationListModel::SortRole)};
            proxy.multiData(cell, roles);
            for (const QModelRoleData &roleData : roles)
                QCOMPARE(roleData.data(), cell.data(roleData.role()));
        }
    }
}

void TestConversationListModel::clearStartsOver()
{
    QVERIFY(m_model->appendPage(page({conversation("a|1|b", 1, 0)}, true, "t")));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QVERIFY(!m_model->hasMore());
    QVERIFY(m_model->nextToken().isEmpty());
    QCOMPARE(m_model->pagesLoaded(), 0);
    QCOMPARE(m_model->conversationId(0), QString());
}

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "tst_conversationlistmodel.moc"
