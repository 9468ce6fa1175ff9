// The test side of DialogHook: the answer queue, the inspector and the texts of the last
// dialog. Built only with CONVDESK_DEV_HOOKS, so a release build never walks or keeps a
// dialog's text (the before/after values of a save).
#include "DialogHook.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QtGlobal>

#include <deque>
#include <optional>
#include <variant>

namespace convdesk {

namespace {

using Answer = std::variant<QDialogButtonBox::StandardButton, QDialog::DialogCode>;

struct HookState
{
    std::deque<Answer> answers;
    std::deque<QString> fileNames;
    DialogHook::Inspector inspector;
    QString lastTitle;
    QString lastText;
    QString lastObjectName;
};

HookState &state()
{
    static HookState instance;
    return instance;
}

void remember(QDialog *dialog)
{
    QStringList texts;
    // findChildren() walks depth-first in creation order, which follows the layout closely
    // enough for assertions that look for a phrase.
    for (QWidget *child : dialog->findChildren<QWidget *>()) {
        if (auto *label = qobject_cast<QLabel *>(child); label && !label->text().isEmpty())
            texts << label->text();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(child))
            texts << plain->toPlainText();
        else if (auto *rich = qobject_cast<QTextEdit *>(child))
            texts << rich->toPlainText();
    }
    state().lastTitle = dialog->windowTitle();
    state().lastText = texts.join(u'\n');
    state().lastObjectName = dialog->objectName();
}

bool hasAnswer()
{
    return !state().answers.empty();
}

Answer takeAnswer()
{
    Answer answer = state().answers.front();
    state().answers.pop_front();
    return answer;
}

QAbstractButton *findStandardButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    if (auto *box = qobject_cast<QMessageBox *>(dialog))
        return box->button(QMessageBox::StandardButton(int(which)));
    for (QDialogButtonBox *buttons : dialog->findChildren<QDialogButtonBox *>()) {
        if (QAbstractButton *button = buttons->button(which))
            return button;
    }
    return nullptr;
}

void applyButton(QDialog *dialog, QDialogButtonBox::StandardButton which)
{
    QAbstractButton *button = findStandardButton(dialog, which);
    if (!button) {
        qWarning("DialogHook: dialog \"%s\" has no button %d; rejecting it",
                 qPrintable(dialog->objectName()), int(which));
        dialog->done(QDialog::Rejected);
        return;
    }
    if (!button->isEnabled()) {
        // A person could not press it either; the test asked for something impossible.
        qWarning("DialogHook: button \"%s\" of dialog \"%s\" is disabled; rejecting the dialog",
                 qPrintable(button->text()), qPrintable(dialog->objectName()));
        dialog->done(QDialog::Rejected);
        return;
    }
    button->click();
}

} // namespace

void DialogHook::setNextAnswer(QDialogButtonBox::StandardButton button)
{
    state().answers.emplace_back(button);
}

void DialogHook::setNextAnswer(QDialog::DialogCode code)
{
    state().answers.emplace_back(code);
}

qsizetype DialogHook::pendingAnswers()
{
    return qsizetype(state().answers.size());
}

qsizetype DialogHook::pendingFileNames()
{
    return qsizetype(state().fileNames.size());
}

void DialogHook::clearAnswers()
{
    state() = HookState{};
}

void DialogHook::setInspector(Inspector inspector)
{
    state().inspector = std::move(inspector);
}

std::optional<int> DialogHook::answerQueued(QDialog *dialog)
{
    remember(dialog);
    if (!hasAnswer())
        return std::nullopt;

    const Answer answer = takeAnswer();
    if (state().inspector)
        state().inspector(dialog);
    // Buttons emit accepted()/rejected() only when the dialog is not already finished;
    // start from a clean result so a reused dialog reports this answer.
    dialog->setResult(QDialog::Rejected);
    if (const auto *code = std::get_if<QDialog::DialogCode>(&answer))
        dialog->done(*code);
    else
        applyButton(dialog, std::get<QDialogButtonBox::StandardButton>(answer));
    remember(dialog); // the answer may have changed what the dialog shows
    return dialog->result();
}

std::optional<QDialogButtonBox::StandardButton> DialogHook::answerQueuedQuestion(
    QMessageBox *box, const QString &title, QDialogButtonBox::StandardButtons buttons)
{
    remember(box);
    if (!hasAnswer())
        return std::nullopt;

    const Answer answer = takeAnswer();
    if (state().inspector)
        state().inspector(box);
    QDialogButtonBox::StandardButton chosen = QDialogButtonBox::NoButton;
    if (const auto *button = std::get_if<QDialogButtonBox::StandardButton>(&answer)) {
        chosen = *button;
    } else {
        const bool accept = std::get<QDialog::DialogCode>(answer) == QDialog::Accepted;
        for (QAbstractButton *candidate : box->buttons()) {
            const QMessageBox::ButtonRole role = box->buttonRole(candidate);
            const bool matches = accept ? (role == QMessageBox::AcceptRole || role == QMessageBox::YesRole)
                                        : (role == QMessageBox::RejectRole || role == QMessageBox::NoRole);
            if (matches) {
                chosen = QDialogButtonBox::StandardButton(int(box->standardButton(candidate)));
                break;
            }
        }
    }
    if (chosen != QDialogButtonBox::NoButton && !(buttons & chosen)) {
        qWarning("DialogHook: question \"%s\" offers no button %d", qPrintable(title), int(chosen));
        return QDialogButtonBox::NoButton;
    }
    return chosen;
}

void DialogHook::setNextFileName(const QString &path)
{
    state().fileNames.push_back(path);
}

std::optional<QString> DialogHook::answerQueuedFileName(const QString &caption, const QString &objectName)
{
    state().lastTitle = caption;
    state().lastText.clear();
    state().lastObjectName = objectName;
    if (state().fileNames.empty())
        return std::nullopt;
    const QString path = state().fileNames.front();
    state().fileNames.pop_front();
    return path;
}

QString DialogHook::lastTitle()
{
    return state().lastTitle;
}

QString DialogHook::lastText()
{
    return state().lastText;
}

QString DialogHook::lastObjectName()
{
    return state().lastObjectName;
}

} // namespace convdesk
