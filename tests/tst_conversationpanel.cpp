#include "ConversationPanel.h"
#include "models/ConversationFilterModel.h"
#include "models/ConversationTreeModel.h"
#include "support/HeldThreadPool.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QClipboard>
#include <QFont>
#include <QHeaderView>
#include <QLineEdit>
#include <QHelpEvent>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolTip>
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

OrderedJson conversationWithExtension()
{
    OrderedJson conversation = smallConversation();
    conversation["server_extension"] = R"({"ticket":"T-1","count":7,"contact":{"phone":"123"}})";
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

    void sharedConversationIsShownWithoutCopy();
    void bigIntegerIsCopiedExactly();
    void largeFilterRunsBesideTheTreeWithProgress();
    void smallConversationFillsRawJsonAtOnce();
    void largeConversationFillsRawJsonWhenItsTabOpens();
    void rawJsonNeverShowsAnOlderConversation();
    void typeColumnFitsItsText();
    void keyColumnGrowsAfterExpanding();
    void longValueShowsBothEndsAndAllOfItInTheTooltip();
    void narrowerViewSharesItsWidthAgain();
    void doubleClickEditsServerExtensionValue_data();
    void doubleClickEditsServerExtensionValue();
    void f2AndEnterEditTheRowsValue_data();
    void f2AndEnterEditTheRowsValue();
    void enterOnAnotherRowEditsNothing();
    void textThatIsNotJsonIsRefused();
    void pendingServerExtensionIsShownMarkedAndStaysExpanded();

private:
    QTreeView *tree() const { return m_panel->findChild<QTreeView *>(u"conversationTree"_s); }
    // The tree's index (through the filter) of the node at `path`, in `column`.
    QModelIndex treeIndex(const QString &path, int column) const;
    QLineEdit *openEditor() const { return qobject_cast<QLineEdit *>(QApplication::focusWidget()); }
    void showExtensionExpanded();

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
    m_panel->activateWindow(); // keys and focus, for editing
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    QVERIFY(tree());
    QVERIFY(raw());
    QVERIFY(tabs());
}

void TestConversationPanel::cleanup()
{
    m_panel.reset();
}

void TestConversationPanel::sharedConversationIsShownWithoutCopy()
{
    const auto document = std::make_shared<const OrderedJson>(smallConversation());
    m_panel->setConversation(document);
    QCOMPARE(m_panel->treeModel()->sharedDocument().json().get(), document.get());
    QCOMPARE(&m_panel->treeModel()->document(), document.get());
    QCOMPARE(document.use_count(), 2); // ours and the tree model's: nobody else kept a copy

    // An answer as the API client parses it: the tree reads that very parse.
    const auto parsed = JsonIndex::parse(Json::serialize(OrderedJson{{"data", smallConversation()}}));
    QVERIFY(parsed);
    const SharedJson data = SharedJson(parsed).member("data");
    m_panel->setConversation(data);
    QCOMPARE(m_panel->treeModel()->documentIndex().get(), parsed.get());
    QCOMPARE(m_panel->treeModel()->documentRoot(), parsed->member(JsonIndex::Root, "data"));
    // Ours, `data`'s and the tree model's two (the document it shows and the parse it reads).
    QCOMPARE(parsed.use_count(), 4);
}

void TestConversationPanel::bigIntegerIsCopiedExactly()
{
    const auto parsed = JsonIndex::parse(R"({"data": {"conversation_id": "a|1|b", "big": 123456789012345678901234567890}})");
    QVERIFY(parsed);
    m_panel->setConversation(SharedJson(parsed).member("data"));
    QVERIFY(m_panel->setCurrentPath(u"$.big"_s));
    const QModelIndex current = m_panel->treeView()->currentIndex();
    QCOMPARE(current.siblingAtColumn(ConversationTreeModel::ValueColumn).data().toString(),
             u"123456789012345678901234567890"_s);
    QApplication::clipboard()->clear();
    m_panel->copyValue();
    QCOMPARE(QApplication::clipboard()->text(), u"123456789012345678901234567890"_s);
    m_panel->copySubtree();
    QCOMPARE(QApplication::clipboard()->text(), u"123456789012345678901234567890"_s);
}

void TestConversationPanel::largeFilterRunsBesideTheTreeWithProgress()
{
    HeldThreadPool pool; // the search waits until released: the test sees it running
    m_panel->filterModel()->setThreadPool(&pool);
    OrderedJson conversation = largeConversation();
    for (int i = 0; i < 14000; ++i) // 3 values an item: more than the filter searches at once
        conversation["last_message"]["attachment"].push_back(OrderedJson{{"index", i}, {"note", "n"}});
    conversation["last_message"]["attachment"][4100]["note"] = "the needle";
    m_panel->setConversation(std::make_shared<const OrderedJson>(std::move(conversation)));
    const int rowsBefore = m_panel->filterModel()->rowCount();
    auto *progress = m_panel->findChild<QProgressBar *>(u"filterProgress"_s);
    QVERIFY(progress);
    QVERIFY(!progress->isVisible());

    QSignalSpy finished(m_panel->filterModel(), &ConversationFilterModel::filterFinished);
    auto *filter = m_panel->findChild<QLineEdit *>(u"treeFilter"_s);
    QTest::keyClicks(filter, u"NEEDLE"_s);
    QTest::keyClick(filter, Qt::Key_Return); // applies at once, without the typing delay
    QVERIFY(m_panel->filterModel()->isFiltering());
    QVERIFY(progress->isVisible());
    QCOMPARE(m_panel->filterModel()->rowCount(), rowsBefore); // the tree as it was, meanwhile
    QTest::keyClick(filter, Qt::Key_Backspace); // typing goes on; Return searches the new text
    QTest::keyClick(filter, Qt::Key_Return);
    QCOMPARE(filter->text(), u"NEEDL"_s);

    pool.release();
    QVERIFY(finished.wait());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), u"NEEDL"_s);
    QVERIFY(!progress->isVisible());
    const QModelIndex match = m_panel->filterModel()->mapFromSource(
        m_panel->treeModel()->indexForPath(u"$.last_message.attachment[4100].note"_s));
    QVERIFY(match.isValid());
    QVERIFY(tree()->isExpanded(match.parent())); // opened to show the match
    m_panel->filterModel()->setThreadPool(nullptr);
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
    conversation["nested"] = OrderedJson{{std::string(300, 'k'), 1}};
    m_panel->setConversation(conversation);
    QTreeView *tree = m_panel->treeView();
    const int before = tree->columnWidth(ConversationTreeModel::KeyColumn);
    const QModelIndex nested = tree->model()->index(int(conversation.size()) - 1, 0);
    QCOMPARE(nested.data().toString(), u"nested"_s);
    tree->expand(nested);
    const int keyWidth = tree->fontMetrics().horizontalAdvance(QString(300, u'k'));
    QVERIFY(keyWidth > before);
    QTRY_VERIFY(tree->columnWidth(ConversationTreeModel::KeyColumn) > before);
    // A key longer than the view leaves the values a third of it (elided keys have tooltips).
    const int available = tree->viewport()->width();
    QVERIFY(keyWidth > available); // so the test can fail
    QVERIFY(tree->columnWidth(ConversationTreeModel::ValueColumn) >= available / 3 - 2);
}

void TestConversationPanel::longValueShowsBothEndsAndAllOfItInTheTooltip()
{
    const QString full = u"Your refund for order A1209 has been approved.\n"
                         u"The amount of 199.00 CNY will reach your card within 3-5 working days. Ticket T-2024-0117"_s;
    OrderedJson conversation = smallConversation();
    conversation["note"] = Json::toStdString(full);
    m_panel->setConversation(conversation);
    QTreeView *tree = m_panel->treeView();
    QCOMPARE(tree->textElideMode(), Qt::ElideMiddle);
    const QModelIndex note = treeIndex(u"$.note"_s, ConversationTreeModel::ValueColumn);
    const QString shown = note.data().toString();
    QVERIFY2(shown.contains(u" ↵ The amount"_s), qPrintable(shown)); // one line, the break marked
    QVERIFY(shown.endsWith(u"T-2024-0117"_s));
    QVERIFY(tree->visualRect(note).width() < tree->fontMetrics().horizontalAdvance(shown)); // cut

    // Through the view, as the mouse asks for it.
    const QPoint at = tree->visualRect(note).center();
    QHelpEvent help(QEvent::ToolTip, at, tree->viewport()->mapToGlobal(at));
    QApplication::sendEvent(tree->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), full);
    QToolTip::hideText();
}

void TestConversationPanel::narrowerViewSharesItsWidthAgain()
{
    OrderedJson conversation = smallConversation();
    conversation["nested"] = OrderedJson{{std::string(60, 'k'), 1}};
    m_panel->setConversation(conversation);
    QTreeView *tree = m_panel->treeView();
    QVERIFY(m_panel->expandPath(u"$.nested"_s));
    QTRY_VERIFY(tree->columnWidth(ConversationTreeModel::KeyColumn)
                >= tree->fontMetrics().horizontalAdvance(QString(60, u'k')));
    // The window is made narrower: the key gives way again, the values keep their share.
    m_panel->resize(420, 600);
    const int available = tree->viewport()->width();
    QVERIFY(available >= 300);
    QTRY_VERIFY(tree->columnWidth(ConversationTreeModel::ValueColumn) >= available / 3);
    QTRY_COMPARE(tree->horizontalScrollBar()->maximum(), 0);
}

QModelIndex TestConversationPanel::treeIndex(const QString &path, int column) const
{
    const QModelIndex source = m_panel->treeModel()->indexForPath(path, column);
    return static_cast<QAbstractProxyModel *>(tree()->model())->mapFromSource(source);
}

void TestConversationPanel::showExtensionExpanded()
{
    m_panel->setConversation(conversationWithExtension());
    QVERIFY(m_panel->expandPath(u"$.server_extension.contact"_s));
    tree()->setFocus();
    QTRY_VERIFY(tree()->hasFocus());
}

void TestConversationPanel::doubleClickEditsServerExtensionValue_data()
{
    QTest::addColumn<int>("column");
    QTest::newRow("on the value") << int(ConversationTreeModel::ValueColumn);
    QTest::newRow("on the key") << int(ConversationTreeModel::KeyColumn);
}

void TestConversationPanel::doubleClickEditsServerExtensionValue()
{
    QFETCH(int, column);
    showExtensionExpanded();
    QSignalSpy requested(m_panel.get(), &ConversationPanel::serverExtensionEditRequested);
    const QModelIndex phone = treeIndex(u"$.server_extension.contact.phone"_s, column);
    QVERIFY(phone.isValid());
    const QPoint at = tree()->visualRect(phone).center();
    QTest::mouseClick(tree()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree()->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(openEditor());
    QCOMPARE(openEditor()->text(), u"123"_s);
    openEditor()->selectAll();
    QTest::keyClicks(openEditor(), u"555 0100"_s);
    QTest::keyClick(openEditor(), Qt::Key_Return);

    QTRY_COMPARE(requested.count(), 1); // the delegate commits on the next turn of the event loop
    const auto edit = requested.at(0).at(0).value<JsonTextEditor::Edit>();
    QCOMPARE(edit.kind, JsonTextEditor::Edit::Kind::SetString);
    QCOMPARE(edit.key, u"/contact/phone"_s);
    QCOMPARE(edit.value, u"555 0100"_s);
    QTRY_VERIFY(!openEditor()); // closed; the tree shows the loaded value until a pending one is set
    QCOMPARE(treeIndex(u"$.server_extension.contact.phone"_s, 1).data().toString(), u"123"_s);
}

void TestConversationPanel::f2AndEnterEditTheRowsValue_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("F2") << int(Qt::Key_F2);
    QTest::newRow("Enter") << int(Qt::Key_Return);
    QTest::newRow("keypad Enter") << int(Qt::Key_Enter);
}

void TestConversationPanel::f2AndEnterEditTheRowsValue()
{
    QFETCH(int, key);
    showExtensionExpanded();
    QSignalSpy requested(m_panel.get(), &ConversationPanel::serverExtensionEditRequested);
    // The key cell is current, as after clicking the key.
    tree()->setCurrentIndex(treeIndex(u"$.server_extension.count"_s, ConversationTreeModel::KeyColumn));
    QTest::keyClick(tree(), Qt::Key(key));
    QTRY_VERIFY(openEditor());
    QCOMPARE(tree()->indexWidget(treeIndex(u"$.server_extension.count"_s, 1)), openEditor());
    QCOMPARE(openEditor()->text(), u"7"_s);
    openEditor()->selectAll();
    QTest::keyClicks(openEditor(), u"8"_s);
    QTest::keyClick(openEditor(), Qt::Key_Enter);
    QTRY_COMPARE(requested.count(), 1);
    const auto edit = requested.at(0).at(0).value<JsonTextEditor::Edit>();
    QCOMPARE(edit.kind, JsonTextEditor::Edit::Kind::SetJson);
    QCOMPARE(edit.key, u"/count"_s);
    QCOMPARE(edit.value, u"8"_s);
}

void TestConversationPanel::enterOnAnotherRowEditsNothing()
{
    showExtensionExpanded();
    for (const QString &path : {u"$.conversation_id"_s, u"$.server_extension"_s, u"$.server_extension.contact"_s}) {
        tree()->setCurrentIndex(treeIndex(path, ConversationTreeModel::KeyColumn));
        QTest::keyClick(tree(), Qt::Key_Return);
        QTest::keyClick(tree(), Qt::Key_F2);
        QVERIFY2(!openEditor(), qPrintable(path));
    }
}

void TestConversationPanel::textThatIsNotJsonIsRefused()
{
    showExtensionExpanded();
    QSignalSpy requested(m_panel.get(), &ConversationPanel::serverExtensionEditRequested);
    QSignalSpy refused(m_panel.get(), &ConversationPanel::editRefused);
    tree()->setCurrentIndex(treeIndex(u"$.server_extension.count"_s, ConversationTreeModel::ValueColumn));
    QTest::keyClick(tree(), Qt::Key_F2);
    QTRY_VERIFY(openEditor());
    openEditor()->selectAll();
    QTest::keyClicks(openEditor(), u"eight"_s);
    QTest::keyClick(openEditor(), Qt::Key_Return);
    QTRY_COMPARE(refused.count(), 1);
    QCOMPARE(requested.count(), 0);
    QVERIFY(refused.at(0).at(0).toString().startsWith(u"/count was not changed"_s));
}

void TestConversationPanel::pendingServerExtensionIsShownMarkedAndStaysExpanded()
{
    showExtensionExpanded();
    tree()->setCurrentIndex(treeIndex(u"$.server_extension.contact.phone"_s, 0));
    const QString pending = uR"({"ticket":"T-1","count":8,"contact":{"phone":"123","email":"a@b.c"}})"_s;
    m_panel->setPendingServerExtension(pending);

    const QModelIndex count = treeIndex(u"$.server_extension.count"_s, 1);
    QCOMPARE(count.data().toString(), u"8"_s);
    QVERIFY(count.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(count.siblingAtColumn(2).data().toString(), u"integer · edited"_s);
    QVERIFY(!treeIndex(u"$.server_extension.ticket"_s, 1).data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(treeIndex(u"$.server_extension"_s, 1).data().toString(), pending);
    // Still open where it was, and on the same node.
    QVERIFY(tree()->isExpanded(treeIndex(u"$.server_extension"_s, 0)));
    QVERIFY(tree()->isExpanded(treeIndex(u"$.server_extension.contact"_s, 0)));
    QCOMPARE(m_panel->currentPath(), u"$.server_extension.contact.phone"_s);
    const QRect email = tree()->visualRect(treeIndex(u"$.server_extension.contact.email"_s, 1));
    QVERIFY(email.isValid() && tree()->viewport()->rect().intersects(email));

    m_panel->setPendingServerExtension(std::nullopt);
    QCOMPARE(treeIndex(u"$.server_extension.count"_s, 1).data().toString(), u"7"_s);
    QVERIFY(!treeIndex(u"$.server_extension.contact.email"_s, 1).isValid());
    QVERIFY(tree()->isExpanded(treeIndex(u"$.server_extension.contact"_s, 0)));
}

QTEST_MAIN(TestConversationPanel)
#include "tst_conversationpanel.moc"
