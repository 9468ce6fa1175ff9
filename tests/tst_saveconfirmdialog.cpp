#include "DialogHook.h"
#include "SaveConfirmDialog.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>

using namespace convdesk;
using namespace Qt::StringLiterals;

class TestSaveConfirmDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup();

    void showsWhereTheSaveGoes();
    void showsPlainTextDiff();
    void compactJsonIsComparedPrettyPrinted();
    void formattingOnlyChange();
    void linesAreMarkedAndTinted();
    void confirmAnswers_data();
    void confirmAnswers();
    void cancelIsTheDefaultButton();
    void questionAnswers_data();
    void questionAnswers();

private:
    static SaveConfirmation sample(const QString &before, const QString &after)
    {
        return {u"acc1|1|acc2"_s, u"Production"_s, u"0123abcd"_s, before, after};
    }
};

void TestSaveConfirmDialog::cleanup()
{
    DialogHook::clearAnswers();
}

void TestSaveConfirmDialog::showsWhereTheSaveGoes()
{
    SaveConfirmDialog dialog(sample(u"a"_s, u"b"_s));
    QCOMPARE(dialog.objectName(), u"saveConfirmDialog"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"confirmConversationId"_s)->text(), u"acc1|1|acc2"_s);
    const QString profile = dialog.findChild<QLabel *>(u"confirmProfile"_s)->text();
    QVERIFY2(profile.contains(u"Production"_s) && profile.contains(u"0123abcd"_s), qPrintable(profile));
    QCOMPARE(dialog.findChild<QPushButton *>(u"confirmSaveButton"_s)->text(), u"&Save to server"_s);
}

void TestSaveConfirmDialog::showsPlainTextDiff()
{
    SaveConfirmDialog dialog(sample(u"keep\nold one\nold two\nend"_s, u"keep\nnew\nend\nmore"_s));
    QCOMPARE(dialog.findChild<QTextEdit *>(u"confirmDiff"_s)->toPlainText(),
             u"  keep\n- old one\n- old two\n+ new\n  end\n+ more"_s);
    QCOMPARE(dialog.findChild<QLabel *>(u"confirmSummary"_s)->text(),
             u"2 lines removed, 2 added, 24 → 17 characters"_s);
    QVERIFY(!dialog.diff().comparedAsJson);
}

void TestSaveConfirmDialog::compactJsonIsComparedPrettyPrinted()
{
    SaveConfirmDialog dialog(sample(uR"({"level":"gold","tags":["a"],"note":"x"})"_s,
                                    uR"({"level":"platinum","tags":["a"],"note":"x"})"_s));
    QCOMPARE(dialog.findChild<QTextEdit *>(u"confirmDiff"_s)->toPlainText(),
             uR"(  {
-   "level": "gold",
+   "level": "platinum",
    "tags": [
      "a"
    ],
    "note": "x"
  })"_s);
    QVERIFY(dialog.diff().comparedAsJson);
    QVERIFY(dialog.findChild<QLabel *>(u"confirmDiffMode"_s)->text().contains(u"pretty-printed"_s));
    QCOMPARE(dialog.findChild<QLabel *>(u"confirmSummary"_s)->text(),
             u"1 line removed, 1 added, 40 → 44 characters"_s);
}

void TestSaveConfirmDialog::formattingOnlyChange()
{
    SaveConfirmDialog dialog(sample(uR"({"a":1})"_s, u"{\n  \"a\": 1\n}"_s));
    QVERIFY(dialog.findChild<QLabel *>(u"confirmSummary"_s)->text().startsWith(u"Only the JSON formatting"_s));
}

void TestSaveConfirmDialog::linesAreMarkedAndTinted()
{
    SaveConfirmDialog dialog(sample(u"same\nold"_s, u"same\nnew"_s));
    const QTextDocument *document = dialog.findChild<QTextEdit *>(u"confirmDiff"_s)->document();
    QCOMPARE(document->blockCount(), 3);
    const QTextBlock same = document->findBlockByNumber(0);
    const QTextBlock removed = document->findBlockByNumber(1);
    const QTextBlock added = document->findBlockByNumber(2);
    QVERIFY(same.text().startsWith(u"  "_s));
    QVERIFY(removed.text().startsWith(u"- "_s));
    QVERIFY(added.text().startsWith(u"+ "_s));
    QCOMPARE(same.blockFormat().background().style(), Qt::NoBrush);
    QVERIFY(removed.blockFormat().background().style() != Qt::NoBrush);
    QVERIFY(added.blockFormat().background().color() != removed.blockFormat().background().color());
    QVERIFY(added.begin().fragment().charFormat().fontWeight() == QFont::Bold);

    // The tints follow the palette: a dark theme gives dark tints.
    QPalette dark = dialog.palette();
    dark.setColor(QPalette::Base, Qt::black);
    dark.setColor(QPalette::Text, Qt::white);
    dialog.setPalette(dark);
    const QColor darkTint = dialog.findChild<QTextEdit *>(u"confirmDiff"_s)->document()
                                ->findBlockByNumber(1).blockFormat().background().color();
    QVERIFY2(darkTint.lightnessF() < 0.5, qPrintable(darkTint.name()));
}

void TestSaveConfirmDialog::confirmAnswers_data()
{
    QTest::addColumn<int>("answerKind"); // 0 button, 1 dialog code
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("confirmed");
    QTest::newRow("Save to server") << 0 << int(QDialogButtonBox::Save) << true;
    QTest::newRow("Cancel") << 0 << int(QDialogButtonBox::Cancel) << false;
    QTest::newRow("accepted") << 1 << int(QDialog::Accepted) << true;
    QTest::newRow("rejected (Escape)") << 1 << int(QDialog::Rejected) << false;
}

void TestSaveConfirmDialog::confirmAnswers()
{
    QFETCH(int, answerKind);
    QFETCH(int, answer);
    QFETCH(bool, confirmed);
    if (answerKind == 0)
        DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    else
        DialogHook::setNextAnswer(QDialog::DialogCode(answer));

    QString diffSeen;
    DialogHook::setInspector([&diffSeen](QDialog *dialog) {
        diffSeen = dialog->findChild<QTextEdit *>(u"confirmDiff"_s)->toPlainText();
    });
    QCOMPARE(SaveConfirmDialog::confirm(sample(u"old"_s, u"new"_s), nullptr), confirmed);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE(diffSeen, u"- old\n+ new"_s);
    QCOMPARE(DialogHook::lastObjectName(), u"saveConfirmDialog"_s);
    QVERIFY(DialogHook::lastText().contains(u"acc1|1|acc2"_s));
    QVERIFY(DialogHook::lastText().contains(u"1 line removed, 1 added, 3 → 3 characters"_s));
}

void TestSaveConfirmDialog::cancelIsTheDefaultButton()
{
    SaveConfirmDialog dialog(sample(u"a"_s, u"b"_s));
    auto *cancel = dialog.findChild<QPushButton *>(u"confirmCancelButton"_s);
    auto *save = dialog.findChild<QPushButton *>(u"confirmSaveButton"_s);
    QVERIFY(cancel->isDefault());
    QVERIFY(!save->isDefault());
}

void TestSaveConfirmDialog::questionAnswers_data()
{
    QTest::addColumn<int>("answerKind");
    QTest::addColumn<int>("answer");
    QTest::addColumn<int>("expected");
    QTest::newRow("Yes") << 0 << int(QDialogButtonBox::Yes) << int(QDialogButtonBox::Yes);
    QTest::newRow("No") << 0 << int(QDialogButtonBox::No) << int(QDialogButtonBox::No);
    QTest::newRow("accepted → Yes") << 1 << int(QDialog::Accepted) << int(QDialogButtonBox::Yes);
    QTest::newRow("rejected → No") << 1 << int(QDialog::Rejected) << int(QDialogButtonBox::No);
    QTest::newRow("button not offered") << 0 << int(QDialogButtonBox::Save) << int(QDialogButtonBox::NoButton);
}

void TestSaveConfirmDialog::questionAnswers()
{
    QFETCH(int, answerKind);
    QFETCH(int, answer);
    QFETCH(int, expected);
    if (answerKind == 0)
        DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    else
        DialogHook::setNextAnswer(QDialog::DialogCode(answer));
    if (expected == int(QDialogButtonBox::NoButton))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"offers no button"_s));
    const auto result = DialogHook::question(nullptr, u"Remove profile"_s, u"Remove \"Production\"?"_s,
                                             QDialogButtonBox::Yes | QDialogButtonBox::No);
    QCOMPARE(int(result), expected);
    QCOMPARE(DialogHook::lastTitle(), u"Remove profile"_s);
    QVERIFY(DialogHook::lastText().contains(u"Remove \"Production\"?"_s));
}

QTEST_MAIN(TestSaveConfirmDialog)
#include "tst_saveconfirmdialog.moc"
