#include "DialogHook.h"
#include "ExtensionForm.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "models/ExtensionFormModel.h"
#include "session/EditSession.h"
#include "session/ExtensionDraft.h"
#include "support/MainWindowFixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

// Structured editing of server_extension in the real window: the form, the Text view and the
// tree edit one pending value with one undo history, and the review reads key by key.
class TestMainWindowEditing : public QObject, private MainWindowFixture
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void objectOpensInTheForm();
    void plainTextOpensInTheTextViewWithAReason();
    void formEditShowsInTextAndTree();
    void inlineTreeEditGoesIntoTheForm();
    void undoAndRedoAcrossViews();
    void saveWithAReasonIsOnRecord();
    void riskyValuesNeedASecondConfirmation_data();
    void riskyValuesNeedASecondConfirmation();
    void typeChangeIsFlaggedInTheReview();

private:
    QTreeView *formView() const { return find<QTreeView>("extensionFormView"); }
    ExtensionDraft *draft() const { return m_window->editSession()->draft(); }
    // Double-clicks the cell, replaces its text and presses Enter, as a user would.
    void typeInto(QAbstractItemView *view, const QModelIndex &index, const QString &text);

    std::unique_ptr<QAbstractItemModelTester> m_formTester;
};

void TestMainWindowEditing::initTestCase()
{
    startSandbox();
}

void TestMainWindowEditing::init()
{
    openWindow();
    m_formTester = std::make_unique<QAbstractItemModelTester>(
        formView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMainWindowEditing::cleanup()
{
    m_formTester.reset();
    closeWindow();
}

void TestMainWindowEditing::typeInto(QAbstractItemView *view, const QModelIndex &index, const QString &text)
{
    view->scrollTo(index);
    const QPoint centre = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    QWidget *editor = QApplication::focusWidget();
    QVERIFY(editor);
    auto *line = qobject_cast<QLineEdit *>(editor);
    QVERIFY2(line, editor->metaObject()->className());
    line->selectAll();
    QTest::keyClicks(line, text);
    QTest::keyClick(line, Qt::Key_Return);
}

void TestMainWindowEditing::objectOpensInTheForm()
{
    auto *views = find<QTabWidget>("extensionViews");
    QCOMPARE(views->currentWidget()->objectName(), u"extensionForm"_s);
    QAbstractItemModel *model = formView()->model();
    QCOMPARE(model->rowCount(), 4); // ticket, priority, tags, agent: the server's order
    QCOMPARE(model->index(0, ExtensionFormModel::KeyColumn).data().toString(), u"ticket"_s);
    QCOMPARE(model->index(3, ExtensionFormModel::KeyColumn).data().toString(), u"agent"_s);
    QVERIFY(!find<QLabel>("formNotOffered")->isVisibleTo(editor()));
}

void TestMainWindowEditing::plainTextOpensInTheTextViewWithAReason()
{
    loadId(BobId);
    QVERIFY(waitShown());
    auto *views = find<QTabWidget>("extensionViews");
    QCOMPARE(views->currentWidget()->objectName(), u"extensionTextPage"_s);
    auto *note = find<QLabel>("formNotOffered");
    QVERIFY(note->isVisibleTo(editor()));
    QVERIFY2(note->text().contains(u"plain text"_s), qPrintable(note->text()));
    QVERIFY(find<QLabel>("formUnavailable")->isVisibleTo(find<ExtensionForm>("extensionForm")));
}

void TestMainWindowEditing::formEditShowsInTextAndTree()
{
    QAbstractItemModel *model = formView()->model();
    typeInto(formView(), model->index(1, ExtensionFormModel::ValueColumn), u"urgent"_s);
    const QString expected = uR"({"ticket":"T-20240611-0042","priority":"urgent","tags":["refund","vip"],"agent":"support_demo"})"_s;
    QTRY_COMPARE(draft()->text(), expected);
    QCOMPARE(find<QPlainTextEdit>("extensionText")->toPlainText(), expected);
    QVERIFY(m_window->isWindowModified());
    // The tree shows the pending value under server_extension, marked as edited.
    ConversationTreeModel *tree = m_window->conversationPanel()->treeModel();
    const QModelIndex priority = tree->indexForPath(u"$.server_extension.priority"_s, ConversationTreeModel::ValueColumn);
    QVERIFY(priority.isValid());
    QCOMPARE(priority.data().toString(), u"urgent"_s);
    QVERIFY(priority.data(ConversationTreeModel::IsEditedRole).toBool());
}

void TestMainWindowEditing::inlineTreeEditGoesIntoTheForm()
{
    ConversationPanel *panel = m_window->conversationPanel();
    QVERIFY(panel->expandPath(u"$.server_extension"_s));
    const QModelIndex agent = proxyIndex(u"$.server_extension.agent"_s).siblingAtColumn(ConversationTreeModel::ValueColumn);
    QVERIFY(agent.isValid());
    typeInto(panel->treeView(), agent, u"kb_team"_s);
    QTRY_VERIFY(draft()->text().contains(u"\"agent\":\"kb_team\""_s));
    QCOMPARE(formView()->model()->index(3, ExtensionFormModel::ValueColumn).data().toString(), u"kb_team"_s);
    QVERIFY(draft()->isModified());
}

void TestMainWindowEditing::undoAndRedoAcrossViews()
{
    const QString loaded = draft()->text();
    // An edit in the form, then one in the tree.
    typeInto(formView(), formView()->model()->index(1, ExtensionFormModel::ValueColumn), u"low"_s);
    QTRY_VERIFY(draft()->text().contains(u"\"priority\":\"low\""_s));
    ConversationPanel *panel = m_window->conversationPanel();
    QVERIFY(panel->expandPath(u"$.server_extension"_s));
    typeInto(panel->treeView(), proxyIndex(u"$.server_extension.agent"_s).siblingAtColumn(1), u"kb"_s);
    QTRY_VERIFY(draft()->text().contains(u"\"agent\":\"kb\""_s));

    auto *undo = m_window->findChild<QAction *>(u"undoAction"_s);
    QVERIFY(undo->isEnabled());
    QVERIFY2(undo->text().contains(u"agent"_s), qPrintable(undo->text())); // names the step
    panel->treeView()->setFocus();
    QTest::keyClick(panel->treeView(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!draft()->text().contains(u"\"agent\":\"kb\""_s));
    QVERIFY(draft()->text().contains(u"\"priority\":\"low\""_s));
    // From the Text view: its Ctrl+Z goes through the same history.
    auto *text = find<QPlainTextEdit>("extensionText");
    find<QTabWidget>("extensionViews")->setCurrentWidget(find<QWidget>("extensionTextPage"));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(draft()->text(), loaded);
    QCOMPARE(text->toPlainText(), loaded);
    QCOMPARE(formView()->model()->index(1, ExtensionFormModel::ValueColumn).data().toString(), u"high"_s);
    QVERIFY(!m_window->isWindowModified());
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(draft()->text().contains(u"\"priority\":\"low\""_s));
    QCOMPARE(formView()->model()->index(1, ExtensionFormModel::ValueColumn).data().toString(), u"low"_s);
}

void TestMainWindowEditing::saveWithAReasonIsOnRecord()
{
    typeInto(formView(), formView()->model()->index(1, ExtensionFormModel::ValueColumn), u"urgent"_s);
    QTRY_VERIFY(draft()->isModified());
    QString keys;
    DialogHook::setInspector([&keys](QDialog *dialog) {
        keys = test::requireChild<QTextBrowser>(dialog, "confirmKeyChanges")->toPlainText();
        auto *reason = test::requireChild<QLineEdit>(dialog, "confirmReason");
        reason->setText(u"CS-1042"_s);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QTest::mouseClick(find<QPushButton>("saveButton"), Qt::LeftButton);
    QVERIFY(saved.wait());
    QVERIFY2(keys.contains(u"priority"_s) && keys.contains(u"\"high\""_s) && keys.contains(u"\"urgent\""_s),
             qPrintable(keys));
    QVERIFY(!keys.contains(u"ticket"_s)); // unchanged keys are not listed
    const QList<AuditRecord> rows = AuditJoin::attempts(AuditLog(m_window->auditLogPath()).readAll());
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().reason, u"CS-1042"_s);
    QCOMPARE(rows.first().outcome(), AuditRecord::Outcome::Success);
    QVERIFY(m_window->editSession()->reason().isEmpty()); // used up by the save
}

void TestMainWindowEditing::riskyValuesNeedASecondConfirmation_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("warning");

    QTest::newRow("invalid JSON") << uR"({"ticket":"T-1",)"_s << u"not valid JSON"_s;
    QTest::newRow("no longer an object") << u"just words"_s << u"not one"_s;
}

void TestMainWindowEditing::riskyValuesNeedASecondConfirmation()
{
    QFETCH(QString, value);
    QFETCH(QString, warning);

    editExtension(value);
    QString shownWarning;
    bool saveEnabledBefore = true;
    DialogHook::setInspector([&](QDialog *dialog) { // no tick: the user did not confirm twice
        shownWarning = test::requireChild<QLabel>(dialog, "confirmRiskWarning")->text();
        saveEnabledBefore = test::requireChild<QPushButton>(dialog, "confirmSaveButton")->isEnabled();
    });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy started(m_window->session(), &ConversationSession::saveStarted);
    QVERIFY(!m_window->save());
    QCOMPARE(started.size(), 0);
    QVERIFY2(shownWarning.contains(warning), qPrintable(shownWarning));
    QVERIFY(!saveEnabledBefore);
    QCOMPARE(draft()->text(), value); // nothing lost

    // Ticked, it goes.
    DialogHook::setInspector(test::confirmingRisk());
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QSignalSpy saved(m_window->session(), &ConversationSession::saved);
    QVERIFY(m_window->save());
    QVERIFY(saved.wait());
    QCOMPARE(serverExtension(*m_sandbox, AliceId), value);
}

void TestMainWindowEditing::typeChangeIsFlaggedInTheReview()
{
    // Change priority's type through the form's Type column: a string "high" becomes the
    // type's empty value when it does not convert.
    auto *model = qobject_cast<ExtensionFormModel *>(formView()->model());
    QVERIFY(model);
    QVERIFY(model->setData(model->index(1, ExtensionFormModel::TypeColumn),
                           QVariant::fromValue(int(ExtensionFormModel::Kind::Integer)), Qt::EditRole));
    QTRY_VERIFY(draft()->text().contains(u"\"priority\":0"_s));
    QString keys;
    DialogHook::setInspector([&keys](QDialog *dialog) {
        keys = test::requireChild<QTextBrowser>(dialog, "confirmKeyChanges")->toPlainText();
    });
    DialogHook::setNextAnswer(QDialog::Rejected);
    QVERIFY(!m_window->save());
    QVERIFY2(keys.contains(u"type changes: string → integer"_s), qPrintable(keys));
}

QTEST_MAIN(TestMainWindowEditing)
#include "tst_mainwindowediting.moc"
