#include "DialogHook.h"
#include "SaveConfirmDialog.h"

#include <QCheckBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
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

    void byKeyIsTheDefaultTab();
    void keyListShowsAddedRemovedAndChanged();
    void keyListEscapesHtml();
    void typeChangeIsSaidInWords();
    void riskCheckGatesSave_data();
    void riskCheckGatesSave();
    void noRiskNoCheck();
    void requiredReasonGatesSave();
    void optionalReasonDoesNotGateSave();
    void reasonIsWrittenBackEvenWhenCancelled_data();
    void reasonIsWrittenBackEvenWhenCancelled();
    void saveAnswerIsRefusedWhileGated();
    void fitsTheSmallestScreenWithoutSidewaysScrolling();

private:
    static SaveConfirmation sample(const QString &before, const QString &after)
    {
        return {u"acc1|1|acc2"_s, u"Production"_s, u"0123abcd"_s, before, after, QString(), false};
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
    SaveConfirmation confirmation = sample(u"old"_s, u"new"_s);
    QCOMPARE(SaveConfirmDialog::confirm(confirmation, nullptr), confirmed);
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

void TestSaveConfirmDialog::byKeyIsTheDefaultTab()
{
    SaveConfirmDialog dialog(sample(uR"({"a":1})"_s, uR"({"a":2})"_s));
    auto *tabs = dialog.findChild<QTabWidget *>(u"confirmTabs"_s);
    QVERIFY(tabs);
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentWidget(), dialog.findChild<QTextBrowser *>(u"confirmKeyChanges"_s));
    QCOMPARE(tabs->tabText(0), u"By &key"_s);
    QCOMPARE(tabs->tabText(1), u"&Line by line"_s);
    QVERIFY(tabs->widget(1)->isAncestorOf(dialog.findChild<QTextEdit *>(u"confirmDiff"_s)));
}

void TestSaveConfirmDialog::keyListShowsAddedRemovedAndChanged()
{
    SaveConfirmDialog dialog(sample(uR"({"level":"gold","old":true,"contact":{"phone":"1"}})"_s,
                                    uR"({"level":"platinum","contact":{"phone":"2"},"new":[1]})"_s));
    const QString text = dialog.findChild<QTextBrowser *>(u"confirmKeyChanges"_s)->toPlainText();
    QVERIFY2(text.contains(u"2 changed, 1 added, 1 removed"_s), qPrintable(text));
    for (const QString &expected : {u"$.level"_s, u"/level"_s, u"\"gold\""_s, u"\"platinum\""_s, u"$.old"_s,
                                    u"Removed"_s, u"$.contact.phone"_s, u"/contact/phone"_s, u"$.new"_s,
                                    u"Added"_s, u"[1]"_s, u"Changed"_s})
        QVERIFY2(text.contains(expected), qPrintable(expected + u" not in:\n"_s + text));
    QVERIFY(!text.contains(u"type changes"_s));
    QCOMPARE(dialog.changes().changes.size(), 4);
}

void TestSaveConfirmDialog::keyListEscapesHtml()
{
    SaveConfirmDialog dialog(sample(uR"({"<b>k</b>":"<i>x</i> & y"})"_s, uR"({"<b>k</b>":"<script>"})"_s));
    auto *view = dialog.findChild<QTextBrowser *>(u"confirmKeyChanges"_s);
    const QString text = view->toPlainText();
    QVERIFY2(text.contains(u"\"<i>x</i> & y\""_s), qPrintable(text));
    QVERIFY(text.contains(u"\"<script>\""_s));
    QVERIFY(text.contains(u"$[\"<b>k</b>\"]"_s));
    QVERIFY(text.contains(u"/<b>k<~1b>"_s)); // RFC 6901: "/" in a key is "~1"
}

void TestSaveConfirmDialog::typeChangeIsSaidInWords()
{
    SaveConfirmDialog dialog(sample(uR"({"vip":"1","n":2})"_s, uR"({"vip":1,"n":2.5})"_s));
    const QString text = dialog.findChild<QTextBrowser *>(u"confirmKeyChanges"_s)->toPlainText();
    QVERIFY2(text.contains(u"type changes: string → integer"_s), qPrintable(text));
    QVERIFY2(text.contains(u"type changes: integer → number"_s), qPrintable(text));
}

void TestSaveConfirmDialog::riskCheckGatesSave_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("checkText");
    QTest::newRow("breaks JSON") << uR"({"a":1})"_s << uR"({"a":1,)"_s
                                 << u"I &understand: the value will no longer be valid JSON"_s;
    QTest::newRow("object to plain text") << uR"({"a":1})"_s << u"vip"_s
                                          << u"I &understand: the value will no longer be a JSON object"_s;
    QTest::newRow("object to array") << uR"({"a":1})"_s << uR"([1])"_s
                                     << u"I &understand: the value will no longer be a JSON object"_s;
}

void TestSaveConfirmDialog::riskCheckGatesSave()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, checkText);
    SaveConfirmDialog dialog(sample(before, after));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *warning = dialog.findChild<QLabel *>(u"confirmRiskWarning"_s);
    auto *check = dialog.findChild<QCheckBox *>(u"confirmRiskCheck"_s);
    auto *save = dialog.findChild<QPushButton *>(u"confirmSaveButton"_s);
    QVERIFY(warning && check);
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().startsWith(u"Warning:"_s));
    QCOMPARE(check->text(), checkText);
    QVERIFY(!check->isChecked());
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(check->height() / 2, check->height() / 2));
    QVERIFY(check->isChecked());
    QVERIFY(save->isEnabled());
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(check->height() / 2, check->height() / 2));
    QVERIFY(!save->isEnabled());
}

void TestSaveConfirmDialog::noRiskNoCheck()
{
    SaveConfirmDialog dialog(sample(uR"({"a":1})"_s, uR"({"a":2})"_s));
    QVERIFY(!dialog.findChild<QCheckBox *>(u"confirmRiskCheck"_s));
    QVERIFY(!dialog.findChild<QLabel *>(u"confirmRiskWarning"_s));
    QVERIFY(dialog.findChild<QPushButton *>(u"confirmSaveButton"_s)->isEnabled());
}

void TestSaveConfirmDialog::requiredReasonGatesSave()
{
    SaveConfirmation confirmation = sample(u"a"_s, u"b"_s);
    confirmation.reasonRequired = true;
    SaveConfirmDialog dialog(confirmation);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *reason = dialog.findChild<QLineEdit *>(u"confirmReason"_s);
    auto *save = dialog.findChild<QPushButton *>(u"confirmSaveButton"_s);
    auto *hint = dialog.findChild<QLabel *>(u"confirmReasonHint"_s);
    QVERIFY(reason && hint);
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(u"requires a reason"_s), qPrintable(hint->text()));
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(reason, u"   "_s); // blank is not a reason
    QVERIFY(!save->isEnabled());
    QTest::keyClicks(reason, u"CS-42"_s);
    QVERIFY(save->isEnabled());
    QCOMPARE(dialog.reason(), u"CS-42"_s);
    reason->clear();
    QVERIFY(!save->isEnabled());
}

void TestSaveConfirmDialog::optionalReasonDoesNotGateSave()
{
    SaveConfirmDialog dialog(sample(u"a"_s, u"b"_s));
    QVERIFY(!dialog.findChild<QLabel *>(u"confirmReasonHint"_s));
    QVERIFY(dialog.findChild<QLineEdit *>(u"confirmReason"_s)->text().isEmpty());
    QVERIFY(dialog.findChild<QPushButton *>(u"confirmSaveButton"_s)->isEnabled());
}

void TestSaveConfirmDialog::reasonIsWrittenBackEvenWhenCancelled_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("confirmed");
    QTest::newRow("saved") << int(QDialogButtonBox::Save) << true;
    QTest::newRow("cancelled") << int(QDialogButtonBox::Cancel) << false;
}

void TestSaveConfirmDialog::reasonIsWrittenBackEvenWhenCancelled()
{
    QFETCH(int, answer);
    QFETCH(bool, confirmed);
    SaveConfirmation confirmation = sample(u"a"_s, u"b"_s);
    confirmation.reason = u"CS-1"_s;
    QString prefilled;
    DialogHook::setInspector([&prefilled](QDialog *dialog) {
        auto *reason = dialog->findChild<QLineEdit *>(u"confirmReason"_s);
        prefilled = reason->text();
        reason->clear();
        QTest::keyClicks(reason, u" CS-2 follow-up "_s);
    });
    DialogHook::setNextAnswer(QDialogButtonBox::StandardButton(answer));
    QCOMPARE(SaveConfirmDialog::confirm(confirmation, nullptr), confirmed);
    QCOMPARE(prefilled, u"CS-1"_s);
    QCOMPARE(confirmation.reason, u"CS-2 follow-up"_s);
}

void TestSaveConfirmDialog::saveAnswerIsRefusedWhileGated()
{
    // Clicking a disabled Save does nothing: the dialog does not accept.
    SaveConfirmation confirmation = sample(uR"({"a":1})"_s, u"plain"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QVERIFY(!SaveConfirmDialog::confirm(confirmation, nullptr));

    DialogHook::setInspector([](QDialog *dialog) { dialog->findChild<QCheckBox *>(u"confirmRiskCheck"_s)->click(); });
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QVERIFY(SaveConfirmDialog::confirm(confirmation, nullptr));
}

void TestSaveConfirmDialog::fitsTheSmallestScreenWithoutSidewaysScrolling()
{
    const QSize smallest(1024, 640);
    QString longValue;
    for (int i = 0; i < 40; ++i)
        longValue += u"segment%1"_s.arg(i); // one long word: no space to break at
    SaveConfirmation confirmation = sample(uR"({"note":"short","tags":["a"]})"_s,
                                           uR"({"note":")"_s + longValue + uR"(","tags":["a","b"]})"_s);
    confirmation.reasonRequired = true;
    SaveConfirmDialog dialog(confirmation);
    const QSize available = QGuiApplication::primaryScreen()->availableGeometry().size();
    QVERIFY(dialog.width() <= std::min(smallest.width(), available.width()));
    QVERIFY(dialog.height() <= std::min(smallest.height(), available.height()));
    QVERIFY2(dialog.minimumSizeHint().width() <= smallest.width()
                 && dialog.minimumSizeHint().height() <= smallest.height(),
             qPrintable(u"%1x%2"_s.arg(dialog.minimumSizeHint().width()).arg(dialog.minimumSizeHint().height())));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = dialog.findChild<QTextBrowser *>(u"confirmKeyChanges"_s);
    QVERIFY(view->toPlainText().contains(u"segment39"_s));
    QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    QVERIFY(view->document()->idealWidth() <= view->viewport()->width() + 1);
}

QTEST_MAIN(TestSaveConfirmDialog)
#include "tst_saveconfirmdialog.moc"
