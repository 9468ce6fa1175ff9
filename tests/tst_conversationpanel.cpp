#include "ConversationPanel.h"
#include "models/ConversationTreeModel.h"

#include <QHeaderView>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

OrderedJson smallConversation()
{
    return OrderedJson::parse(R"({"conversation_id": "a|1|b", "type": 1, "create_time": 1718000000000,
        "last_message": {"text": "hello"}})");
}

// Larger than RawJsonShownAtOnce once pretty-printed.
OrderedJson largeConversation()
{
    OrderedJson conversation = smallConversation();
    OrderedJson items = OrderedJson::array();
    for (int i = 0; i < 4000; ++i)
        items.push_back(OrderedJson{{"index", i}, {"note", std::string(60, char('a' + i % 26))}});
    conversation["last_message"]["attachment"] = std::move(items);
    return conversation;
}

} // namespace

// The panel's behaviour that keeps a large conversation fast (docs/benchmarks.md): the raw
// JSON of a large document is built when its tab is opened, and columns are sized once per
// burst of expansions rather than on each one.
class TestConversationPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void smallConversationFillsRawJsonAtOnce();
    void largeConversationFillsRawJsonWhenItsTabOpens();
    void rawJsonNeverShowsAnOlderConversation();
    void typeColumnFitsItsText();
    void keyColumnGrowsAfterExpanding();

private:
    QPlainTextEdit *raw() const { return m_panel->findChild<QPlainTextEdit *>(u"rawJsonView"_s); }
    QTabWidget *tabs() const { return m_panel->findChild<QTabWidget *>(u"conversationTabs"_s); }

    std::unique_ptr<ConversationPanel> m_panel;
};

void TestConversationPanel::init()
{
    m_panel = std::make_unique<ConversationPanel>();
    m_panel->resize(900, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QVERIFY(raw());
    QVERIFY(tabs());
}

void TestConversationPanel::cleanup()
{
    m_panel.reset();
}

void TestConversationPanel::smallConversationFillsRawJsonAtOnce()
{
    const OrderedJson conversation = smallConversation();
    m_panel->setConversation(conversation);
    QCOMPARE(raw()->toPlainText(), Json::toText(conversation, 2));
}

void TestConversationPanel::largeConversationFillsRawJsonWhenItsTabOpens()
{
    const OrderedJson conversation = largeConversation();
    QVERIFY(Json::serialize(conversation, 2).size() > ConversationPanel::RawJsonShownAtOnce);
    m_panel->setConversation(conversation);
    QVERIFY(raw()->toPlainText().isEmpty());
    QCOMPARE(m_panel->treeView()->model()->rowCount(), int(conversation.size()));

    tabs()->setCurrentWidget(raw());
    QCOMPARE(raw()->toPlainText(), Json::toText(conversation, 2));

    // With the tab open, the next document is shown at once, however large.
    OrderedJson next = conversation;
    next["conversation_id"] = "a|1|c";
    m_panel->setConversation(next);
    QCOMPARE(raw()->toPlainText(), Json::toText(next, 2));
}

void TestConversationPanel::rawJsonNeverShowsAnOlderConversation()
{
    m_panel->setConversation(smallConversation());
    QVERIFY(!raw()->toPlainText().isEmpty());
    const OrderedJson large = largeConversation();
    m_panel->setConversation(large);
    QVERIFY2(raw()->toPlainText().isEmpty(), "the small conversation's JSON is still shown");
    m_panel->clear();
    tabs()->setCurrentWidget(raw());
    QVERIFY(raw()->toPlainText().isEmpty());
}

void TestConversationPanel::typeColumnFitsItsText()
{
    m_panel->setConversation(smallConversation());
    QTreeView *tree = m_panel->treeView();
    const QString widest = tree->model()->index(2, ConversationTreeModel::TypeColumn).data().toString();
    QCOMPARE(widest, u"integer (ms timestamp)"_s);
    const int textWidth = tree->fontMetrics().horizontalAdvance(widest);
    QVERIFY(textWidth > tree->header()->defaultSectionSize()); // so the test can fail
    QVERIFY(tree->columnWidth(ConversationTreeModel::TypeColumn) >= textWidth);
}

void TestConversationPanel::keyColumnGrowsAfterExpanding()
{
    OrderedJson conversation = smallConversation();
    conversation["nested"] = OrderedJson{{std::string(80, 'k'), 1}};
    m_panel->setConversation(conversation);
    QTreeView *tree = m_panel->treeView();
    const int before = tree->columnWidth(ConversationTreeModel::KeyColumn);
    const QModelIndex nested = tree->model()->index(int(conversation.size()) - 1, 0);
    QCOMPARE(nested.data().toString(), u"nested"_s);
    tree->expand(nested);
    const int keyWidth = tree->fontMetrics().horizontalAdvance(QString(80, u'k'));
    QVERIFY(keyWidth > before);
    QTRY_VERIFY(tree->columnWidth(ConversationTreeModel::KeyColumn) >= keyWidth);
}

QTEST_MAIN(TestConversationPanel)
#include "tst_conversationpanel.moc"
