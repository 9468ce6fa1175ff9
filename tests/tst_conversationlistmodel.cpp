#include "models/ConversationListModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

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
    void cellsAreDecoded();
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
