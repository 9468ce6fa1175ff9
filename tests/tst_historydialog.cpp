#include "DialogHook.h"
#include "HistoryDialog.h"
#include "SandboxServer.h"
#include "audit/AuditExport.h"
#include "audit/AuditFilter.h"
#include "audit/AuditJoin.h"
#include "models/AuditHistoryModel.h"
#include "session/GuardedSave.h"

#include "support/RiskConfirmation.h"
#include "support/SandboxWindow.h"
#include "support/RequireChild.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolTip>

using namespace convdesk;
using namespace Qt::StringLiterals;

namespace {

const QString AliceId = u"support_demo|1|alice"_s;
const QString BobId = u"support_demo|1|bob_88"_s;

AuditRecord record(const QString &conversation, const QString &profile, const QDate &day, AuditRecord::Outcome outcome)
{
    AuditRecord entry;
    entry.time = QDateTime(day, QTime(10, 0), Qt::UTC);
    entry.osUser = u"tester"_s;
    entry.source = u"cli"_s;
    entry.profile = profile;
    entry.conversationId = conversation;
    entry.valueBefore = u"before %1"_s.arg(day.toString(Qt::ISODate));
    entry.valueSent = u"sent %1"_s.arg(day.toString(Qt::ISODate));
    switch (outcome) {
    case AuditRecord::Outcome::Success:
        entry.stage = AuditRecord::StageWrite;
        entry.errorKind = u"none"_s;
        entry.code = 200;
        break;
    case AuditRecord::Outcome::Failure:
        entry.stage = AuditRecord::StageWrite;
        entry.errorKind = u"business"_s;
        entry.code = 416;
        break;
    case AuditRecord::Outcome::Conflict:
        entry.stage = AuditRecord::StageReread;
        entry.errorKind = AuditRecord::ConflictKind;
        break;
    case AuditRecord::Outcome::Unknown: // an Attempt line whose Outcome never came
        entry.phase = AuditRecord::Phase::Attempt;
        entry.attemptId = u"attempt-"_s + day.toString(Qt::ISODate);
        entry.stage = AuditRecord::StageWrite;
        break;
    }
    entry.traceId = u"trace-"_s + day.toString(Qt::ISODate);
    return entry;
}

} // namespace

// The History window: filters, corrupt lines, export, open and revert (which goes through
// the window's confirmation and conflict guard).
class TestHistoryDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensFromTheMenuBesideTheWindow();
    void filtersNarrowTheRows_data();
    void filtersNarrowTheRows();
    void corruptLinesAreReported();
    void exportsTheRowsShown_data();
    void exportsTheRowsShown();
    void cancelledExportWritesNothing();
    void openLoadsTheConversation();
    void revertGoesThroughConfirmation();
    void revertShowsInHistoryAsARevert();
    void revertLoadsTheConversationFirst();
    void revertIsGuardedAgainstOtherWriters();
    void revertOfAnotherProfileIsRefused();
    void revertNeedsAKnownValueBefore();
    void reasonIsKeptUntilSavedSearchedAndShown();
    void longValuesShowBothEndsAndAllInTheTooltip();

private:
    void writeSampleLog();
    HistoryDialog *openHistory();
    // Selects the first row shown whose record satisfies `matches`.
    bool selectRecord(const std::function<bool(const AuditRecord &)> &matches);
    void saveAlice(const QString &value);
    QString serverValue(const QString &id) const
    {
        return GuardedSave::serverExtensionOf(*m_sandbox->conversation(id));
    }
    template<typename T>
    T *inHistory(const QString &name) const
    {
        return test::requireChild<T>((*m_window)->historyDialog(), name);
    }

    std::unique_ptr<SandboxServer> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SandboxWindow> m_window;
};

void TestHistoryDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_sandbox = std::make_unique<SandboxServer>();
    QVERIFY2(m_sandbox->listen(), qPrintable(m_sandbox->errorString()));
}

void TestHistoryDialog::init()
{
    m_sandbox->resetToSeed();
    DialogHook::clearAnswers();
    DialogHook::setInspector(test::confirmingRisk());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<SandboxWindow>(*m_sandbox, m_dir->path(), u"historyWindow"_s);
    QVERIFY(m_window->waitShown());
    m_window->get()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window->get()));
}

void TestHistoryDialog::cleanup()
{
    DialogHook::clearAnswers();
    m_window.reset();
    m_dir.reset();
}

void TestHistoryDialog::writeSampleLog()
{
    const AuditLog log = m_window->auditLog();
    const QList<AuditRecord> sample{
        record(AliceId, u"Sandbox"_s, QDate(2024, 6, 1), AuditRecord::Outcome::Success),
        record(AliceId, u"Production"_s, QDate(2024, 6, 2), AuditRecord::Outcome::Failure),
        record(BobId, u"Sandbox"_s, QDate(2024, 6, 3), AuditRecord::Outcome::Conflict),
        record(BobId, u"Sandbox"_s, QDate(2024, 6, 5), AuditRecord::Outcome::Success),
    };
    for (const AuditRecord &entry : sample) {
        QString problem;
        QVERIFY2(log.append(entry, &problem), qPrintable(problem));
    }
}

HistoryDialog *TestHistoryDialog::openHistory()
{
    m_window->get()->activateWindow();
    [this] { QVERIFY(QTest::qWaitForWindowActive(m_window->get())); }();
    QTest::keyClick(m_window->get(), Qt::Key_H, Qt::ControlModifier);
    HistoryDialog *history = (*m_window)->historyDialog();
    [history] { QTRY_VERIFY(history->isVisible()); }();
    return history;
}

bool TestHistoryDialog::selectRecord(const std::function<bool(const AuditRecord &)> &matches)
{
    HistoryDialog *history = (*m_window)->historyDialog();
    const QList<AuditRecord> shown = history->shownRecords();
    for (int row = 0; row < shown.size(); ++row) {
        if (matches(shown.at(row))) {
            history->view()->setCurrentIndex(history->view()->model()->index(row, 0));
            return history->currentRecord() == shown.at(row);
        }
    }
    return false;
}

void TestHistoryDialog::saveAlice(const QString &value)
{
    QCOMPARE((*m_window)->session()->conversationId().toString(), AliceId);
    m_window->typeExtension(value);
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    m_window->get()->save();
    QVERIFY(saved.wait());
    QCOMPARE(serverValue(AliceId), value);
}

void TestHistoryDialog::opensFromTheMenuBesideTheWindow()
{
    saveAlice(u"first save"_s);
    HistoryDialog *history = openHistory();
    QCOMPARE(history->objectName(), u"historyDialog"_s);
    QVERIFY(!history->isModal());
    // Opened on the conversation shown, with the attempt just made.
    QCOMPARE(inHistory<QLineEdit>(u"historyConversationFilter"_s)->text(), AliceId);
    QCOMPARE(history->shownRecords().size(), 1);
    QCOMPARE(history->shownRecords().first().valueSent, u"first save"_s);
    QCOMPARE(history->shownRecords().first().source, u"gui"_s);

    // A later save shows up without reopening it.
    saveAlice(u"second save"_s);
    QTRY_COMPARE(history->shownRecords().size(), 2);
    QCOMPARE(history->shownRecords().first().valueSent, u"second save"_s); // newest first
}

void TestHistoryDialog::filtersNarrowTheRows_data()
{
    QTest::addColumn<QString>("conversation");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("until");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("traceIds"); // newest first
    const QDate any;
    QTest::newRow("everything") << QString() << QString() << any << any << QString()
                                << QStringList{u"trace-2024-06-05"_s, u"trace-2024-06-03"_s, u"trace-2024-06-02"_s,
                                               u"trace-2024-06-01"_s};
    QTest::newRow("conversation") << AliceId << QString() << any << any << QString()
                                  << QStringList{u"trace-2024-06-02"_s, u"trace-2024-06-01"_s};
    QTest::newRow("profile") << QString() << u"Production"_s << any << any << QString()
                             << QStringList{u"trace-2024-06-02"_s};
    QTest::newRow("from a day") << QString() << QString() << QDate(2024, 6, 3) << any << QString()
                                << QStringList{u"trace-2024-06-05"_s, u"trace-2024-06-03"_s};
    QTest::newRow("until a day, inclusive") << QString() << QString() << any << QDate(2024, 6, 2) << QString()
                                            << QStringList{u"trace-2024-06-02"_s, u"trace-2024-06-01"_s};
    QTest::newRow("outcome") << QString() << QString() << any << any << u"conflict"_s
                             << QStringList{u"trace-2024-06-03"_s};
    QTest::newRow("all together") << BobId << u"Sandbox"_s << QDate(2024, 6, 2) << QDate(2024, 6, 5)
                                  << u"success"_s << QStringList{u"trace-2024-06-05"_s};
    QTest::newRow("nothing matches") << BobId << u"Production"_s << any << any << QString() << QStringList{};
}

void TestHistoryDialog::filtersNarrowTheRows()
{
    QFETCH(QString, conversation);
    QFETCH(QString, profile);
    QFETCH(QDate, from);
    QFETCH(QDate, until);
    QFETCH(QString, outcome);
    QFETCH(QStringList, traceIds);

    writeSampleLog();
    HistoryDialog *history = openHistory();
    auto *conversationFilter = inHistory<QLineEdit>(u"historyConversationFilter"_s);
    conversationFilter->clear();
    QTest::keyClicks(conversationFilter, conversation);
    auto *profiles = inHistory<QComboBox>(u"historyProfileFilter"_s);
    QCOMPARE(profiles->count(), 3); // all, Production, Sandbox
    profiles->setCurrentIndex(profiles->findData(profile));
    QVERIFY(profiles->currentIndex() >= 0);
    if (from.isValid())
        inHistory<QDateEdit>(u"historyFrom"_s)->setDate(from);
    if (until.isValid())
        inHistory<QDateEdit>(u"historyUntil"_s)->setDate(until);
    auto *outcomes = inHistory<QComboBox>(u"historyOutcomeFilter"_s);
    outcomes->setCurrentIndex(outcomes->findData(outcome));
    QVERIFY(outcomes->currentIndex() >= 0);

    QStringList shown;
    for (const AuditRecord &entry : history->shownRecords())
        shown << entry.traceId;
    QCOMPARE(shown, traceIds);
    QCOMPARE(history->view()->model()->rowCount(), traceIds.size());
    QVERIFY(inHistory<QLabel>(u"historyStatus"_s)->text().contains(QString::number(traceIds.size())));
    const bool anyShown = !traceIds.isEmpty();
    QCOMPARE(inHistory<QPushButton>(u"historyExportCsvButton"_s)->isEnabled(), anyShown);
}

void TestHistoryDialog::corruptLinesAreReported()
{
    writeSampleLog();
    QFile file((*m_window)->auditLogPath());
    QVERIFY(file.open(QIODevice::Append));
    file.write("{ not a record\n");
    file.close();
    HistoryDialog *history = openHistory();
    auto *warnings = inHistory<QLabel>(u"historyWarnings"_s);
    QVERIFY(warnings->isVisible());
    QVERIFY2(warnings->text().contains(u"line 5"_s), qPrintable(warnings->text()));
    history->setConversationFilter({});
    QCOMPARE(history->shownRecords().size(), 4); // the readable ones are all there
}

void TestHistoryDialog::exportsTheRowsShown_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("CSV") << u"csv"_s;
    QTest::newRow("JSON") << u"json"_s;
}

void TestHistoryDialog::exportsTheRowsShown()
{
    QFETCH(QString, format);
    writeSampleLog();
    HistoryDialog *history = openHistory();
    history->setConversationFilter({});
    auto *outcomes = inHistory<QComboBox>(u"historyOutcomeFilter"_s);
    outcomes->setCurrentIndex(outcomes->findData(u"success"_s));
    const QList<AuditRecord> shown = history->shownRecords();
    QCOMPARE(shown.size(), 2);

    const QString path = m_dir->filePath(u"export."_s + format);
    DialogHook::setNextFileName(path);
    QTest::mouseClick(inHistory<QPushButton>(format == u"csv" ? u"historyExportCsvButton"_s
                                                              : u"historyExportJsonButton"_s),
                      Qt::LeftButton);
    QCOMPARE(DialogHook::lastObjectName(), u"saveFileDialog"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    QCOMPARE(written, format == u"csv" ? AuditExport::toCsvFile(shown) : AuditExport::toJson(shown));
    if (format == u"json") {
        const auto parsed = Json::parse(written);
        QVERIFY(parsed && parsed->is_array());
        QCOMPARE(int(parsed->size()), 2);
    } else {
        QCOMPARE(written.count("\r\n"), 3); // header and two rows
        QVERIFY(written.contains("trace-2024-06-05"));
        QVERIFY(!written.contains("trace-2024-06-03"));
    }
    QVERIFY(inHistory<QLabel>(u"historyStatus"_s)->text().contains(path));
}

void TestHistoryDialog::cancelledExportWritesNothing()
{
    writeSampleLog();
    openHistory();
    const QString before = inHistory<QLabel>(u"historyStatus"_s)->text();
    DialogHook::setNextFileName({}); // Cancel
    QTest::mouseClick(inHistory<QPushButton>(u"historyExportCsvButton"_s), Qt::LeftButton);
    QCOMPARE(inHistory<QLabel>(u"historyStatus"_s)->text(), before);
    QCOMPARE(QDir(m_dir->path()).entryList({u"*.csv"_s}), QStringList());
}

void TestHistoryDialog::openLoadsTheConversation()
{
    writeSampleLog();
    HistoryDialog *history = openHistory();
    history->setConversationFilter({});
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.conversationId == BobId; }));
    QTest::mouseClick(inHistory<QPushButton>(u"historyOpenButton"_s), Qt::LeftButton);
    QVERIFY(m_window->waitShown());
    QCOMPARE((*m_window)->session()->conversationId().toString(), BobId);
}

void TestHistoryDialog::revertGoesThroughConfirmation()
{
    const QString seeded = serverValue(AliceId);
    saveAlice(u"{\"ticket\":\"wrong one\"}"_s);
    openHistory();
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.valueSent.contains(u"wrong one"_s); }));
    QVERIFY(inHistory<QPlainTextEdit>(u"historyDetail"_s)->toPlainText().contains(seeded));

    QString confirmDiff;
    DialogHook::setInspector(test::confirmingRisk([&confirmDiff](QDialog *dialog) {
        QCOMPARE(dialog->objectName(), u"saveConfirmDialog"_s);
        confirmDiff = dialog->findChild<QTextEdit *>(u"confirmDiff"_s)->toPlainText();
    }));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QTest::mouseClick(inHistory<QPushButton>(u"historyRevertButton"_s), Qt::LeftButton);
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QVERIFY2(confirmDiff.contains(u"-   \"ticket\": \"wrong one\""_s), qPrintable(confirmDiff));
    QVERIFY(saved.wait());
    QCOMPARE(serverValue(AliceId), seeded);

    const QList<AuditRecord> records = AuditJoin::attempts(m_window->auditLog().readAll());
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.last().valueSent, seeded);
    QCOMPARE(records.last().expected, std::optional<QString>(u"{\"ticket\":\"wrong one\"}"_s));
}

void TestHistoryDialog::revertShowsInHistoryAsARevert()
{
    saveAlice(u"{\"ticket\":\"T-1\"}"_s);
    HistoryDialog *history = openHistory();
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.valueSent.contains(u"T-1"_s); }));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QTest::mouseClick(inHistory<QPushButton>(u"historyRevertButton"_s), Qt::LeftButton);
    QVERIFY(saved.wait());

    // On record: the revert names the save it undoes; the save itself is no revert.
    const QList<AuditRecord> records = AuditJoin::attempts(m_window->auditLog().readAll());
    QCOMPARE(records.size(), 2);
    QVERIFY(!records.first().revertOf.isValid());
    QCOMPARE(records.last().revertOf.time, records.first().time);
    QCOMPARE(records.last().revertOf.attemptId, records.first().attemptId);

    // In the table and the details.
    QTRY_COMPARE(history->shownRecords().size(), 2);
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.revertOf.isValid(); }));
    const QModelIndex current = history->view()->currentIndex();
    const QString outcome =
        current.siblingAtColumn(AuditHistoryModel::OutcomeColumn).data(Qt::DisplayRole).toString();
    QCOMPARE(outcome, AuditHistoryModel::tr("Revert: %1").arg(AuditHistoryModel::tr("Saved")));
    const QString detail = inHistory<QPlainTextEdit>(u"historyDetail"_s)->toPlainText();
    QVERIFY2(detail.startsWith(u"A revert"_s), qPrintable(detail));
    QVERIFY(selectRecord([](const AuditRecord &entry) { return !entry.revertOf.isValid(); }));
    QCOMPARE(history->view()->currentIndex().siblingAtColumn(AuditHistoryModel::OutcomeColumn).data().toString(),
             AuditHistoryModel::tr("Saved"));
}

void TestHistoryDialog::revertLoadsTheConversationFirst()
{
    const QString seeded = serverValue(AliceId);
    saveAlice(u"to be reverted"_s);
    QSignalSpy loaded((*m_window)->session(), &ConversationSession::loaded);
    (*m_window)->openConversation(BobId);
    QVERIFY(loaded.wait());

    HistoryDialog *history = openHistory();
    history->setConversationFilter(AliceId);
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.valueSent == u"to be reverted"; }));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    QTest::mouseClick(inHistory<QPushButton>(u"historyRevertButton"_s), Qt::LeftButton);
    QVERIFY(saved.wait());
    QCOMPARE(DialogHook::pendingAnswers(), 0);
    QCOMPARE((*m_window)->session()->conversationId().toString(), AliceId);
    QCOMPARE(serverValue(AliceId), seeded);
    QVERIFY(!m_window->editor()->isModified());
}

void TestHistoryDialog::revertIsGuardedAgainstOtherWriters()
{
    saveAlice(u"mine"_s);
    QVERIFY(m_sandbox->setServerExtension(AliceId, u"a colleague's"_s));
    openHistory();
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.valueSent == u"mine"; }));
    QSignalSpy conflict((*m_window)->session(), &ConversationSession::conflict);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);   // the confirmation
    QTest::mouseClick(inHistory<QPushButton>(u"historyRevertButton"_s), Qt::LeftButton);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel); // the conflict: keep editing
    QVERIFY(conflict.wait());
    QCOMPARE(DialogHook::lastObjectName(), u"conflictDialog"_s);
    QCOMPARE(serverValue(AliceId), u"a colleague's"_s);
}

void TestHistoryDialog::revertOfAnotherProfileIsRefused()
{
    writeSampleLog();
    HistoryDialog *history = openHistory();
    history->setConversationFilter(AliceId);
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.profile == u"Production"; }));
    const int requests = m_sandbox->requestCount();
    QTest::mouseClick(inHistory<QPushButton>(u"historyRevertButton"_s), Qt::LeftButton);
    QCOMPARE(m_sandbox->requestCount(), requests);
    auto *banner = m_window->find<QLabel>(u"errorBanner"_s);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(u"Production"_s), qPrintable(banner->text()));
    QVERIFY(!m_window->editor()->isModified());
}

void TestHistoryDialog::revertNeedsAKnownValueBefore()
{
    AuditRecord unknown = record(AliceId, u"Sandbox"_s, QDate(2024, 6, 9), AuditRecord::Outcome::Failure);
    unknown.valueBefore.reset(); // the re-read failed
    unknown.stage = AuditRecord::StageReread;
    QVERIFY(m_window->auditLog().append(unknown));
    HistoryDialog *history = openHistory();
    QVERIFY(selectRecord([](const AuditRecord &) { return true; }));
    QVERIFY(!inHistory<QPushButton>(u"historyRevertButton"_s)->isEnabled());
    QVERIFY(inHistory<QPushButton>(u"historyOpenButton"_s)->isEnabled());
    QVERIFY(inHistory<QPlainTextEdit>(u"historyDetail"_s)->toPlainText().contains(u"unknown"_s));
    QVERIFY(history->isVisible());
}

void TestHistoryDialog::reasonIsKeptUntilSavedSearchedAndShown()
{
    QString prefilled;
    const auto typeReason = [&prefilled](const QString &reason) {
        return [&prefilled, reason](QDialog *dialog) {
            auto *field = dialog->findChild<QLineEdit *>(u"confirmReason"_s);
            prefilled = field->text();
            if (!reason.isNull()) {
                field->clear();
                QTest::keyClicks(field, reason);
            }
        };
    };
    m_window->typeExtension(u"with a reason"_s);
    DialogHook::setInspector(test::confirmingRisk(typeReason(u"CS-9 VIP"_s)));
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    m_window->get()->save();
    QCOMPARE(prefilled, QString());

    // The reason typed before the cancel is offered again, and recorded with the save.
    DialogHook::setInspector(test::confirmingRisk(typeReason(QString())));
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    m_window->get()->save();
    QCOMPARE(prefilled, u"CS-9 VIP"_s);
    QVERIFY(saved.wait());

    // Once saved, the next save starts without it.
    m_window->typeExtension(u"another"_s);
    DialogHook::setNextAnswer(QDialogButtonBox::Cancel);
    m_window->get()->save();
    QCOMPARE(prefilled, QString());
    DialogHook::clearAnswers();
    DialogHook::setInspector(test::confirmingRisk());

    writeSampleLog();
    HistoryDialog *history = openHistory();
    inHistory<QLineEdit>(u"historyConversationFilter"_s)->clear();
    QTRY_COMPARE(history->shownRecords().size(), 5);
    QTest::keyClicks(inHistory<QLineEdit>(u"historySearch"_s), u"cs-9"_s);
    QCOMPARE(history->shownRecords().size(), 1);
    QCOMPARE(history->shownRecords().first().reason, u"CS-9 VIP"_s);
    QVERIFY(selectRecord([](const AuditRecord &entry) { return entry.reason == u"CS-9 VIP"; }));
    const QString detail = inHistory<QPlainTextEdit>(u"historyDetail"_s)->toPlainText();
    QVERIFY2(detail.startsWith(u"Reason: CS-9 VIP\n"_s), qPrintable(detail));
}

void TestHistoryDialog::longValuesShowBothEndsAndAllInTheTooltip()
{
    const QString value = u"{\n  \"note\": \""_s + QString(300, u'n') + u"\",\n  \"ticket\": \"T-2024-0117\"\n}"_s;
    // Pasted: the editor indents what is typed after Enter.
    auto *edit = m_window->find<QPlainTextEdit>(u"extensionText"_s);
    edit->selectAll();
    edit->insertPlainText(value);
    QSignalSpy saved((*m_window)->session(), &ConversationSession::saved);
    DialogHook::setNextAnswer(QDialogButtonBox::Save);
    m_window->get()->save();
    QVERIFY(saved.wait());
    QCOMPARE(serverValue(AliceId), value);
    HistoryDialog *history = openHistory();
    QTableView *table = history->view();
    QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
    const QModelIndex sent = table->model()->index(0, AuditHistoryModel::ValueSentColumn);
    const QString shown = sent.data().toString();
    QVERIFY2(shown.startsWith(u"{ ↵   \"note\""_s) && shown.endsWith(u"\"T-2024-0117\" ↵ }"_s), qPrintable(shown));
    QVERIFY(table->visualRect(sent).width() < table->fontMetrics().horizontalAdvance(shown)); // cut

    table->scrollTo(sent);
    const QPoint at = table->visualRect(sent).center();
    QHelpEvent help(QEvent::ToolTip, at, table->viewport()->mapToGlobal(at));
    QApplication::sendEvent(table->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), value);
    QToolTip::hideText();
}

QTEST_MAIN(TestHistoryDialog)
#include "tst_historydialog.moc"
