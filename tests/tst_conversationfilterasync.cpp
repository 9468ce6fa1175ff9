#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "models/TreeTextMatcher.h"
#include "support/HeldThreadPool.h"
#include "support/VisiblePaths.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

constexpr int Items = 20000; // three values each: more than SynchronousLimit

// A conversation too large to search at once, with one needle per item deep inside it.
std::shared_ptr<const OrderedJson> largeConversation()
{
    OrderedJson items = OrderedJson::array();
    for (int i = 0; i < Items; ++i)
        items.push_back(OrderedJson{{"index", i}, {"note", "item needle-" + std::to_string(i) + ";"}});
    OrderedJson conversation{{"conversation_id", "a|1|b"}, {"last_message", {{"attachment", std::move(items)}}}};
    return std::make_shared<const OrderedJson>(std::move(conversation));
}

QStringList pathsOfItem(int item)
{
    const QString at = u"$.last_message.attachment[%1]"_s.arg(item);
    return {u"$.last_message"_s, u"$.last_message.attachment"_s, at, at + u".note"_s};
}

} // namespace

// ConversationFilterModel on a document too large to search within setFilterText(): the
// search runs on a worker (a HeldThreadPool here, so the test decides when it may run), the
// GUI thread goes on meanwhile, and only the latest text's result is ever applied.
class TestConversationFilterAsync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void largeDocumentIsSearchedOffTheGuiThread();
    void nextTextCancelsTheRunningSearch();
    void clearingTheTextCancelsTheSearch();
    void newDocumentCancelsTheSearch();
    void largeDocumentLoadedUnderAFilter();

private:
    std::shared_ptr<const OrderedJson> m_large;
    std::unique_ptr<HeldThreadPool> m_pool;
    std::unique_ptr<ConversationTreeModel> m_source;
    std::unique_ptr<ConversationFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester; // alive for the whole test
};

void TestConversationFilterAsync::init()
{
    if (!m_large)
        m_large = largeConversation();
    QVERIFY(TreeTextMatcher::countValues(*JsonIndex::fromJson(*m_large)) > ConversationFilterModel::SynchronousLimit);
    m_pool = std::make_unique<HeldThreadPool>();
    m_source = std::make_unique<ConversationTreeModel>();
    m_filter = std::make_unique<ConversationFilterModel>();
    m_filter->setThreadPool(m_pool.get());
    m_filter->setSourceModel(m_source.get());
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_source->setDocument(m_large);
}

void TestConversationFilterAsync::cleanup()
{
    m_filterTester.reset();
    m_filter.reset();
    m_source.reset();
    m_pool.reset(); // lets a search still held run to its end, unheard
}

void TestConversationFilterAsync::largeDocumentIsSearchedOffTheGuiThread()
{
    QSignalSpy started(m_filter.get(), &ConversationFilterModel::filterStarted);
    QSignalSpy progress(m_filter.get(), &ConversationFilterModel::filterProgress);
    QSignalSpy finished(m_filter.get(), &ConversationFilterModel::filterFinished);
    m_filter->setFilterText(u"needle-19001;"_s);

    // setFilterText() returned with the search not even started: it runs elsewhere.
    QCOMPARE(started.size(), 1);
    QVERIFY(m_filter->isFiltering());
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_filter->rowCount(), 2); // the rows shown before, until the result comes
    // The event loop runs meanwhile: a queued call and a timer are served.
    bool called = false;
    bool timed = false;
    QMetaObject::invokeMethod(this, [&called] { called = true; }, Qt::QueuedConnection);
    QTimer::singleShot(0, this, [&timed] { timed = true; });
    QCoreApplication::processEvents();
    QVERIFY(called);
    QVERIFY(timed);
    QVERIFY(m_filter->isFiltering());

    m_pool->release();
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), u"needle-19001;"_s);
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(test::visiblePaths(*m_filter), pathsOfItem(19001));
    QVERIFY(m_filter->hasMatchBelow(m_source->indexForPath(u"$.last_message.attachment"_s)));
    QVERIFY(!m_filter->hasMatchBelow(m_source->indexForPath(u"$.last_message.attachment[3]"_s)));

    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), TreeTextMatcher::countValues(*JsonIndex::fromJson(*m_large)));
    QVERIFY(progress.last().at(0).toLongLong() <= progress.last().at(1).toLongLong());
}

void TestConversationFilterAsync::nextTextCancelsTheRunningSearch()
{
    QSignalSpy finished(m_filter.get(), &ConversationFilterModel::filterFinished);
    m_filter->setFilterText(u"needle-17;"_s);
    QVERIFY(m_filter->isFiltering());
    m_filter->setFilterText(u"needle-18;"_s); // the next keystroke
    QVERIFY(m_filter->isFiltering());
    m_pool->release();
    QVERIFY(finished.wait());
    m_pool->waitForDone(); // both searches are over: the first was never applied
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), u"needle-18;"_s);
    QCOMPARE(test::visiblePaths(*m_filter), pathsOfItem(18));
}

void TestConversationFilterAsync::clearingTheTextCancelsTheSearch()
{
    QSignalSpy finished(m_filter.get(), &ConversationFilterModel::filterFinished);
    m_filter->setFilterText(u"needle-17;"_s);
    m_filter->setFilterText(QString()); // nothing to search: at once
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    m_pool->release();
    m_pool->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(m_filter->rowCount(), 2);
    QCOMPARE(m_filter->rowCount(m_filter->index(1, 0)), 1);
}

void TestConversationFilterAsync::newDocumentCancelsTheSearch()
{
    QSignalSpy finished(m_filter.get(), &ConversationFilterModel::filterFinished);
    m_filter->setFilterText(u"needle-17;"_s);
    QVERIFY(m_filter->isFiltering());
    // A small document is searched at once, and the large one's search is dropped.
    m_source->setDocument(OrderedJson::parse(R"({"a": "needle-17;", "b": "other"})"));
    QVERIFY(!m_filter->isFiltering());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(test::visiblePaths(*m_filter), QStringList{u"$.a"_s});
    m_pool->release();
    m_pool->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(test::visiblePaths(*m_filter), QStringList{u"$.a"_s});
}

void TestConversationFilterAsync::largeDocumentLoadedUnderAFilter()
{
    m_source->setDocument(OrderedJson::parse(R"({"a": "needle-5;"})"));
    m_filter->setFilterText(u"needle-5;"_s);
    QCOMPARE(m_filter->rowCount(), 1);

    QSignalSpy finished(m_filter.get(), &ConversationFilterModel::filterFinished);
    m_source->setDocument(m_large);
    // The old matches name the old document's rows: nothing is shown until the new ones come.
    QVERIFY(m_filter->isFiltering());
    QCOMPARE(m_filter->rowCount(), 0);
    m_pool->release();
    QVERIFY(finished.wait());
    QCOMPARE(test::visiblePaths(*m_filter), pathsOfItem(5));
}

QTEST_GUILESS_MAIN(TestConversationFilterAsync)
#include "tst_conversationfilterasync.moc"
