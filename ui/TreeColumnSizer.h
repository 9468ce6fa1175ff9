#pragma once

#include <QObject>

class QTimer;
class QTreeView;

namespace convdesk {

// Sizes the conversation tree's Key and Type columns; Value (a stretching section) gets the
// rest. Key and Type are as wide as their text where the view has room. Where it has not,
// Value keeps a third of the view and room for a date to the second: Type gives way first,
// down to the plain JSON type names ("integer (…"), then Key, down to three tenths of the
// view (keys are read on every row, types now and then). So expanding a deep node with long
// keys never cuts the dates' time; cut cells show their whole text in a tooltip.
//
// Sized after a burst of expansions ("*" or a filter emits expanded() for every node) and
// when the view gets narrower or wider; a column the user dragged stays until then.
class TreeColumnSizer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TreeColumnSizer)
public:
    static constexpr int NarrowestSharedView = 300; // narrower, the tree scrolls sideways instead

    explicit TreeColumnSizer(QTreeView *tree); // the tree owns it
    void resizeColumns(); // now

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int cellWidth(const QString &text) const; // what a cell needs to show `text` whole
    int dateWidth() const;                    // ... a date to the second
    int plainTypeWidth() const;               // ... "integer", "boolean" and the like

    QTreeView *m_tree;
    QObject *m_viewport; // compared with, never called
    QTimer *m_burst; // a zero timer: one sizing per burst
};

} // namespace convdesk
