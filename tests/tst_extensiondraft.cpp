#include "session/ExtensionDraft.h"

#include <QSignalSpy>
#include <QTest>

using namespace convdesk;
using namespace Qt::StringLiterals;

// The one undo history that the form, the text view and the tree edit through.
class TestExtensionDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resetStartsAFreshHistory();
    void undoAndRedoWalkTheSteps();
    void editAfterUndoDropsTheRedo();
    void typingMerges_data();
    void typingMerges();
    void unchangedTextIsNoStep();
    void lockedRefusesEdits();
    void rebaseKeepsTextAndHistory();
    void revertIsUndoable();
    void historyIsBounded();
    void tooLongCountsUtf16();
};

void TestExtensionDraft::resetStartsAFreshHistory()
{
    ExtensionDraft draft;
    QSignalSpy text(&draft, &ExtensionDraft::textChanged);
    draft.setText(u"a"_s, u"Edit"_s);
    draft.reset(u"{}"_s);
    QCOMPARE(draft.text(), u"{}"_s);
    QCOMPARE(draft.original(), u"{}"_s);
    QVERIFY(!draft.isModified());
    QVERIFY(!draft.canUndo());
    QVERIFY(!draft.canRedo());
    QCOMPARE(text.size(), 2);
    QCOMPARE(text.last().first().toString(), u"{}"_s);
}

void TestExtensionDraft::undoAndRedoWalkTheSteps()
{
    ExtensionDraft draft;
    draft.reset(u"0"_s);
    QSignalSpy modified(&draft, &ExtensionDraft::modifiedChanged);
    draft.setText(u"1"_s, u"first"_s);
    draft.setText(u"2"_s, u"second"_s);
    QCOMPARE(draft.undoDescription(), u"second"_s);
    QVERIFY(draft.undo());
    QCOMPARE(draft.text(), u"1"_s);
    QCOMPARE(draft.redoDescription(), u"second"_s);
    QCOMPARE(draft.undoDescription(), u"first"_s);
    QVERIFY(draft.undo());
    QCOMPARE(draft.text(), u"0"_s);
    QVERIFY(!draft.isModified());
    QVERIFY(!draft.undo());
    QVERIFY(draft.redo());
    QVERIFY(draft.redo());
    QCOMPARE(draft.text(), u"2"_s);
    QVERIFY(!draft.redo());
    // modified: true (first edit), false (back at the original), true (redo)
    QCOMPARE(modified.size(), 3);
}

void TestExtensionDraft::editAfterUndoDropsTheRedo()
{
    ExtensionDraft draft;
    draft.reset(u"0"_s);
    draft.setText(u"1"_s, u"one"_s);
    draft.undo();
    draft.setText(u"x"_s, u"other"_s);
    QVERIFY(!draft.canRedo());
    draft.undo();
    QCOMPARE(draft.text(), u"0"_s);
}

void TestExtensionDraft::typingMerges_data()
{
    QTest::addColumn<bool>("closeBetween");
    QTest::addColumn<bool>("otherEditBetween");
    QTest::addColumn<QString>("afterOneUndo");

    QTest::newRow("one run") << false << false << u""_s;
    QTest::newRow("run closed") << true << false << u"ab"_s;
    QTest::newRow("another kind of edit") << false << true << u"ab!"_s;
}

void TestExtensionDraft::typingMerges()
{
    QFETCH(bool, closeBetween);
    QFETCH(bool, otherEditBetween);
    QFETCH(QString, afterOneUndo);

    ExtensionDraft draft;
    draft.reset(QString());
    draft.setText(u"a"_s, u"Typing"_s, ExtensionDraft::Merge::Typing);
    draft.setText(u"ab"_s, u"Typing"_s, ExtensionDraft::Merge::Typing);
    if (closeBetween)
        draft.closeTypingGroup();
    if (otherEditBetween)
        draft.setText(u"ab!"_s, u"Format"_s);
    draft.setText(draft.text() + u"c"_s, u"Typing"_s, ExtensionDraft::Merge::Typing);
    draft.setText(draft.text() + u"d"_s, u"Typing"_s, ExtensionDraft::Merge::Typing);
    QVERIFY(draft.undo());
    QCOMPARE(draft.text(), afterOneUndo);
}

void TestExtensionDraft::unchangedTextIsNoStep()
{
    ExtensionDraft draft;
    draft.reset(u"v"_s);
    QSignalSpy undoState(&draft, &ExtensionDraft::undoStateChanged);
    QVERIFY(!draft.setText(u"v"_s, u"Edit"_s));
    QVERIFY(!draft.canUndo());
    QCOMPARE(undoState.size(), 0);
}

void TestExtensionDraft::lockedRefusesEdits()
{
    ExtensionDraft draft;
    draft.reset(u"v"_s);
    draft.setText(u"w"_s, u"Edit"_s);
    QSignalSpy locked(&draft, &ExtensionDraft::lockedChanged);
    draft.setLocked(true);
    QCOMPARE(locked.size(), 1);
    QVERIFY(!draft.setText(u"x"_s, u"Edit"_s));
    QVERIFY(!draft.canUndo());
    QVERIFY(!draft.undo());
    QCOMPARE(draft.text(), u"w"_s); // the value being sent stays
    draft.setLocked(false);
    QVERIFY(draft.undo());
    QCOMPARE(draft.text(), u"v"_s);
}

void TestExtensionDraft::rebaseKeepsTextAndHistory()
{
    ExtensionDraft draft;
    draft.reset(u"loaded"_s);
    draft.setText(u"mine"_s, u"Edit"_s);
    QSignalSpy modified(&draft, &ExtensionDraft::modifiedChanged);
    draft.rebase(u"mine"_s); // the server now holds what I typed
    QVERIFY(!draft.isModified());
    QCOMPARE(modified.size(), 1);
    QCOMPARE(draft.text(), u"mine"_s);
    QVERIFY(draft.canUndo());
    draft.undo();
    QCOMPARE(draft.text(), u"loaded"_s);
    QVERIFY(draft.isModified()); // compared with the new original
}

void TestExtensionDraft::revertIsUndoable()
{
    ExtensionDraft draft;
    draft.reset(u"loaded"_s);
    draft.setText(u"mine"_s, u"Edit"_s);
    QVERIFY(draft.revert(u"Revert"_s));
    QCOMPARE(draft.text(), u"loaded"_s);
    QVERIFY(!draft.revert(u"Revert"_s)); // nothing to revert
    QVERIFY(draft.undo());
    QCOMPARE(draft.text(), u"mine"_s);
}

void TestExtensionDraft::historyIsBounded()
{
    ExtensionDraft draft;
    draft.reset(u"start"_s);
    for (int i = 0; i < ExtensionDraft::MaxUndoSteps + 10; ++i)
        draft.setText(QString::number(i), u"Edit"_s);
    int undone = 0;
    while (draft.undo())
        ++undone;
    QCOMPARE(undone, ExtensionDraft::MaxUndoSteps);
    QCOMPARE(draft.text(), QString::number(9)); // the oldest steps were dropped
}

void TestExtensionDraft::tooLongCountsUtf16()
{
    ExtensionDraft draft;
    draft.reset(QString());
    draft.setText(QString(ExtensionDraft::MaxLength - 1, u'x') + u"😀"_s, u"Edit"_s); // emoji: 2 units
    QCOMPARE(draft.length(), qsizetype(ExtensionDraft::MaxLength + 1));
    QVERIFY(draft.isTooLong());
}

QTEST_GUILESS_MAIN(TestExtensionDraft)
#include "tst_extensiondraft.moc"
