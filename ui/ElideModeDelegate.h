#pragma once

#include <QStyledItemDelegate>

namespace convdesk {

// A styled delegate that lets the model say where a cell too narrow for its text is cut:
// the view's elide mode (the middle, say, for IDs and long text) unless the index's
// `role` holds a Qt::TextElideMode (the end, for a date). QStyledItemDelegate takes the mode
// from the view only.
class ElideModeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElideModeDelegate)
public:
    explicit ElideModeDelegate(int role, QObject *parent = nullptr);

    // Public, so a test can see the mode a cell is drawn with.
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace convdesk
