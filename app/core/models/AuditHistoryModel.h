#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditJoin.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace convdesk {

// The audit log as a table for the History view: one row per save attempt (an Attempt line
// joined with its Outcome, see AuditJoin), newest first, narrowed by an AuditFilter.
// Widget-free; the view sorts through a proxy using SortRole if it wants another order.
class AuditHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditHistoryModel)
public:
    enum Column {
        TimeColumn,
        OutcomeColumn,
        ConversationColumn,
        ProfileColumn,
        ReasonColumn,
        ValueBeforeColumn,
        ValueSentColumn,
        CodeColumn,
        MessageColumn,
        TraceIdColumn,
        UserColumn,
        AppKeyColumn,
        SourceColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // QDateTime, int or QString: sorts naturally
        OutcomeRole,                 // AuditRecord::outcomeKey(): "success", "failure", "conflict", "unknown"
        RawValueRole,                // the cell's full text: values keep their newlines
    };

    explicit AuditHistoryModel(QObject *parent = nullptr);

    // Reads the whole log again and replaces every record (a model reset). Returns warnings().
    QStringList reload(const AuditLog &log);
    // Reads only what was appended to the log since the last reload() or update(), and
    // inserts those rows; an Outcome line for a row already shown changes that row in place
    // (dataChanged), or resets the model when that moves the row into or out of the filter.
    // Reads the log whole instead when it is another file, or was replaced, shrank or rewritten
    // since. A log saved to after every attempt stays cheap to follow. Returns warnings().
    QStringList update(const AuditLog &log);
    // The log's warnings for the lines that are not records, oldest first, and for an
    // unfinished last line.
    QStringList warnings() const;
    // The log's lines, joined into rows; forgets where a log was read to.
    void setRecords(const QList<AuditRecord> &lines);
    // Every row (joined attempt), oldest first.
    QList<AuditRecord> allRecords() const { return m_joiner.rows(); }

    void setFilter(const AuditFilter &filter);
    AuditFilter filter() const { return m_filter; }

    // The rows shown, in row order: what "export" writes.
    QList<AuditRecord> visibleRecords() const;
    AuditRecord record(int row) const;

    // Distinct values among all records, sorted, for the filter's choices.
    QStringList profiles() const;
    QStringList conversationIds() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString displayText(const AuditRecord &record, int column) const;
    static QString outcomeText(const AuditRecord &record);

    void appendLines(const QList<AuditRecord> &lines);
    // The table row showing allRecords().at(index), or -1 when the filter hides it.
    int visibleRow(qsizetype index) const;

    AuditJoin::Joiner m_joiner;
    QList<qsizetype> m_visible; // indexes into allRecords(), newest (highest) first
    AuditFilter m_filter;
    // Where the log was read to, for update().
    QString m_logPath;
    AuditLogPosition m_logPosition;
    QStringList m_logWarnings;
    QString m_unfinishedLineWarning;
};

} // namespace convdesk
