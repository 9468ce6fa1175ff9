#include "DialogHook.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QMessageBox>

namespace convdesk {

int DialogHook::exec(QDialog *dialog)
{
    Q_ASSERT(dialog);
#ifdef CONVDESK_DEV_HOOKS
    if (const std::optional<int> answered = answerQueued(dialog))
        return *answered;
#endif
    return dialog->exec();
}

QDialogButtonBox::StandardButton DialogHook::question(QWidget *parent, const QString &title,
                                                      const QString &text,
                                                      QDialogButtonBox::StandardButtons buttons,
                                                      QDialogButtonBox::StandardButton defaultButton)
{
    QMessageBox box(QMessageBox::Question, title, text,
                    QMessageBox::StandardButtons(int(buttons)), parent);
    box.setObjectName(QStringLiteral("questionBox"));
    if (defaultButton != QDialogButtonBox::NoButton)
        box.setDefaultButton(QMessageBox::StandardButton(int(defaultButton)));
#ifdef CONVDESK_DEV_HOOKS
    if (const auto answered = answerQueuedQuestion(&box, title, buttons))
        return *answered;
#endif
    box.exec();
    return QDialogButtonBox::StandardButton(int(box.standardButton(box.clickedButton())));
}

QString DialogHook::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                    const QString &filter)
{
#ifdef CONVDESK_DEV_HOOKS
    if (const std::optional<QString> queued = answerQueuedFileName(caption, QStringLiteral("saveFileDialog")))
        return *queued;
#endif
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString DialogHook::getOpenFileName(QWidget *parent, const QString &caption, const QString &startPath,
                                    const QString &filter)
{
#ifdef CONVDESK_DEV_HOOKS
    if (const std::optional<QString> queued = answerQueuedFileName(caption, QStringLiteral("openFileDialog")))
        return *queued;
#endif
    return QFileDialog::getOpenFileName(parent, caption, startPath, filter);
}

} // namespace convdesk
