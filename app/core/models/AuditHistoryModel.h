#pragma once

#include "audit/AuditFilter.h"
#include "audit/AuditLog.h"
#include "audit/AuditRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace convdesk {

// The audit log as a table for the History view: newest first, narrowed by an AuditFilter.
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
        OutcomeRole,                 // AuditRecord::outcomeKey(): "success", "failure", "conflict"
        RawValueRole,                // the cell's full text: values keep their newlines
    };

    explicit AuditHistoryModel(QObject *parent = nullptr);

    // Reads the whole log again and replaces every record (a model reset). Returns warnings().
    QStringList reload(const AuditLog &log);
    // Reads only what was appended to the log since the last reload() or update(), and
    // inserts those rows; reads it whole instead when it is another file, or was replaced,
    // shrank or rewritten since. A log saved to after every attempt stays cheap to follow.
    // Returns warnings().
    QStringList update(const AuditLog &log);
    // The log's warnings for the lines that are not records, oldest first, and for an
    // unfinished last line.
    QStringList warnings() const;
    void setRecords(const QList<AuditRecord> &records); // forgets where a log was read to
    QList<AuditRecord> allRecords() const { return m_all; }

    void setFilter(const AuditFilter &filter);
    AuditFilter filter() const { return m_filter; }

    // The rows shown, in row order: what "export" writes.
    QList<AuditRecord> visibleRecords() const { return m_visible; }
    AuditRecord record(int row) const { return m_visible.value(row); }

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

    void appendRecords(const QList<AuditRecord> &records);

    QList<AuditRecord> m_all;
    QList<AuditRecord> m_visible;
    AuditFilter m_filter;
    // Where the log was read to, for update().
    QString m_logPath;
    AuditLogPosition m_logPosition;
    QStringList m_logWarnings;
    QString m_unfinishedLineWarning;
};

} // namespace convdesk
