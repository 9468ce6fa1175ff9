#include "TreeColumnSizer.h"

#include "json/FieldDecoder.h"
#include "models/ConversationTreeModel.h"

#include <QResizeEvent>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace convdesk {

TreeColumnSizer::TreeColumnSizer(QTreeView *tree)
    : QObject(tree)
    , m_tree(tree)
    , m_viewport(tree->viewport())
    , m_burst(new QTimer(this))
{
    m_burst->setSingleShot(true);
    m_burst->setInterval(0);
    connect(m_burst, &QTimer::timeout, this, &TreeColumnSizer::resizeColumns);
    connect(m_tree, &QTreeView::expanded, m_burst, qOverload<>(&QTimer::start));
    m_viewport->installEventFilter(this);
}

bool TreeColumnSizer::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport kept from the start: while the tree is destroyed its viewport still sends
    // events, and asking the half-destroyed tree for it is undefined (UBSan caught it).
    if (watched == m_viewport && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width())
            m_burst->start();
    }
    return QObject::eventFilter(watched, event);
}

void TreeColumnSizer::resizeColumns()
{
    m_burst->stop();
    m_tree->resizeColumnToContents(ConversationTreeModel::KeyColumn);
    m_tree->resizeColumnToContents(ConversationTreeModel::TypeColumn);
    const int available = m_tree->viewport()->width();
    if (available < NarrowestSharedView)
        return;
    int key = m_tree->columnWidth(ConversationTreeModel::KeyColumn);
    int type = m_tree->columnWidth(ConversationTreeModel::TypeColumn);
    const int valueWanted = qMax(available / 3, qMin(dateWidth(), available * 3 / 5));
    int excess = key + type + valueWanted - available;
    if (excess <= 0)
        return;
    const int typeGives = qMin(excess, qMax(0, type - plainTypeWidth()));
    type -= typeGives;
    excess -= typeGives;
    key -= qMin(excess, qMax(0, key - available * 3 / 10));
    m_tree->setColumnWidth(ConversationTreeModel::KeyColumn, key);
    m_tree->setColumnWidth(ConversationTreeModel::TypeColumn, type);
}

int TreeColumnSizer::cellWidth(const QString &text) const
{
    const int textMargin = m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1;
    return m_tree->fontMetrics().horizontalAdvance(text) + 2 * textMargin + 2;
}

int TreeColumnSizer::plainTypeWidth() const
{
    int widest = 0;
    for (const OrderedJson &value : {OrderedJson(1), OrderedJson(0.5), OrderedJson(true), OrderedJson("text"),
                                     OrderedJson::object(), OrderedJson::array(), OrderedJson()})
        widest = qMax(widest, cellWidth(FieldDecoder::jsonTypeName(value)));
    return widest;
}

int TreeColumnSizer::dateWidth() const
{
    // Measured on a real one, so the local format counts. Dates are cut at their end
    // (ConversationTreeModel::ElideModeRole): the milliseconds and the time zone may go, the
    // tooltip has them.
    constexpr qint64 LateInTheYearMs = 1767225599999; // 2025-12-31 23:59:59.999 UTC
    const QString date = FieldDecoder::decode(JsonPath{u"create_time"_s}, OrderedJson(LateInTheYearMs)).display;
    return cellWidth(date.section(u'.', 0, 0) + u'\u2026');
}

} // namespace convdesk
