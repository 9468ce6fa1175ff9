#include "DialogHook.h"
#include "ExtensionEditor.h"
#include "support/RequireChild.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestExtensionEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void validity_data();
    void validity();
    void typingUpdatesValidity();
    void invalidJsonIsMarked();
    void formatAndCompactKeepKeyOrder();
    void formatIsOneUndoStep();
    void formatEnabledOnlyForJson_data();
    void formatEnabledOnlyForJson();
    void lengthCounter_data();
    void lengthCounter();
    void revertRestoresLoadedValue();
    void modifiedSignal();
    void busyDisablesSave();
    void saveButtonEmitsSaveRequested();
    void keepsCharactersTheEditorCouldLose();
    void carriageReturnsAreReported();
    void typingRunIsOneUndoStep();
    void undoReachesEditsOfOtherViews();
    void previewShowsExactText();

private:
    template<typename T>
    T *child(const char *name) { return test::requireChild<T>(m_editor, name); }

    ExtensionEditor *m_editor = nullptr;
};

void TestExtensionEditor::init()
{
    m_editor = new ExtensionEditor;
    m_editor->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_editor));
}

void TestExtensionEditor::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
}

void TestExtensionEditor::validity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ExtensionEditor::Validity>("validity");
    QTest::addColumn<QString>("message");

    using V = ExtensionEditor::Validity;
    QTest::newRow("empty") << u""_s << V::Empty << u"Empty"_s;
    QTest::newRow("object") << uR"({"a":1})"_s << V::Json << u"Valid JSON (object)"_s;
    QTest::newRow("array") << u"[1, 2]"_s << V::Json << u"Valid JSON (array)"_s;
    QTest::newRow("number") << u"42"_s << V::Json << u"Valid JSON (number)"_s;
    QTest::newRow("plain text") << u"vip customer"_s << V::PlainText << u"Not JSON (plain text)"_s;
    QTest::newRow("only spaces") << u"   "_s << V::PlainText << u"Not JSON (plain text)"_s;
    QTest::newRow("missing colon, line 3")
        << u"{\n  \"a\": 1,\n  \"b\" 2\n}"_s << V::InvalidJson << u"Invalid JSON at line 3, column 7: "_s;
    QTest::newRow("unterminated object")
        << uR"({"a":1)"_s << V::InvalidJson << u"Invalid JSON at line 1, column "_s;
    QTest::newRow("trailing comma in array")
        << u"[1,\n2,\n]"_s << V::InvalidJson << u"Invalid JSON at line 3, column 1: "_s;
}

void TestExtensionEditor::validity()
{
    QFETCH(QString, text);
    QFETCH(ExtensionEditor::Validity, validity);
    QFETCH(QString, message);
    m_editor->setText(text);
    QCOMPARE(m_editor->validity(), validity);
    const QString shown = child<QLabel>("extensionValidity")->text();
    QVERIFY2(shown.startsWith(message), qPrintable(shown));
    QCOMPARE(child<QLabel>("extensionValidity")->property("alert").toBool(),
             validity == ExtensionEditor::Validity::InvalidJson);
}

void TestExtensionEditor::typingUpdatesValidity()
{
    auto *edit = child<QPlainTextEdit>("extensionText");
    QTest::keyClicks(edit, u"{\"a\":"_s);
    QCOMPARE(m_editor->validity(), ExtensionEditor::Validity::InvalidJson);
    QTest::keyClicks(edit, u"1}"_s);
    QCOMPARE(m_editor->text(), uR"({"a":1})"_s);
    QCOMPARE(m_editor->validity(), ExtensionEditor::Validity::Json);
    QVERIFY(child<QPushButton>("formatButton")->isEnabled());
}

void TestExtensionEditor::invalidJsonIsMarked()
{
    auto *edit = child<QPlainTextEdit>("extensionText");
    m_editor->setText(u"{\n  \"a\": 1,\n  \"b\" 2\n}"_s);
    QCOMPARE(edit->extraSelections().size(), 1);
    const QTextCursor mark = edit->extraSelections().first().cursor;
    QCOMPARE(mark.block().blockNumber(), 2);
    QCOMPARE(mark.selectedText(), u"2"_s);
    m_editor->setText(u"{}"_s);
    QVERIFY(edit->extraSelections().isEmpty());
}

void TestExtensionEditor::formatAndCompactKeepKeyOrder()
{
    const QString compact = uR"({"zeta":1,"alpha":{"y":true,"b":[9007199254740993]},"mid":"x"})"_s;
    m_editor->setOriginalText(compact);
    QTest::mouseClick(child<QPushButton>("formatButton"), Qt::LeftButton);
    QCOMPARE(m_editor->text(), uR"({
  "zeta": 1,
  "alpha": {
    "y": true,
    "b": [
      9007199254740993
    ]
  },
  "mid": "x"
})"_s);
    QVERIFY(m_editor->isModified());
    QTest::mouseClick(child<QPushButton>("compactButton"), Qt::LeftButton);
    QCOMPARE(m_editor->text(), compact);
    QVERIFY(!m_editor->isModified());
}

void TestExtensionEditor::formatIsOneUndoStep()
{
    m_editor->setOriginalText(uR"({"b":1,"a":2})"_s);
    QTest::mouseClick(child<QPushButton>("formatButton"), Qt::LeftButton);
    QVERIFY(m_editor->text().contains(u'\n'));
    QTest::keyClick(child<QPlainTextEdit>("extensionText"), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_editor->text(), uR"({"b":1,"a":2})"_s);
}

void TestExtensionEditor::formatEnabledOnlyForJson_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("object") << uR"({"a":1})"_s << true;
    QTest::newRow("string") << uR"("text")"_s << true;
    QTest::newRow("empty") << u""_s << false;
    QTest::newRow("plain text") << u"hello"_s << false;
    QTest::newRow("invalid JSON") << uR"({"a":)"_s << false;
}

void TestExtensionEditor::formatEnabledOnlyForJson()
{
    QFETCH(QString, text);
    QFETCH(bool, enabled);
    m_editor->setText(text);
    QCOMPARE(child<QPushButton>("formatButton")->isEnabled(), enabled);
    QCOMPARE(child<QPushButton>("compactButton")->isEnabled(), enabled);
    const QString before = m_editor->text();
    m_editor->formatPretty(); // a no-op for anything that is not JSON
    if (!enabled)
        QCOMPARE(m_editor->text(), before);
}

void TestExtensionEditor::lengthCounter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("counter");
    QTest::addColumn<bool>("tooLong");

    QTest::newRow("empty") << u""_s << u"0 / 1024"_s << false;
    QTest::newRow("812") << QString(812, u'a') << u"812 / 1024"_s << false;
    QTest::newRow("1024 is allowed") << QString(1024, u'a') << u"1024 / 1024"_s << false;
    QTest::newRow("1025 is too long") << QString(1025, u'a') << u"1025 / 1024 — too long"_s << true;
    // Counted in QString units: a character outside the BMP takes two.
    QTest::newRow("512 emoji = 1024") << u"😀"_s.repeated(512) << u"1024 / 1024"_s << false;
    QTest::newRow("513 emoji = 1026") << u"😀"_s.repeated(513) << u"1026 / 1024 — too long"_s << true;
}

void TestExtensionEditor::lengthCounter()
{
    QFETCH(QString, text);
    QFETCH(QString, counter);
    QFETCH(bool, tooLong);
    m_editor->setOriginalText(u"x"_s);
    m_editor->setText(text);
    auto *label = child<QLabel>("lengthCounter");
    QCOMPARE(label->text(), counter);
    QCOMPARE(m_editor->isTooLong(), tooLong);
    QCOMPARE(label->font().bold(), tooLong);
    // A warning colour (amber), not the selection colours a selected row has.
    QCOMPARE(label->property("alert").toBool(), tooLong);
    const QColor background = label->palette().color(QPalette::Window);
    QVERIFY(background != label->palette().color(QPalette::Highlight));
    if (tooLong) {
        QVERIFY(label->autoFillBackground());
        QVERIFY2(background.red() > background.blue(), qPrintable(background.name())); // amber, not blue
    }
    QCOMPARE(child<QPushButton>("saveButton")->isEnabled(), !tooLong);
    QCOMPARE(m_editor->canSave(), !tooLong);
}

void TestExtensionEditor::revertRestoresLoadedValue()
{
    auto *revert = child<QPushButton>("revertButton");
    m_editor->setOriginalText(uR"({"vip":true})"_s);
    QVERIFY(!revert->isEnabled());
    QTest::keyClicks(child<QPlainTextEdit>("extensionText"), u"xyz"_s);
    QVERIFY(m_editor->isModified());
    QVERIFY(revert->isEnabled());
    QTest::mouseClick(revert, Qt::LeftButton);
    QCOMPARE(m_editor->text(), uR"({"vip":true})"_s);
    QCOMPARE(m_editor->originalText(), uR"({"vip":true})"_s);
    QVERIFY(!m_editor->isModified());
    QVERIFY(!revert->isEnabled());
}

void TestExtensionEditor::modifiedSignal()
{
    QSignalSpy spy(m_editor, &ExtensionEditor::modifiedChanged);
    QSignalSpy canSave(m_editor, &ExtensionEditor::canSaveChanged);
    m_editor->setOriginalText(u"ab"_s);
    QCOMPARE(spy.count(), 0);

    auto *edit = child<QPlainTextEdit>("extensionText");
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, u"c"_s);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toBool(), true);
    QTest::keyClicks(edit, u"d"_s); // still modified: no second signal
    QCOMPARE(spy.count(), 0);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QCOMPARE(m_editor->text(), u"ab"_s);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toBool(), false);
    QCOMPARE(canSave.count(), 2);

    m_editor->setText(u"other"_s);
    QCOMPARE(spy.count(), 1);
    m_editor->setOriginalText(u"other"_s); // loading the saved value clears "modified"
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toBool(), false);
}

void TestExtensionEditor::busyDisablesSave()
{
    QSignalSpy saves(m_editor, &ExtensionEditor::saveRequested);
    auto *save = child<QPushButton>("saveButton");
    auto *edit = child<QPlainTextEdit>("extensionText");
    m_editor->setOriginalText(u"a"_s);
    m_editor->setText(u"b"_s);
    QVERIFY(save->isEnabled());

    m_editor->setBusy(true);
    QVERIFY(!save->isEnabled());
    QVERIFY(edit->isReadOnly());
    QVERIFY(!child<QPushButton>("revertButton")->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    m_editor->requestSave(); // the owner's Ctrl+S action
    QCOMPARE(saves.count(), 0);
    QTest::keyClicks(edit, u"zz"_s);
    QCOMPARE(m_editor->text(), u"b"_s);

    m_editor->setBusy(false);
    QVERIFY(save->isEnabled());
    QVERIFY(!edit->isReadOnly());
}

void TestExtensionEditor::saveButtonEmitsSaveRequested()
{
    QSignalSpy saves(m_editor, &ExtensionEditor::saveRequested);
    auto *save = child<QPushButton>("saveButton");
    m_editor->setOriginalText(u"a"_s);
    QVERIFY(!save->isEnabled()); // nothing to save
    m_editor->requestSave();
    QCOMPARE(saves.count(), 0);
    m_editor->setText(u"b"_s);
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(saves.count(), 1);
}

void TestExtensionEditor::keepsCharactersTheEditorCouldLose()
{
    // toPlainText() would turn the no-break space into a plain space and show "modified".
    const QString value = u"a\u00a0b\u2028c\td"_s;
    m_editor->setOriginalText(value);
    QCOMPARE(m_editor->text(), value);
    QVERIFY(!m_editor->isModified());
    QVERIFY(!m_editor->originalWasNormalized());
}

void TestExtensionEditor::carriageReturnsAreReported()
{
    m_editor->setOriginalText(u"line one\r\nline two"_s);
    QVERIFY(m_editor->originalWasNormalized());
    QVERIFY(!m_editor->isModified());
    // The value stays exact until the Text view is typed in; the label says what typing does.
    QCOMPARE(m_editor->text(), u"line one\r\nline two"_s);
    QVERIFY(child<QLabel>("extensionValidity")->text().contains(u"carriage returns"_s));
    QVERIFY(!child<QPushButton>("saveButton")->isEnabled());

    auto *text = child<QPlainTextEdit>("extensionText");
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, u"!"_s);
    QCOMPARE(m_editor->text(), u"line one\nline two!"_s);
    QVERIFY(m_editor->isModified());
}

void TestExtensionEditor::typingRunIsOneUndoStep()
{
    m_editor->setOriginalText(u"ab"_s);
    auto *text = child<QPlainTextEdit>("extensionText");
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, u"cd ef"_s);
    QCOMPARE(m_editor->text(), u"abcd ef"_s);
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier); // " ef" started a new run
    QCOMPARE(m_editor->text(), u"abcd"_s);
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_editor->text(), u"ab"_s);
    QVERIFY(!m_editor->isModified());
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_editor->text(), u"abcd"_s);
    QCOMPARE(text->toPlainText(), u"abcd"_s);
}

void TestExtensionEditor::undoReachesEditsOfOtherViews()
{
    // Another view (the form, the tree) edits the same draft; Ctrl+Z in the Text view takes
    // its edit back, and the Text view shows each state.
    ExtensionDraft draft;
    m_editor->setDraft(&draft);
    draft.reset(uR"({"a":1})"_s);
    auto *text = child<QPlainTextEdit>("extensionText");
    QCOMPARE(text->toPlainText(), uR"({"a":1})"_s);
    draft.setText(uR"({"a":2})"_s, u"Set /a"_s);
    QCOMPARE(text->toPlainText(), uR"({"a":2})"_s);
    QVERIFY(m_editor->isModified());
    text->setFocus();
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(draft.text(), uR"({"a":1})"_s);
    QCOMPARE(text->toPlainText(), uR"({"a":1})"_s);
    QVERIFY(!m_editor->isModified());
    m_editor->setDraft(nullptr); // the draft goes before the editor
}

void TestExtensionEditor::previewShowsExactText()
{
    m_editor->setOriginalText(u"x\r\ny"_s);
    QString shown;
    DialogHook::setInspector([&shown](QDialog *dialog) {
        shown = test::requireChild<QPlainTextEdit>(dialog, "previewText")->document()->toRawText();
    });
    DialogHook::setNextAnswer(QDialog::Rejected);
    QTest::mouseClick(child<QPushButton>("previewButton"), Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"previewDialog"_s);
    QVERIFY(DialogHook::lastText().contains(u"these 4 character"_s));
    DialogHook::clearAnswers();
    QVERIFY(shown.startsWith(u'x'));
}

QTEST_MAIN(TestExtensionEditor)
#include "tst_extensioneditor.moc"
