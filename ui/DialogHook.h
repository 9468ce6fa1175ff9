#pragma once

#include <QDialog>
#include <QDialogButtonBox>
#include <QString>

#include <functional>
#include <optional>

class QMessageBox;
class QWidget;

namespace convdesk {

// Every modal dialog in ui/ is run through here so GUI tests never hang. In a build with
// CONVDESK_DEV_HOOKS (tests, benchmarks) a test queues answers and the next dialog is
// answered without entering a modal event loop; with no answer queued, and always in a
// release build, the dialog simply runs. GUI thread only.
class DialogHook
{
public:
    // Returns QDialog::Accepted or QDialog::Rejected (the dialog's result()).
    static int exec(QDialog *dialog);

    // A question box. Returns the button pressed (NoButton when the box was closed without
    // one).
    static QDialogButtonBox::StandardButton question(
        QWidget *parent, const QString &title, const QString &text,
        QDialogButtonBox::StandardButtons buttons,
        QDialogButtonBox::StandardButton defaultButton = QDialogButtonBox::NoButton);

    // File dialogs, "save as" and "open". Returns the chosen path, or "" on Cancel.
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                   const QString &filter);
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &startPath,
                                   const QString &filter);

#ifdef CONVDESK_DEV_HOOKS
    // The test side, in ui/dev/DialogHookTesting.cpp; release builds have none of it.
    using Inspector = std::function<void(QDialog *dialog)>;

    // Queued first in, first out. A button answer clicks that button of the dialog's
    // QDialogButtonBox (so the dialog's own accept/reject logic runs); a DialogCode answer
    // calls done(code).
    static void setNextAnswer(QDialogButtonBox::StandardButton button);
    static void setNextAnswer(QDialog::DialogCode code);
    static qsizetype pendingAnswers();   // button and DialogCode answers
    static qsizetype pendingFileNames(); // file dialog answers
    static void clearAnswers(); // also forgets the inspector and the last dialog's texts

    // Called with each dialog that is answered from the queue, just before the answer is
    // applied, so a test can look at a dialog that the code under test created itself.
    static void setInspector(Inspector inspector);

    // A DialogCode answer to question() maps to the box's accept-role or reject-role button.

    // A queued file name answers the next file dialog without showing anything; an empty
    // one stands for Cancel.
    static void setNextFileName(const QString &path);

    // About the last dialog that went through exec()/question(), answered or not:
    // its window title, and the text of its labels and text views, one per line.
    static QString lastTitle();
    static QString lastText();
    static QString lastObjectName();

private:
    // Answers from the queue, if one is waiting; remembers the dialog's texts either way.
    static std::optional<int> answerQueued(QDialog *dialog);
    static std::optional<QDialogButtonBox::StandardButton> answerQueuedQuestion(
        QMessageBox *box, const QString &title, QDialogButtonBox::StandardButtons buttons);
    static std::optional<QString> answerQueuedFileName(const QString &caption, const QString &objectName);
#endif
};

} // namespace convdesk
