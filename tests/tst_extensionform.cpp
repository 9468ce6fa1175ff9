#include "ExtensionForm.h"
#include "models/ExtensionFormModel.h"
#include "support/ItemViewClicks.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QTreeView>

using namespace convdesk;
using namespace Qt::StringLiterals;

using Model = ExtensionFormModel;

// The form view driven as a user does: double-click, type, Enter, click the buttons.
class TestExtensionForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void editStringByTyping();
    void longStringGetsTheTextEditor();
    void integerEditorKeepsAllDigits();
    void renameToDuplicateIsRefusedWhileTyping();
    void addRemoveAndMoveWithButtons();
    void addItemToArray();
    void toggleBoolean();
    void changeTypeWithTheCombo();
    void unavailableForPlainText_data();
    void unavailableForPlainText();
    void setTextKeepsExpandedAndCurrentRows();
    void readOnlyDisablesEditing();

private:
    template<typename T>
    T *child(const char *name) { return test::requireChild<T>(m_form, name); }
    QTreeView *view() { return child<QTreeView>("extensionFormView"); }
    QModelIndex at(const QString &pointer, int column) { return m_form->model()->indexForPointer(pointer, column); }
    void click(const char *button);

    ExtensionForm *m_form = nullptr;
};

void TestExtensionForm::init()
{
    m_form = new ExtensionForm;
    m_form->resize(700, 400);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowActive(m_form));
}

void TestExtensionForm::cleanup()
{
    delete m_form;
    m_form = nullptr;
}

void TestExtensionForm::click(const char *button)
{
    auto *pushButton = child<QPushButton>(button);
    QVERIFY2(pushButton->isEnabled(), button);
    QTest::mouseClick(pushButton, Qt::LeftButton);
}

void TestExtensionForm::editStringByTyping()
{
    m_form->setText(uR"({ "name": "Ann", "big": 9007199254740993, "f": 1.0 })"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/name"_s, Model::ValueColumn));
    auto *editor = test::visibleEditor<QLineEdit>(view(), "formStringEditor");
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"Bo \"B\""_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({ "name": "Bo \"B\"", "big": 9007199254740993, "f": 1.0 })"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Set /name"_s);
    QCOMPARE(at(u"/name"_s, Model::ValueColumn).data().toString(), u"Bo \"B\""_s);
}

void TestExtensionForm::longStringGetsTheTextEditor()
{
    m_form->setText(uR"({"note":"line 1\nline 2"})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/note"_s, Model::ValueColumn));
    auto *editor = test::visibleEditor<QPlainTextEdit>(view(), "formTextEditor");
    QVERIFY(editor);
    QCOMPARE(editor->toPlainText(), u"line 1\nline 2"_s);
    editor->moveCursor(QTextCursor::End);
    QTest::keyClick(editor, Qt::Key_Return); // a line break, not a commit
    QTest::keyClicks(editor, u"3"_s);
    QCOMPARE(edited.size(), 0);
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"note":"line 1\nline 2\n3"})"_s);
}

void TestExtensionForm::integerEditorKeepsAllDigits()
{
    m_form->setText(uR"({"id":1})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/id"_s, Model::ValueColumn));
    auto *editor = test::visibleEditor<QLineEdit>(view(), "formIntegerEditor");
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"x-9007199254740993.e"_s); // the validator drops what cannot be an integer
    QCOMPARE(editor->text(), u"-9007199254740993"_s);
    QTest::keyClick(editor, Qt::Key_Enter);
    QTRY_COMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"id":-9007199254740993})"_s);
}

void TestExtensionForm::renameToDuplicateIsRefusedWhileTyping()
{
    const QString text = uR"({"vip":true,"tier":"gold"})"_s;
    m_form->setText(text);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/vip"_s, Model::KeyColumn));
    auto *editor = test::visibleEditor<QLineEdit>(view(), "formKeyEditor");
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, u"tier"_s);
    auto *message = child<QLabel>("formMessage");
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), u"This object already has a key named “tier”."_s);
    QVERIFY(!editor->toolTip().isEmpty()); // the editor is marked too
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // a commit would be a queued call
    QVERIFY(test::visibleEditor<QLineEdit>(view(), "formKeyEditor")); // still open, to be corrected
    QCOMPARE(edited.size(), 0);

    QTest::keyClicks(editor, u"_2"_s);
    QVERIFY(message->isHidden());
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"tier_2":true,"tier":"gold"})"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Rename “vip” to “tier_2”"_s);
}

void TestExtensionForm::addRemoveAndMoveWithButtons()
{
    m_form->setText(uR"({"a":1.0,"tier":"gold"})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);

    click("formAddButton");
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"a":1.0,"tier":"gold","new_key":""})"_s);
    auto *keyEditor = test::visibleEditor<QLineEdit>(view(), "formKeyEditor"); // the new key is ready to be named
    QVERIFY(keyEditor);
    keyEditor->selectAll();
    QTest::keyClicks(keyEditor, u"ticket"_s);
    QTest::keyClick(keyEditor, Qt::Key_Return);
    QTRY_COMPARE(edited.size(), 2);
    QCOMPARE(edited.at(1).at(0).toString(), uR"({"a":1.0,"tier":"gold","ticket":""})"_s);

    view()->setCurrentIndex(at(u"/tier"_s, Model::KeyColumn));
    click("formMoveUpButton");
    QCOMPARE(edited.at(2).at(0).toString(), uR"({"tier":"gold","a":1.0,"ticket":""})"_s);
    QCOMPARE(edited.at(2).at(1).toString(), u"Move “tier” up"_s);
    QVERIFY(!child<QPushButton>("formMoveUpButton")->isEnabled()); // first now
    click("formMoveDownButton");
    QCOMPARE(edited.at(3).at(0).toString(), uR"({"a":1.0,"tier":"gold","ticket":""})"_s);

    click("formRemoveButton");
    QCOMPARE(edited.at(4).at(0).toString(), uR"({"a":1.0,"ticket":""})"_s);
    QCOMPARE(edited.at(4).at(1).toString(), u"Remove “tier”"_s);

    view()->setCurrentIndex(at(u"/a"_s, Model::KeyColumn));
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Delete);
    QCOMPARE(edited.at(5).at(0).toString(), uR"({"ticket":""})"_s);
}

void TestExtensionForm::addItemToArray()
{
    m_form->setText(uR"({"tags":["x"],"s":1})"_s);
    view()->setCurrentIndex(at(u"/s"_s, Model::KeyColumn));
    QVERIFY(!child<QPushButton>("formAddItemButton")->isEnabled());
    view()->setCurrentIndex(at(u"/tags/0"_s, Model::KeyColumn));
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    click("formAddItemButton");
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"tags":["x",""],"s":1})"_s);
    QCOMPARE(edited.at(0).at(1).toString(), u"Add an item to “tags”"_s);
}

void TestExtensionForm::toggleBoolean()
{
    m_form->setText(uR"({"vip": false})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    const QModelIndex value = at(u"/vip"_s, Model::ValueColumn);
    QStyleOptionViewItem option;
    option.initFrom(view());
    option.rect = view()->visualRect(value);
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    const QRect box = view()->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view());
    QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, box.center());
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"vip": true})"_s);
    QCOMPARE(value.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
}

void TestExtensionForm::changeTypeWithTheCombo()
{
    m_form->setText(uR"({"n": "42"})"_s);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/n"_s, Model::TypeColumn));
    auto *combo = test::visibleEditor<QComboBox>(view(), "formTypeEditor");
    QVERIFY(combo);
    QCOMPARE(combo->currentText(), u"string"_s);
    QTest::keyClick(combo, Qt::Key_Down); // string → integer
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), uR"({"n": 42})"_s);
    QCOMPARE(at(u"/n"_s, Model::TypeColumn).data().toString(), u"integer"_s);
}

void TestExtensionForm::unavailableForPlainText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("plain text") << u"vip customer"_s
                                << u"The value is plain text, not JSON, so it can only be edited as text."_s;
    QTest::newRow("invalid JSON") << uR"({"a":1,}x)"_s
                                  << u"The value is not valid JSON (line 1, column 8), so it can only be edited "
                                     "as text."_s;
}

void TestExtensionForm::unavailableForPlainText()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    auto *unavailable = child<QLabel>("formUnavailable");
    QVERIFY(unavailable->isHidden());
    m_form->setText(text);
    QVERIFY(!m_form->isAvailable());
    QVERIFY(unavailable->isVisible());
    QCOMPARE(unavailable->text(), reason);
    QVERIFY(view()->isHidden());
    QVERIFY(!child<QPushButton>("formAddButton")->isVisible());
    m_form->setText(uR"({})"_s);
    QVERIFY(view()->isVisible());
    QVERIFY(unavailable->isHidden());
}

void TestExtensionForm::setTextKeepsExpandedAndCurrentRows()
{
    m_form->setText(uR"({"contact":{"phone":"1"},"other":{"x":1}})"_s);
    view()->expand(at(u"/contact"_s, Model::KeyColumn));
    view()->setCurrentIndex(at(u"/contact/phone"_s, Model::ValueColumn));
    m_form->setText(uR"({"new":0,"contact":{"phone":"2"},"other":{"x":1}})"_s);
    QVERIFY(view()->isExpanded(at(u"/contact"_s, Model::KeyColumn)));
    QVERIFY(!view()->isExpanded(at(u"/other"_s, Model::KeyColumn)));
    QCOMPARE(view()->currentIndex(), at(u"/contact/phone"_s, Model::ValueColumn));
}

void TestExtensionForm::readOnlyDisablesEditing()
{
    m_form->setText(uR"({"a":"x"})"_s);
    view()->setCurrentIndex(at(u"/a"_s, Model::KeyColumn));
    m_form->setReadOnly(true);
    for (const char *name : {"formAddButton", "formAddItemButton", "formRemoveButton", "formMoveUpButton",
                             "formMoveDownButton"})
        QVERIFY2(!child<QPushButton>(name)->isEnabled(), name);
    QSignalSpy edited(m_form, &ExtensionForm::textEdited);
    test::doubleClickCell(view(), at(u"/a"_s, Model::ValueColumn));
    QVERIFY(!test::visibleEditor<QLineEdit>(view(), "formStringEditor"));
    QCOMPARE(edited.size(), 0);
    m_form->setReadOnly(false);
    QVERIFY(child<QPushButton>("formAddButton")->isEnabled());
}

QTEST_MAIN(TestExtensionForm)
#include "tst_extensionform.moc"
