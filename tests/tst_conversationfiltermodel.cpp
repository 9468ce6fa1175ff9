#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "support/VisiblePaths.h"

#include <QAbstractItemModelTester>
#include <QFile>
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

} // namespace

class TestConversationFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsEverythingWithoutFilter();
    void keepsAncestorsOfMatches_data();
    void keepsAncestorsOfMatches();
    void keepsChildrenOfContainerMatchedByKey();
    void containersDoNotMatchByTheirContent();
    void searchesDecodedChildren_data();
    void searchesDecodedChildren();
    void followsPendingServerExtension();
    void hidesEverythingWhenNothingMatches();
    void clearingTheFilterShowsEverything();
    void filterAppliesToReloadedDocument();
    void announcesFilterChanges();

private:
    OrderedJson m_nested;
    OrderedJson m_flat;
    std::unique_ptr<ConversationTreeModel> m_source;
    std::unique_ptr<ConversationFilterModel> m_filter;
    // Both testers live through every load, reload and filter change of a test function.
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void TestConversationFilterModel::initTestCase()
{
    m_nested = loadSample(QFINDTESTDATA("data/conversation-nested.json"));
    m_flat = loadSample(QFINDTESTDATA("data/conversation-flat.json"));
}

void TestConversationFilterModel::init()
{
    m_source = std::make_unique<ConversationTreeModel>();
    m_filter = std::make_unique<ConversationFilterModel>();
    m_filter->setSourceModel(m_source.get());
    m_sourceTester = std::make_unique<QAbstractItemModelTester>(
        m_source.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_source->setDocument(m_nested);
}

void TestConversationFilterModel::cleanup()
{
    m_filterTester.reset();
    m_sourceTester.reset();
    m_filter.reset();
    m_source.reset();
}

void TestConversationFilterModel::showsEverythingWithoutFilter()
{
    const QStringList all = test::visiblePaths(*m_source);
    // Every key and array element of the sample (61) and of the JSON in its strings: 5 in
    // server_extension, 1 in last_message.extension, 2 in push_payload.
    QCOMPARE(all.size(), 61 + 5 + 1 + 2);
    QCOMPARE(test::visiblePaths(*m_filter), all); // same rows, same (server) order
}

void TestConversationFilterModel::keepsAncestorsOfMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("key") << u"push_content"_s
                         << QStringList{u"$.last_message"_s, u"$.last_message.push_config"_s,
                                        u"$.last_message.push_config.push_content"_s,
                                        u"$.last_message.push_config.push_forcepush_content"_s};
    QTest::newRow("value, any case") << u"REFUND APPROVED"_s
                                     << QStringList{u"$.last_message"_s, u"$.last_message.push_config"_s,
                                                    u"$.last_message.push_config.push_content"_s};
    QTest::newRow("decoded enum") << u"one-to-one"_s << QStringList{u"$.type"_s};
    QTest::newRow("decoded timestamp") << u"2023-11-"_s << QStringList{u"$.create_time"_s};
    QTest::newRow("raw timestamp") << u"1705468380123"_s << QStringList{u"$.sort_order"_s, u"$.update_time"_s};
    QTest::newRow("large id") << u"9007199254740993"_s << QStringList{u"$.group_ids"_s, u"$.group_ids[0]"_s};
    QTest::newRow("elided part of a value") << u"working days"_s
                                            << QStringList{u"$.last_message"_s, u"$.last_message.message"_s,
                                                           u"$.last_message.message.text"_s};
    QTest::newRow("array element") << u"user_8812"_s
                                   << QStringList{u"$.conversation_id"_s, u"$.receiver_id"_s, u"$.last_message"_s,
                                                  u"$.last_message.push_config"_s,
                                                  u"$.last_message.push_config.push_forcepush_ids"_s,
                                                  u"$.last_message.push_config.push_forcepush_ids[0]"_s};
    QTest::newRow("surrounding spaces ignored") << u"  unread_count "_s << QStringList{u"$.unread_count"_s};
}

void TestConversationFilterModel::keepsAncestorsOfMatches()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    m_filter->setFilterText(text);
    QCOMPARE(test::visiblePaths(*m_filter), paths);
}

void TestConversationFilterModel::keepsChildrenOfContainerMatchedByKey()
{
    m_filter->setFilterText(u"Message_Config"_s);
    const QString config = u"$.last_message.message_config"_s;
    QStringList expected{u"$.last_message"_s, config};
    for (const char16_t *key : {u"unread_enabled", u"mutil_sync_enabled", u"offline_enabled", u"history_enabled",
                                u"roaming_enabled", u"conversation_update_enabled"})
        expected << config + u'.' + QString::fromUtf16(key);
    QCOMPARE(test::visiblePaths(*m_filter), expected);
}

void TestConversationFilterModel::containersDoNotMatchByTheirContent()
{
    // "A1209" is inside last_message's JSON text, but only the leaves holding it match; so is
    // a string holding JSON: its decoded child matches.
    m_filter->setFilterText(u"A1209"_s);
    QCOMPARE(test::visiblePaths(*m_filter),
             (QStringList{u"$.last_message"_s, u"$.last_message.extension"_s, u"$.last_message.extension.order_id"_s,
                          u"$.last_message.message"_s,
                          u"$.last_message.message.text"_s, u"$.last_message.message.attachment"_s,
                          u"$.last_message.message.attachment.order_id"_s, u"$.last_message.push_config"_s,
                          u"$.last_message.push_config.push_content"_s}));
}

void TestConversationFilterModel::searchesDecodedChildren_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");
    const QString extension = u"$.server_extension"_s;
    QTest::newRow("decoded value") << u"T-2024-0117"_s << QStringList{extension, extension + u".ticket"_s};
    QTest::newRow("decoded key") << u"priority"_s << QStringList{extension, extension + u".priority"_s};
    QTest::newRow("decoded array element") << u"vip"_s
                                           << QStringList{extension, extension + u".tags"_s, extension + u".tags[1]"_s};
    QTest::newRow("key of the JSON string") << u"server_ext"_s
                                            << QStringList{extension, extension + u".ticket"_s,
                                                           extension + u".priority"_s, extension + u".tags"_s,
                                                           extension + u".tags[0]"_s, extension + u".tags[1]"_s};
    // Text that only the string's JSON form has (a quote and a colon) matches nothing.
    QTest::newRow("JSON syntax") << u"\"ticket\":"_s << QStringList{};
}

void TestConversationFilterModel::searchesDecodedChildren()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    m_filter->setFilterText(text);
    QCOMPARE(test::visiblePaths(*m_filter), paths);
}

void TestConversationFilterModel::followsPendingServerExtension()
{
    // Both testers (alive since init()) check the rows replaced under the filter.
    m_filter->setFilterText(u"T-2024"_s);
    QCOMPARE(test::visiblePaths(*m_filter), (QStringList{u"$.server_extension"_s, u"$.server_extension.ticket"_s}));
    m_source->setPendingServerExtension(uR"({"priority":"low","ticket":"T-2024-0999","also":"T-2024-1000"})"_s);
    QCOMPARE(test::visiblePaths(*m_filter), (QStringList{u"$.server_extension"_s, u"$.server_extension.ticket"_s,
                                                   u"$.server_extension.also"_s}));
    m_source->setPendingServerExtension(uR"({"priority":"low"})"_s);
    QCOMPARE(test::visiblePaths(*m_filter), QStringList{});
    m_source->setPendingServerExtension(std::nullopt);
    QCOMPARE(test::visiblePaths(*m_filter), (QStringList{u"$.server_extension"_s, u"$.server_extension.ticket"_s}));
}

void TestConversationFilterModel::hidesEverythingWhenNothingMatches()
{
    m_filter->setFilterText(u"no such text anywhere"_s);
    QCOMPARE(m_filter->rowCount(), 0);
}

void TestConversationFilterModel::clearingTheFilterShowsEverything()
{
    const QStringList all = test::visiblePaths(*m_source);
    m_filter->setFilterText(u"push"_s);
    QVERIFY(test::visiblePaths(*m_filter).size() < all.size());
    m_filter->setFilterText(QString());
    QCOMPARE(test::visiblePaths(*m_filter), all);
}

void TestConversationFilterModel::filterAppliesToReloadedDocument()
{
    m_filter->setFilterText(u"message_type"_s);
    QCOMPARE(test::visiblePaths(*m_filter),
             (QStringList{u"$.last_message"_s, u"$.last_message.message"_s, u"$.last_message.message.message_type"_s}));

    m_source->setDocument(m_flat);
    QCOMPARE(test::visiblePaths(*m_filter), (QStringList{u"$.last_message"_s, u"$.last_message.message_type"_s}));

    m_source->clear();
    QCOMPARE(m_filter->rowCount(), 0);
    m_source->setDocument(m_nested);
    QCOMPARE(test::visiblePaths(*m_filter).size(), 3);
}

void TestConversationFilterModel::announcesFilterChanges()
{
    QSignalSpy spy(m_filter.get(), &ConversationFilterModel::filterTextChanged);
    m_filter->setFilterText(u"team"_s);
    m_filter->setFilterText(u" team "_s); // same filter once trimmed
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), u"team"_s);
    QCOMPARE(m_filter->filterText(), u"team"_s);
}

QTEST_GUILESS_MAIN(TestConversationFilterModel)
#include "tst_conversationfiltermodel.moc"
