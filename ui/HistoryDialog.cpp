#include "HistoryDialog.h"

#include "ClearButton.h"
#include "DialogHook.h"
#include "audit/AuditExport.h"
#include "audit/AuditFilter.h"
#include "audit/AuditLog.h"
#include "models/AuditHistoryModel.h"
#include "platform/LocalTime.h"
#include "schema/SchemaVerdict.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace convdesk {

namespace {

// A date edit whose lowest date reads "any": no bound.
QDateEdit *optionalDateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setSpecialValueText(HistoryDialog::tr("any"));
    edit->setDate(edit->minimumDate());
    return edit;
}

QDate boundOf(const QDateEdit *edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

// Whether two rows show the same save: an attempt stays itself when its outcome arrives.
bool sameAttempt(const AuditRecord &a, const AuditRecord &b)
{
    if (!a.attemptId.isEmpty() || !b.attemptId.isEmpty())
        return a.attemptId == b.attemptId;
    return a == b;
}

// How an outcome was established, for the details; empty when the line does not say.
QString verifiedByText(const QString &verifiedBy)
{
    if (verifiedBy.isEmpty())
        return {};
    if (verifiedBy == AuditRecord::VerifiedByAnswer)
        return HistoryDialog::tr("Outcome established by the server's answer.");
    if (verifiedBy == AuditRecord::VerifiedByReread)
        return HistoryDialog::tr("Outcome established by a re-read after the answer was lost or could not be "
                                 "trusted.");
    if (verifiedBy == AuditRecord::VerifiedByReconcile)
        return HistoryDialog::tr("Outcome established by a later check of an interrupted save.");
    return HistoryDialog::tr("Outcome established by: %1").arg(verifiedBy); // a newer writer's way
}

} // namespace

HistoryDialog::HistoryDialog(QWidget *parent)
    : QDialog(parent)
    , m_logPath(AuditLog::defaultFilePath())
    , m_model(new AuditHistoryModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_conversationFilter(new QLineEdit(this))
    , m_searchFilter(new QLineEdit(this))
    , m_profileFilter(new QComboBox(this))
    , m_from(optionalDateEdit(QStringLiteral("historyFrom"), this))
    , m_until(optionalDateEdit(QStringLiteral("historyUntil"), this))
    , m_outcomeFilter(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_detail(new QPlainTextEdit(this))
    , m_warnings(new QLabel(this))
    , m_status(new QLabel(this))
    , m_openButton(new QPushButton(tr("&Open conversation"), this))
    , m_revertButton(new QPushButton(tr("&Revert to this value…"), this))
    , m_exportCsvButton(new QPushButton(tr("Export &CSV…"), this))
    , m_exportJsonButton(new QPushButton(tr("Export &JSON…"), this))
{
    setObjectName(QStringLiteral("historyDialog"));
    setWindowTitle(tr("Save history — Conversation Desk"));
    setModal(false);

    m_conversationFilter->setObjectName(QStringLiteral("historyConversationFilter"));
    m_conversationFilter->setPlaceholderText(tr("all conversations"));
    ClearButton::enable(m_conversationFilter, tr("Clear the conversation filter"));
    m_conversationFilter->setCompleter(new QCompleter(new QStringListModel(this), this));
    m_searchFilter->setObjectName(QStringLiteral("historySearch"));
    m_searchFilter->setPlaceholderText(tr("reason, ticket, value, message or trace id"));
    ClearButton::enable(m_searchFilter, tr("Clear the search"));
    m_profileFilter->setObjectName(QStringLiteral("historyProfileFilter"));
    m_profileFilter->addItem(tr("All profiles"), QString());
    m_outcomeFilter->setObjectName(QStringLiteral("historyOutcomeFilter"));
    m_outcomeFilter->addItem(tr("All outcomes"), QString());
    m_outcomeFilter->addItem(tr("Saved"), AuditRecord::outcomeKey(AuditRecord::Outcome::Success));
    m_outcomeFilter->addItem(tr("Failed"), AuditRecord::outcomeKey(AuditRecord::Outcome::Failure));
    m_outcomeFilter->addItem(tr("Conflict, not written"), AuditRecord::outcomeKey(AuditRecord::Outcome::Conflict));
    m_outcomeFilter->addItem(tr("Unknown (interrupted or may have been written)"),
                             AuditRecord::outcomeKey(AuditRecord::Outcome::Unknown));

    auto *filters = new QFormLayout;
    auto *firstRow = new QHBoxLayout;
    firstRow->addWidget(m_conversationFilter, 1);
    auto *searchLabel = new QLabel(tr("&Search:"), this);
    searchLabel->setBuddy(m_searchFilter);
    firstRow->addWidget(searchLabel);
    firstRow->addWidget(m_searchFilter, 1);
    auto *conversationLabel = new QLabel(tr("Con&versation:"), this);
    conversationLabel->setBuddy(m_conversationFilter);
    filters->addRow(conversationLabel, firstRow);
    auto *secondRow = new QHBoxLayout;
    secondRow->addWidget(m_profileFilter, 1);
    auto *fromLabel = new QLabel(tr("&From (UTC):"), this);
    fromLabel->setBuddy(m_from);
    secondRow->addWidget(fromLabel);
    secondRow->addWidget(m_from);
    auto *untilLabel = new QLabel(tr("&Until:"), this);
    untilLabel->setBuddy(m_until);
    secondRow->addWidget(untilLabel);
    secondRow->addWidget(m_until);
    auto *outcomeLabel = new QLabel(tr("Ou&tcome:"), this);
    outcomeLabel->setBuddy(m_outcomeFilter);
    secondRow->addWidget(outcomeLabel);
    secondRow->addWidget(m_outcomeFilter, 1);
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profileFilter);
    filters->addRow(profileLabel, secondRow);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AuditHistoryModel::SortRole);
    m_view->setObjectName(QStringLiteral("historyTable"));
    m_view->setAccessibleName(tr("Save attempts"));
    m_view->setModel(m_sorted);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    // Values are long JSON: both ends show, the details pane and the tooltip have it all.
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + fontMetrics().height() / 2);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AuditHistoryModel::TimeColumn, Qt::DescendingOrder);

    m_detail->setObjectName(QStringLiteral("historyDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->setPlaceholderText(tr("Select a row to see its values in full."));
    m_detail->setAccessibleName(tr("Details of the selected attempt"));
    m_detail->setTabChangesFocus(true);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    m_warnings->setObjectName(QStringLiteral("historyWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->setAutoFillBackground(true);
    m_warnings->setBackgroundRole(QPalette::ToolTipBase);
    m_warnings->setForegroundRole(QPalette::ToolTipText);
    m_warnings->setMargin(fontMetrics().height() / 3);
    m_warnings->hide();
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_openButton->setObjectName(QStringLiteral("historyOpenButton"));
    m_openButton->setToolTip(tr("Load this row's conversation in the main window"));
    m_revertButton->setObjectName(QStringLiteral("historyRevertButton"));
    m_revertButton->setToolTip(tr("Put the value the server had before this save into the editor and "
                                  "save it, after the usual confirmation and check for other changes"));
    m_exportCsvButton->setObjectName(QStringLiteral("historyExportCsvButton"));
    m_exportJsonButton->setObjectName(QStringLiteral("historyExportJsonButton"));
    auto *reloadButton = new QPushButton(tr("Re&load"), this);
    reloadButton->setObjectName(QStringLiteral("historyReloadButton"));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_openButton);
    buttonRow->addWidget(m_revertButton);
    buttonRow->addSpacing(fontMetrics().height());
    buttonRow->addWidget(m_exportCsvButton);
    buttonRow->addWidget(m_exportJsonButton);
    buttonRow->addWidget(reloadButton);
    buttonRow->addStretch(1);
    buttonRow->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_warnings);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addLayout(buttonRow);

    connect(m_conversationFilter, &QLineEdit::textChanged, this, &HistoryDialog::applyFilter);
    connect(m_searchFilter, &QLineEdit::textChanged, this, &HistoryDialog::applyFilter);
    connect(m_profileFilter, &QComboBox::currentIndexChanged, this, &HistoryDialog::applyFilter);
    connect(m_outcomeFilter, &QComboBox::currentIndexChanged, this, &HistoryDialog::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryDialog::applyFilter);
    connect(m_until, &QDateEdit::dateChanged, this, &HistoryDialog::applyFilter);
    // Selection, not the current row: a mouse click makes the row current before it selects
    // it, so the current-row signal alone saw no selected row and left the details empty.
    const auto selectionMoved = [this] {
        updateDetail();
        updateButtons();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, selectionMoved);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionMoved);
    connect(m_view, &QAbstractItemView::activated, this, [this] { m_openButton->click(); });
    connect(m_openButton, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord())
            Q_EMIT openConversationRequested(record->conversationId);
    });
    connect(m_revertButton, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord(); record && record->valueBefore)
            Q_EMIT revertRequested(*record);
    });
    connect(m_exportCsvButton, &QPushButton::clicked, this, &HistoryDialog::exportCsv);
    connect(m_exportJsonButton, &QPushButton::clicked, this, &HistoryDialog::exportJson);
    connect(reloadButton, &QPushButton::clicked, this, &HistoryDialog::reloadAll);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::close);

    resize(1000, 600);
    updateButtons();
}

HistoryDialog::~HistoryDialog() = default;

void HistoryDialog::setLogPath(const QString &filePath)
{
    m_logPath = filePath;
    if (isVisible())
        reloadAll();
}

void HistoryDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    reload();
}

void HistoryDialog::reload()
{
    const std::optional<AuditRecord> current = currentRecord(); // before a reset loses it
    showRecords(m_model->update(AuditLog(m_logPath)), current);
}

void HistoryDialog::reloadAll()
{
    const std::optional<AuditRecord> current = currentRecord();
    showRecords(m_model->reload(AuditLog(m_logPath)), current);
}

void HistoryDialog::showRecords(const QStringList &warnings, const std::optional<AuditRecord> &current)
{
    fillProfileChoices();
    qobject_cast<QStringListModel *>(m_conversationFilter->completer()->model())
        ->setStringList(m_model->conversationIds());

    if (warnings.isEmpty()) {
        m_warnings->hide();
    } else {
        constexpr int Shown = 3;
        QString text = tr("%n line(s) of the audit log could not be read and are not shown:", nullptr,
                          int(warnings.size()));
        for (const QString &warning : warnings.mid(0, Shown))
            text += u'\n' + warning;
        if (warnings.size() > Shown)
            text += u'\n' + tr("… and %n more.", nullptr, int(warnings.size() - Shown));
        m_warnings->setText(text);
        m_warnings->setToolTip(warnings.join(u'\n'));
        m_warnings->show();
    }
    applyFilter(); // also restores the current row below
    if (!m_columnsSized && m_sorted->rowCount() > 0) {
        m_columnsSized = true;
        m_view->resizeColumnsToContents();
        const int widest = fontMetrics().averageCharWidth() * 28; // values can be long JSON
        for (int column = 0; column < m_sorted->columnCount(); ++column)
            m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), widest));
    }
    if (current) {
        const QList<AuditRecord> shown = shownRecords();
        const auto found = std::find_if(shown.begin(), shown.end(),
                                        [&current](const AuditRecord &row) { return sameAttempt(row, *current); });
        if (found != shown.end())
            m_view->selectRow(int(found - shown.begin()));
    }
}

void HistoryDialog::fillProfileChoices()
{
    const QString chosen = m_profileFilter->currentData().toString();
    const QSignalBlocker blocker(m_profileFilter);
    while (m_profileFilter->count() > 1)
        m_profileFilter->removeItem(1);
    for (const QString &profile : m_model->profiles())
        m_profileFilter->addItem(profile, profile);
    // A profile with no records any more stays selectable, so the filter does not jump.
    if (!chosen.isEmpty() && m_profileFilter->findData(chosen) < 0)
        m_profileFilter->addItem(chosen, chosen);
    m_profileFilter->setCurrentIndex(std::max(0, m_profileFilter->findData(chosen)));
}

AuditFilter HistoryDialog::filter() const
{
    AuditFilter result;
    result.conversationId = m_conversationFilter->text().trimmed();
    result.profile = m_profileFilter->currentData().toString();
    result.text = m_searchFilter->text().trimmed();
    if (const QDate from = boundOf(m_from); from.isValid())
        result.from = QDateTime(from, QTime(0, 0), Qt::UTC);
    if (const QDate until = boundOf(m_until); until.isValid())
        result.until = QDateTime(until.addDays(1), QTime(0, 0), Qt::UTC); // the whole day
    if (const auto outcome = AuditRecord::outcomeFromKey(m_outcomeFilter->currentData().toString()))
        result.outcomes.insert(*outcome);
    return result;
}

void HistoryDialog::setConversationFilter(const QString &conversationId)
{
    m_conversationFilter->setText(conversationId);
}

void HistoryDialog::applyFilter()
{
    m_model->setFilter(filter());
    const int shown = m_model->rowCount();
    const int all = int(m_model->allRecords().size());
    m_status->setText(shown == all ? tr("%n save attempt(s).", nullptr, all)
                                   : tr("%1 of %n save attempt(s) match the filter.", nullptr, all).arg(shown));
    updateDetail();
    updateButtons();
}

QList<AuditRecord> HistoryDialog::shownRecords() const
{
    QList<AuditRecord> records;
    for (int row = 0; row < m_sorted->rowCount(); ++row)
        records.append(m_model->record(m_sorted->mapToSource(m_sorted->index(row, 0)).row()));
    return records;
}

std::optional<AuditRecord> HistoryDialog::currentRecord() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return m_model->record(m_sorted->mapToSource(current).row());
}

void HistoryDialog::updateDetail()
{
    const auto record = currentRecord();
    if (!record) {
        m_detail->clear();
        return;
    }
    const QString before = record->valueBefore ? *record->valueBefore
                                               : tr("(unknown: the server could not be read before the write)");
    QString text;
    if (record->revertOf.isValid())
        text += tr("A revert: it restores the value from before the save of %1.")
                    .arg(LocalTime::withOffset(record->revertOf.time))
              + QStringLiteral("\n");
    if (!record->reason.isEmpty())
        text += tr("Reason: %1").arg(record->reason) + QStringLiteral("\n");
    if (!text.isEmpty())
        text += QStringLiteral("\n");
    text += tr("Value before:\n%1\n\nValue sent:\n%2").arg(before, record->valueSent);
    if (record->valueAfter)
        text += QStringLiteral("\n\n") + tr("Value on the server after the save:\n%1").arg(*record->valueAfter);
    QStringList notes;
    if (const QString verified = verifiedByText(record->verifiedBy); !verified.isEmpty())
        notes << verified;
    if (record->phase == AuditRecord::Phase::Attempt)
        notes << record->msg; // why the outcome is unknown, not the server's words
    else if (!record->msg.isEmpty())
        notes << tr("Server message: %1").arg(record->msg);
    if (!record->traceId.isEmpty())
        notes << tr("Trace id: %1").arg(record->traceId);
    if (!record->schemaCheck.isEmpty())
        notes << schemaText(*record);
    if (!notes.isEmpty())
        text += QStringLiteral("\n\n") + notes.join(u'\n');
    m_detail->setPlainText(text);
}

QString HistoryDialog::schemaText(const AuditRecord &record)
{
    const QString schema = record.schemaSha256.isEmpty()
        ? record.schemaPath
        : tr("%1 (SHA-256 %2)").arg(record.schemaPath, record.schemaSha256);
    if (record.schemaCheck == SchemaVerdict::Passed)
        return tr("The value passed the team's schema %1.").arg(schema);
    if (record.schemaCheck == SchemaVerdict::Skipped)
        return tr("The value was not checked against the team's schema %1.").arg(schema);
    return tr("The value did NOT pass the team's schema %1; it was saved anyway:\n%2")
        .arg(schema, record.schemaErrors.join(u'\n'));
}

void HistoryDialog::updateButtons()
{
    const auto record = currentRecord();
    m_openButton->setEnabled(record.has_value());
    m_revertButton->setEnabled(record && record->valueBefore.has_value());
    m_revertButton->setToolTip(record && !record->valueBefore
                                   ? tr("This attempt could not read the server first, so the value "
                                        "before it is unknown.")
                                   : tr("Put the value the server had before this save into the editor and "
                                        "save it, after the usual confirmation and check for other changes"));
    const bool any = m_sorted->rowCount() > 0;
    m_exportCsvButton->setEnabled(any);
    m_exportJsonButton->setEnabled(any);
}

void HistoryDialog::exportCsv()
{
    exportAs(QStringLiteral("csv"));
}

void HistoryDialog::exportJson()
{
    exportAs(QStringLiteral("json"));
}

void HistoryDialog::exportAs(const QString &format)
{
    const bool csv = format == u"csv";
    const QString path = DialogHook::getSaveFileName(
        this, csv ? tr("Export history as CSV") : tr("Export history as JSON"),
        QDir::home().filePath(QStringLiteral("convdesk-history.") + format),
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    const QList<AuditRecord> records = shownRecords();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_status->setText(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    file.write(csv ? AuditExport::toCsvFile(records) : AuditExport::toJson(records));
    if (!file.commit()) {
        m_status->setText(tr("Could not export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    m_status->setText(tr("Exported %n record(s) to %1.", nullptr, int(records.size()))
                          .arg(QDir::toNativeSeparators(path)));
}

} // namespace convdesk
