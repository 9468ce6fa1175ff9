#include "support/MainWindowFixture.h"
#include "support/TabWalk.h"

#include <QApplication>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Tab walks the main window as it reads: the tool bar left to right, the account browser,
// the tree, then the editor; never back and forth between regions.
class TestTabOrder : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { startSandbox(); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void tabFollowsTheScreen();
};

void TestTabOrder::tabFollowsTheScreen()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QWidget *start = find<QWidget>("profileCombo");
    start->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), start);
    const QStringList visited = test::walkTabOrder(start);
    qInfo("%s", qPrintable(visited.join(u" → "_s)));
    const QStringList expected{u"profileCombo"_s,      u"profilesButton"_s,    u"conversationIdField"_s,
                               u"idBuilderButton"_s,   u"loadButton"_s,        u"browserAccount"_s,
                               u"browserListButton"_s, u"browserTable"_s,      u"treeFilter"_s,
                               u"conversationTree"_s,  u"extensionFormView"_s, u"formAddButton"_s,
                               u"previewButton"_s,     u"copyTraceIdButton"_s};
    // The regions come in screen order: each expected control after the one before it.
    QString problem;
    QVERIFY2(test::comesInOrder(visited, expected, &problem), qPrintable(problem));
}

QTEST_MAIN(TestTabOrder)
#include "tst_taborder.moc"
