#pragma once

#include "audit/AuditRecord.h"

#include <QDialog>
#include <QList>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace convdesk {

class AuditHistoryModel;
struct AuditFilter;

// The audit log of save attempts (GUI and CLI), newest first, narrowed by conversation,
// profile, date and outcome. From a row: open its conversation, or revert the conversation
// to the value it had before that save (the window runs its usual confirmation and conflict
// guard). The rows shown export as CSV or JSON. Non-modal: it stays open beside the window.
class HistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryDialog)
public:
    explicit HistoryDialog(QWidget *parent = nullptr);
    ~HistoryDialog() override;

    void setLogPath(const QString &filePath);
    QString logPath() const { return m_logPath; }

    AuditHistoryModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    AuditFilter filter() const;
    // The rows shown, in the table's order: what the export buttons write.
    QList<AuditRecord> shownRecords() const;
    std::optional<AuditRecord> currentRecord() const;
    // Makes the conversation filter show only `conversationId` (empty: all).
    void setConversationFilter(const QString &conversationId);

public Q_SLOTS:
    // Shows what was appended to the log since (all of it the first time, or when the file was
    // replaced), keeping the filters and, when it is still there, the row.
    void reload();
    void reloadAll(); // reads the whole log again (the Reload button)
    void exportCsv();
    void exportJson();

Q_SIGNALS:
    void openConversationRequested(const QString &conversationId);
    void revertRequested(const convdesk::AuditRecord &record);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showRecords(const QStringList &warnings, const std::optional<AuditRecord> &current);
    void applyFilter();
    void fillProfileChoices();
    void exportAs(const QString &format);
    void updateDetail();
    static QString schemaText(const AuditRecord &record);
    void updateButtons();

    QString m_logPath;
    AuditHistoryModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QLineEdit *m_conversationFilter;
    QLineEdit *m_searchFilter;
    QComboBox *m_profileFilter;
    QDateEdit *m_from;
    QDateEdit *m_until;
    QComboBox *m_outcomeFilter;
    QTableView *m_view;
    QPlainTextEdit *m_detail;
    QLabel *m_warnings;
    QLabel *m_status;
    QPushButton *m_openButton;
    QPushButton *m_revertButton;
    QPushButton *m_exportCsvButton;
    QPushButton *m_exportJsonButton;
    bool m_columnsSized = false; // sized to the first rows once; then the user's widths stay
};

} // namespace convdesk
