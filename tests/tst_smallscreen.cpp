#include "support/MainWindowFixture.h"

#include "AccountBrowser.h"
#include "ElideModeDelegate.h"
#include "models/ConversationListModel.h"

#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QHelpEvent>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolTip>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

// What a 1024×640 screen gives the window on first start: the dock a quarter of it, the tree
// three fifths of the rest (MainWindowWidgets::restoreState()).
constexpr int ScreenWidth = 1024;
constexpr int ScreenHeight = 640;
constexpr int FirstDockWidth = ScreenWidth / 4;

// The tooltip the view shows for `index`, asked as the mouse would.
QString viewToolTip(QAbstractItemView *view, const QModelIndex &index)
{
    QToolTip::hideText();
    const QPoint at = view->visualRect(index).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    const QString text = QToolTip::isVisible() ? QToolTip::text() : QString();
    QToolTip::hideText();
    return text;
}

} // namespace

// The window on a small screen (issue 15, point 3): at 1024×640 the tree keeps the time of
// its dates in view when deep nodes open, the account browser in its first-start dock needs
// no sideways scrolling, cut cells have their whole text in a tooltip, and the layout the
// user chose (splitter, dock, the browser's columns) is there again after a restart.
class TestSmallScreen : public QObject, public MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { startSandbox(); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void expandingDeepNodesKeepsTheDatesTime();
    void accountBrowserNeedsNoSidewaysScrolling();
    void browserColumnsAreChosenFromTheHeader();
    void layoutSurvivesARestart();

private:
    void layOutAsOnASmallScreen();
    void listTheAccount();
    QTreeView *tree() const { return find<QTreeView>("conversationTree"); }
    QTableView *browserTable() const { return find<QTableView>("browserTable"); }
};

void TestSmallScreen::layOutAsOnASmallScreen()
{
    m_window->resize(ScreenWidth, ScreenHeight);
    m_window->resizeDocks({find<QDockWidget>("accountBrowserDock")}, {FirstDockWidth}, Qt::Horizontal);
    QTRY_COMPARE(m_window->size(), QSize(ScreenWidth, ScreenHeight));
    auto *splitter = find<QSplitter>("mainSplitter");
    const int central = splitter->width();
    splitter->setSizes({central * 3 / 5, central * 2 / 5});
    QTRY_VERIFY(qAbs(find<QDockWidget>("accountBrowserDock")->width() - FirstDockWidth) <= 8);
}

void TestSmallScreen::listTheAccount()
{
    QSignalSpy pages(m_window->accountBrowser(), &AccountBrowser::pageLoaded);
    auto *account = find<QLineEdit>("browserAccount");
    account->selectAll();
    QTest::keyClicks(account, u"support_demo"_s);
    QTest::mouseClick(find<QPushButton>("browserListButton"), Qt::LeftButton);
    QVERIFY(pages.wait());
    QVERIFY(m_window->accountBrowser()->model()->rowCount() >= 4);
}

void TestSmallScreen::expandingDeepNodesKeepsTheDatesTime()
{
    layOutAsOnASmallScreen();
    ConversationPanel *panel = m_window->conversationPanel();
    const QModelIndex created = proxyIndex(u"$.create_time"_s).siblingAtColumn(ConversationTreeModel::ValueColumn);
    const QString date = created.data().toString();
    QVERIFY2(date.contains(u':'), qPrintable(date));
    // Cut at its end, a date keeps its time to the second: "2026-11-01 17:30:19…".
    const int toTheSecond = tree()->fontMetrics().horizontalAdvance(date.section(u'.', 0, 0) + u'…');
    const int available = tree()->viewport()->width();
    QVERIFY2(available >= 300 && available < 3 * toTheSecond, qPrintable(QString::number(available)));

    // Long keys three levels down: sized to their text they would take the dates' room.
    QVERIFY(panel->expandPath(u"$.last_message.antispam_config"_s));
    QVERIFY(panel->expandPath(u"$.last_message.push_config.push_payload"_s));
    QCoreApplication::processEvents(); // the columns are sized after the burst (a zero timer)
    const QModelIndex longKey = proxyIndex(u"$.last_message.antispam_config.antispam_custom_message_enabled"_s);
    QVERIFY(longKey.isValid());
    const int keyWidth = 3 * tree()->indentation()
        + tree()->fontMetrics().horizontalAdvance(u"antispam_custom_message_enabled"_s);
    QVERIFY(keyWidth > available - toTheSecond - tree()->columnWidth(ConversationTreeModel::TypeColumn)); // can fail

    const int value = tree()->columnWidth(ConversationTreeModel::ValueColumn);
    QVERIFY2(value >= available / 3, qPrintable(QString::number(value)));
    QVERIFY2(tree()->visualRect(created).width() >= toTheSecond,
             qPrintable(u"%1 < %2"_s.arg(tree()->visualRect(created).width()).arg(toTheSecond)));
    QVERIFY2(tree()->columnWidth(ConversationTreeModel::KeyColumn) >= available * 3 / 10 - 1,
             qPrintable(QString::number(tree()->columnWidth(ConversationTreeModel::KeyColumn))));
    QCOMPARE(tree()->horizontalScrollBar()->maximum(), 0);

    // Values are cut in the middle, dates and type names at their end; tooltips have it all.
    QCOMPARE(tree()->textElideMode(), Qt::ElideMiddle);
    auto *delegate = qobject_cast<ElideModeDelegate *>(tree()->itemDelegate());
    QVERIFY(delegate);
    const auto elideMode = [&](const QModelIndex &index) {
        QStyleOptionViewItem option;
        option.textElideMode = tree()->textElideMode();
        delegate->initStyleOption(&option, index);
        return option.textElideMode;
    };
    QCOMPARE(elideMode(created), Qt::ElideRight);
    QCOMPARE(elideMode(created.siblingAtColumn(ConversationTreeModel::TypeColumn)), Qt::ElideRight);
    QCOMPARE(elideMode(longKey), Qt::ElideMiddle);
    QCOMPARE(elideMode(proxyIndex(u"$.conversation_id"_s).siblingAtColumn(ConversationTreeModel::ValueColumn)),
             Qt::ElideMiddle);
    QCOMPARE(viewToolTip(tree(), longKey), u"$.last_message.antispam_config.antispam_custom_message_enabled"_s);
    QVERIFY(viewToolTip(tree(), created).startsWith(date + u'\n'));
}

void TestSmallScreen::accountBrowserNeedsNoSidewaysScrolling()
{
    layOutAsOnASmallScreen();
    listTheAccount();
    QTableView *table = browserTable();
    QTRY_COMPARE(table->horizontalScrollBar()->maximum(), 0);
    QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
    QHeaderView *header = table->horizontalHeader();
    for (const int shown : {ConversationListModel::PeerColumn, ConversationListModel::LastMessageColumn,
                            ConversationListModel::UpdatedColumn}) {
        QVERIFY2(!header->isSectionHidden(shown), qPrintable(QString::number(shown)));
        QVERIFY(header->sectionViewportPosition(shown) + header->sectionSize(shown) <= table->viewport()->width());
    }
    // The message takes what is left, and more than a sliver of it.
    QVERIFY2(header->sectionSize(ConversationListModel::LastMessageColumn) >= table->viewport()->width() / 4,
             qPrintable(QString::number(header->sectionSize(ConversationListModel::LastMessageColumn))));

    const QString alice = u"support_demo|1|alice"_s;
    const QModelIndex aliceRow = m_window->accountBrowser()->sortModel()->mapFromSource(
        m_window->accountBrowser()->model()->index(m_window->accountBrowser()->model()->rowOf(alice),
                                                   ConversationListModel::LastMessageColumn));
    const QString full = u"Hi Alice, the refund for order SO-99812 has been approved. "
                         u"It should reach your card within 3 working days."_s;
    const int textWidth = table->fontMetrics().horizontalAdvance(aliceRow.data().toString());
    QVERIFY(table->visualRect(aliceRow).width() < textWidth); // cut, so the tooltip matters
    QCOMPARE(viewToolTip(table, aliceRow), full);
    // Wider, the message grows; the others keep their widths.
    const int peer = header->sectionSize(ConversationListModel::PeerColumn);
    const int message = header->sectionSize(ConversationListModel::LastMessageColumn);
    m_window->resizeDocks({find<QDockWidget>("accountBrowserDock")}, {FirstDockWidth + 200}, Qt::Horizontal);
    QTRY_VERIFY(header->sectionSize(ConversationListModel::LastMessageColumn) > message);
    QVERIFY(header->sectionSize(ConversationListModel::PeerColumn) >= peer);
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
}

void TestSmallScreen::browserColumnsAreChosenFromTheHeader()
{
    QHeaderView *header = browserTable()->horizontalHeader();
    QCOMPARE(header->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(header->isSectionHidden(ConversationListModel::IdColumn));
    auto *showId = test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::IdColumn));
    QCOMPARE(showId->text(), u"Conversation"_s);
    QVERIFY(!showId->isChecked());
    showId->trigger();
    QVERIFY(!header->isSectionHidden(ConversationListModel::IdColumn));
    QVERIFY(showId->isChecked());

    // Hiding all but one: the last one cannot go.
    const QList<QAction *> actions = header->actions();
    QCOMPARE(actions.size(), int(ConversationListModel::ColumnCount));
    for (QAction *action : actions) {
        if (action->isChecked() && action != showId)
            action->trigger();
    }
    QCOMPARE(header->hiddenSectionCount(), header->count() - 1);
    QVERIFY(showId->isChecked());
    QVERIFY(!showId->isEnabled());
    test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::PeerColumn))->trigger();
    QVERIFY(showId->isEnabled());
}

void TestSmallScreen::layoutSurvivesARestart()
{
    layOutAsOnASmallScreen();
    auto *dock = find<QDockWidget>("accountBrowserDock");
    m_window->resizeDocks({dock}, {FirstDockWidth + 60}, Qt::Horizontal);
    auto *splitter = find<QSplitter>("mainSplitter");
    splitter->setSizes({splitter->width() / 2, splitter->width() / 2});
    QHeaderView *header = browserTable()->horizontalHeader();
    test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::UpdatedColumn))->trigger();
    test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::TypeColumn))->trigger();
    header->moveSection(header->visualIndex(ConversationListModel::TypeColumn), 1);
    QTRY_COMPARE(dock->width(), FirstDockWidth + 60);
    const QList<int> sizes = splitter->sizes();
    QVERIFY(m_window->close());
    destroyWindow();

    createWindow();
    QCOMPARE(m_window->size(), QSize(ScreenWidth, ScreenHeight));
    QTRY_COMPARE(find<QDockWidget>("accountBrowserDock")->width(), FirstDockWidth + 60);
    QCOMPARE(find<QSplitter>("mainSplitter")->sizes(), sizes);
    header = browserTable()->horizontalHeader();
    QVERIFY(header->isSectionHidden(ConversationListModel::UpdatedColumn));
    QVERIFY(!header->isSectionHidden(ConversationListModel::TypeColumn));
    QCOMPARE(header->visualIndex(ConversationListModel::TypeColumn), 1);
    QCOMPARE(header->sectionResizeMode(ConversationListModel::LastMessageColumn), QHeaderView::Stretch);
    // The header's menu says the same.
    QVERIFY(!test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::UpdatedColumn))
                 ->isChecked());
    QVERIFY(test::requireChild<QAction>(header, u"browserColumnAction%1"_s.arg(ConversationListModel::TypeColumn))
                ->isChecked());
}

QTEST_MAIN(TestSmallScreen)
#include "tst_smallscreen.moc"
