#pragma once

#include <QApplication>
#include <QStringList>
#include <QTest>
#include <QWidget>

namespace convdesk::test {

// The controls the Tab key visits from `start` until it comes back to it (at most `maxSteps`),
// by object name (class name for unnamed ones), as a keyboard user meets them. The window
// must be active and `start` focusable.
inline QStringList walkTabOrder(QWidget *start, int maxSteps = 40)
{
    start->setFocus(Qt::TabFocusReason);
    QStringList visited;
    for (int step = 0; step < maxSteps; ++step) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || (!visited.isEmpty() && focus == start))
            break;
        visited << (focus->objectName().isEmpty() ? QString::fromLatin1(focus->metaObject()->className())
                                                  : focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return visited;
}

// Whether `expected` come in this order in `visited` (others may stand between them).
inline bool comesInOrder(const QStringList &visited, const QStringList &expected, QString *problem)
{
    qsizetype at = -1;
    for (const QString &name : expected) {
        const qsizetype found = visited.indexOf(name);
        if (found <= at) {
            *problem = QStringLiteral("%1 out of order in: %2").arg(name, visited.join(QStringLiteral(" → ")));
            return false;
        }
        at = found;
    }
    return true;
}

} // namespace convdesk::test
