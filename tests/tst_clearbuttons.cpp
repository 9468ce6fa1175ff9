#include "AccountBrowser.h"
#include "ClearButton.h"
#include "ConversationIdInput.h"
#include "ConversationPanel.h"
#include "HistoryDialog.h"
#include "SaveConfirmDialog.h"

#include <QAccessible>
#include <QAction>
#include <QLineEdit>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The clear buttons inside fields carry a name a screen reader can read (QLineEdit leaves
// them nameless); tests/a11y checks the same on the real AT-SPI bus.
class TestClearButtons : public QObject
{
    Q_OBJECT

private:
    // The clear button Qt puts inside `edit`; null when there is none.
    static QToolButton *clearButtonOf(QLineEdit *edit)
    {
        const auto *action = edit->findChild<QAction *>(u"_q_qlineeditclearaction"_s);
        const QList<QToolButton *> buttons = edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
        for (QToolButton *button : buttons) {
            if (action && button->defaultAction() == action)
                return button;
        }
        return nullptr;
    }

    static QString accessibleName(QWidget *widget)
    {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        return accessible ? accessible->text(QAccessible::Name) : QString();
    }

private Q_SLOTS:
    void namesTheButtonAndItsAction()
    {
        QLineEdit edit;
        ClearButton::enable(&edit, u"Clear the account"_s);
        edit.setText(u"support_demo"_s);
        QVERIFY(edit.isClearButtonEnabled());
        QToolButton *button = clearButtonOf(&edit);
        QVERIFY(button);
        QCOMPARE(accessibleName(button), u"Clear the account"_s);
        QCOMPARE(button->defaultAction()->text(), u"Clear the account"_s);
        QCOMPARE(button->defaultAction()->toolTip(), u"Clear the account"_s);
    }

    void clearButtonStillClears()
    {
        QLineEdit edit;
        ClearButton::enable(&edit, u"Clear the account"_s);
        edit.setText(u"support_demo"_s);
        edit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&edit));
        QToolButton *button = clearButtonOf(&edit);
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(edit.text(), QString());
    }

    void everyFieldNamesItsButton_data()
    {
        QTest::addColumn<QString>("window");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("name");
        QTest::newRow("conversation ID") << u"id input"_s << u"conversationIdField"_s << u"Clear the conversation ID"_s;
        QTest::newRow("account") << u"account browser"_s << u"browserAccount"_s << u"Clear the account"_s;
        QTest::newRow("tree filter") << u"panel"_s << u"treeFilter"_s << u"Clear the filter"_s;
        QTest::newRow("history conversation") << u"history"_s << u"historyConversationFilter"_s
                                              << u"Clear the conversation filter"_s;
        QTest::newRow("history search") << u"history"_s << u"historySearch"_s << u"Clear the search"_s;
        QTest::newRow("save reason") << u"save review"_s << u"confirmReason"_s << u"Clear the reason"_s;
    }

    void everyFieldNamesItsButton()
    {
        QFETCH(QString, window);
        QFETCH(QString, field);
        QFETCH(QString, name);
        const std::unique_ptr<QWidget> widget = make(window);
        QVERIFY(widget);
        auto *edit = widget->findChild<QLineEdit *>(field);
        QVERIFY2(edit, qPrintable(field));
        QVERIFY(edit->isClearButtonEnabled());
        QToolButton *button = clearButtonOf(edit);
        QVERIFY(button);
        QCOMPARE(accessibleName(button), name);
    }

private:
    static std::unique_ptr<QWidget> make(const QString &window)
    {
        if (window == "id input"_L1)
            return std::make_unique<ConversationIdInput>();
        if (window == "account browser"_L1)
            return std::make_unique<AccountBrowser>();
        if (window == "panel"_L1)
            return std::make_unique<ConversationPanel>();
        if (window == "history"_L1)
            return std::make_unique<HistoryDialog>();
        if (window == "save review"_L1)
            return std::make_unique<SaveConfirmDialog>(
                SaveConfirmation{u"a|1|b"_s, u"Sandbox"_s, u"key"_s, u"{}"_s, u"{\"vip\":1}"_s, QString(), false});
        return nullptr;
    }
};

QTEST_MAIN(TestClearButtons)
#include "tst_clearbuttons.moc"
