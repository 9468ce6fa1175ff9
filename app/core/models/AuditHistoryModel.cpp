#include "models/AuditHistoryModel.h"

#include "audit/AuditLog.h"
#include "json/FieldDecoder.h"

#include <QSet>

#include <algorithm>
#include <functional>

namespace convdesk {

namespace {

QStringList distinct(const QList<AuditRecord> &records, QString AuditRecord::*field)
{
    QSet<QString> seen;
    for (const AuditRecord &record : records) {
        if (!(record.*field).isEmpty())
            seen.insert(record.*field);
    }
    QStringList values(seen.begin(), seen.end());
    std::sort(values.begin(), values.end());
    return values;
}

} // namespace

AuditHistoryModel::AuditHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QStringList AuditHistoryModel::reload(const AuditLog &log)
{
    m_logPosition = {};
    return update(log);
}

QStringList AuditHistoryModel::update(const AuditLog &log)
{
    if (log.filePath() != m_logPath)
        m_logPosition = {};
    AuditLogChunk chunk = log.readFrom(m_logPosition);
    if (chunk.restarted) {
        setRecords(chunk.records);
        m_logWarnings = chunk.warnings;
    } else {
        appendLines(chunk.records);
        m_logWarnings += chunk.warnings;
    }
    m_logPath = log.filePath();
    m_logPosition = std::move(chunk.position);
    m_unfinishedLineWarning = chunk.unfinishedLineWarning;
    return warnings();
}

QStringList AuditHistoryModel::warnings() const
{
    QStringList all = m_logWarnings;
    if (!m_unfinishedLineWarning.isEmpty())
        all.append(m_unfinishedLineWarning);
    return all;
}

void AuditHistoryModel::setRecords(const QList<AuditRecord> &lines)
{
    beginResetModel();
    m_joiner = {};
    for (const AuditRecord &line : lines)
        m_joiner.add(line);
    m_logPath.clear();
    m_logPosition = {};
    m_logWarnings.clear();
    m_unfinishedLineWarning.clear();
    rebuild();
    endResetModel();
}

void AuditHistoryModel::appendLines(const QList<AuditRecord> &lines)
{
    const QList<AuditRecord> &rows = m_joiner.rows();
    const qsizetype oldCount = rows.size();
    QList<qsizetype> changed; // rows there before these lines, that they completed
    for (const AuditRecord &line : lines) {
        const AuditJoin::Joiner::Change change = m_joiner.add(line);
        if (!change.inserted && change.row < oldCount && !changed.contains(change.row))
            changed.append(change.row);
    }
    // An outcome can move its row into or out of the filter; inserting and removing rows
    // across the table for that is not worth it for the rare case.
    for (qsizetype index : std::as_const(changed)) {
        if ((visibleRow(index) >= 0) != m_filter.matches(rows.at(index))) {
            beginResetModel();
            rebuild();
            endResetModel();
            return;
        }
    }
    for (qsizetype index : std::as_const(changed)) {
        if (const int row = visibleRow(index); row >= 0)
            Q_EMIT dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    }

    QList<qsizetype> shown;
    for (qsizetype index = rows.size() - 1; index >= oldCount; --index) {
        if (m_filter.matches(rows.at(index)))
            shown.append(index); // newest first
    }
    if (shown.isEmpty())
        return;
    // Newest first: the new rows go on top.
    beginInsertRows({}, 0, int(shown.size()) - 1);
    m_visible = shown + m_visible;
    endInsertRows();
}

void AuditHistoryModel::setFilter(const AuditFilter &filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    rebuild();
    endResetModel();
}

void AuditHistoryModel::rebuild()
{
    const QList<AuditRecord> &rows = m_joiner.rows();
    m_visible.clear();
    for (qsizetype index = rows.size() - 1; index >= 0; --index) {
        if (m_filter.matches(rows.at(index)))
            m_visible.append(index);
    }
}

int AuditHistoryModel::visibleRow(qsizetype index) const
{
    const auto found = std::lower_bound(m_visible.cbegin(), m_visible.cend(), index, std::greater<>());
    return found != m_visible.cend() && *found == index ? int(found - m_visible.cbegin()) : -1;
}

QList<AuditRecord> AuditHistoryModel::visibleRecords() const
{
    QList<AuditRecord> records;
    records.reserve(m_visible.size());
    for (qsizetype index : m_visible)
        records.append(m_joiner.rows().at(index));
    return records;
}

AuditRecord AuditHistoryModel::record(int row) const
{
    if (row < 0 || row >= m_visible.size())
        return {};
    return m_joiner.rows().at(m_visible.at(row));
}

QStringList AuditHistoryModel::profiles() const
{
    return distinct(m_joiner.rows(), &AuditRecord::profile);
}

QStringList AuditHistoryModel::conversationIds() const
{
    return distinct(m_joiner.rows(), &AuditRecord::conversationId);
}

int AuditHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int AuditHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditHistoryModel::outcomeText(const AuditRecord &record)
{
    switch (record.outcome()) {
    case AuditRecord::Outcome::Success: return tr("Saved");
    case AuditRecord::Outcome::Conflict:
        return record.errorKind == AuditRecord::OverwrittenKind ? tr("Saved, then overwritten")
                                                                 : tr("Conflict, not written");
    case AuditRecord::Outcome::Unknown:
        return record.phase == AuditRecord::Phase::Attempt
                   ? tr("Unknown (interrupted)")
                   : tr("Unknown (may have been written)");
    case AuditRecord::Outcome::Failure:
        if (record.errorKind == AuditRecord::InterruptedKind)
            return tr("Not applied (interrupted)");
        return record.stage == AuditRecord::StageReread ? tr("Failed before writing (%1)").arg(record.errorKind)
                                                        : tr("Failed (%1)").arg(record.errorKind);
    }
    return {};
}

QString AuditHistoryModel::displayText(const AuditRecord &record, int column) const
{
    switch (column) {
    case TimeColumn:
        return record.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + tr(" UTC");
    case OutcomeColumn:
        // A revert from the History reads as one: "Revert: Saved".
        return record.revertOf.isValid() ? tr("Revert: %1").arg(outcomeText(record)) : outcomeText(record);
    case ConversationColumn: return record.conversationId;
    case ProfileColumn: return record.profile;
    case ReasonColumn: return record.reason;
    case ValueBeforeColumn: return record.valueBefore ? *record.valueBefore : QString();
    case ValueSentColumn: return record.valueSent;
    case CodeColumn: return record.code == 0 ? QString() : QString::number(record.code);
    case MessageColumn: return record.msg;
    case TraceIdColumn: return record.traceId;
    case UserColumn: return record.osUser;
    case AppKeyColumn: return record.appKey;
    case SourceColumn: return record.source;
    }
    return {};
}

QVariant AuditHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditRecord &record = m_joiner.rows().at(m_visible.at(index.row()));
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        // Values are often multi-line JSON; a table cell shows them on one line.
        return FieldDecoder::oneLine(displayText(record, column));
    case Qt::ToolTipRole:
    case RawValueRole: {
        if (column == ValueBeforeColumn && !record.valueBefore && role == Qt::ToolTipRole)
            return tr("Unknown: the server could not be read before the write.");
        const QString text = displayText(record, column);
        return text.isEmpty() && role == Qt::ToolTipRole ? QVariant() : QVariant(text);
    }
    case SortRole:
        if (column == TimeColumn)
            return record.time;
        if (column == CodeColumn)
            return record.code;
        return displayText(record, column);
    case OutcomeRole:
        return AuditRecord::outcomeKey(record.outcome());
    default:
        return {};
    }
}

QVariant AuditHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case OutcomeColumn: return tr("Outcome");
    case ConversationColumn: return tr("Conversation");
    case ProfileColumn: return tr("Profile");
    case ReasonColumn: return tr("Reason");
    case ValueBeforeColumn: return tr("Value before");
    case ValueSentColumn: return tr("Value sent");
    case CodeColumn: return tr("Code");
    case MessageColumn: return tr("Message");
    case TraceIdColumn: return tr("Trace id");
    case UserColumn: return tr("OS user");
    case AppKeyColumn: return tr("AppKey");
    case SourceColumn: return tr("Source");
    }
    return {};
}

} // namespace convdesk
