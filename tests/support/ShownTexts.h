#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace convdesk::test {

inline void collectModelTexts(const QAbstractItemModel *model, const QModelIndex &parent, QStringList &texts)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            texts << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
            if (column == 0 && model->hasChildren(index))
                collectModelTexts(model, index, texts);
        }
    }
}

// What a window shows: titles, tooltips, labels, buttons, text views, fields (except
// password fields, where the user typed the secret) and every cell of every item view.
inline QByteArray shownTexts(QWidget *window)
{
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    QStringList texts;
    for (QWidget *widget : std::as_const(widgets)) {
        texts << widget->windowTitle() << widget->toolTip();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *line = qobject_cast<QLineEdit *>(widget); line && line->echoMode() == QLineEdit::Normal)
            texts << line->text();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            texts << plain->toPlainText();
        else if (auto *rich = qobject_cast<QTextEdit *>(widget))
            texts << rich->toPlainText();
        else if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model())
            collectModelTexts(view->model(), view->rootIndex(), texts);
    }
    for (const QAction *action : window->findChildren<QAction *>())
        texts << action->text() << action->toolTip();
    texts.removeAll(QString());
    return texts.join(u'\n').toUtf8() + '\n';
}

} // namespace convdesk::test
