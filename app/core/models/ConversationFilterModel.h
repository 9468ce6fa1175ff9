#pragma once

#include <QSortFilterProxyModel>

namespace convdesk {

// Filters a ConversationTreeModel by text, case-insensitively, keeping the server's order.
// A row matches when its key, its displayed value or its raw JSON contains the text
// (containers match by key only: their raw JSON holds every descendant, so they would
// always match). Ancestors of a match stay visible, and so do the descendants of a
// container whose key matches.
//
// Decoded children (the JSON inside a string such as server_extension) are searched too, and
// such a string matches by key only, like a container. A string is parsed for this once and
// only when it may hold JSON (it starts with { or [), so a document of plain strings costs
// what it did; each string holding JSON is parsed once more than for showing it.
class ConversationFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConversationFilterModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // Whether the source row itself matches the filter text (ignoring its relatives).
    bool rowMatches(int sourceRow, const QModelIndex &sourceParent) const;

Q_SIGNALS:
    void filterTextChanged(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
};

} // namespace convdesk
