#include "ElideModeDelegate.h"

namespace convdesk {

ElideModeDelegate::ElideModeDelegate(int role, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(role)
{
}

void ElideModeDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (const QVariant mode = index.data(m_role); mode.isValid())
        option->textElideMode = static_cast<Qt::TextElideMode>(mode.toInt());
}

} // namespace convdesk
