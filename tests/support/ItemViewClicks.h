#pragma once

#include <QAbstractItemView>
#include <QTest>

namespace convdesk::test {

// A double-click on a cell as a user makes it: scrolled into view, clicked, then double-clicked.
inline void doubleClickCell(QAbstractItemView *view, const QModelIndex &index)
{
    QVERIFY(index.isValid());
    view->scrollTo(index);
    const QPoint center = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
}

// The view's open cell editor named `name`, or null when none is shown.
template<typename T>
T *visibleEditor(QAbstractItemView *view, const char *name)
{
    auto *editor = view->findChild<T *>(QString::fromLatin1(name));
    return editor && editor->isVisible() ? editor : nullptr;
}

} // namespace convdesk::test
