#include "ClearButton.h"

#include <QAction>
#include <QLineEdit>
#include <QToolButton>

namespace convdesk::ClearButton {

void enable(QLineEdit *edit, const QString &name)
{
    edit->setClearButtonEnabled(true);
    // The name qlineedit.cpp gives its clear action (the same in Qt 5 and 6).
    auto *action = edit->findChild<QAction *>(QStringLiteral("_q_qlineeditclearaction"), Qt::FindDirectChildrenOnly);
    Q_ASSERT(action);
    if (!action)
        return;
    action->setText(name);
    action->setToolTip(name);
    // The button shows the action's icon only; its accessible name is what Orca reads.
    const QList<QToolButton *> buttons = edit->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly);
    for (QToolButton *button : buttons) {
        if (button->defaultAction() == action)
            button->setAccessibleName(name);
    }
}

} // namespace convdesk::ClearButton
