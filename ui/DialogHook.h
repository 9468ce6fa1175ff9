#pragma once

#include <QDialog>
#include <QDialogButtonBox>
#include <QString>

#include <functional>

class QWidget;

namespace convdesk {

// Every modal dialog in ui/ is run through here so GUI tests never hang: a test queues
// answers, and the next dialog is answered without entering a modal event loop. With no
// answer queued the dialog runs normally. GUI thread only.
class DialogHook
{
public:
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

    // Returns QDialog::Accepted or QDialog::Rejected (the dialog's result()).
    static int exec(QDialog *dialog);

    // A question box. Returns the button pressed (NoButton when the box was closed without
    // one). A DialogCode answer maps to the box's accept-role or reject-role button.
    static QDialogButtonBox::StandardButton question(
        QWidget *parent, const QString &title, const QString &text,
        QDialogButtonBox::StandardButtons buttons,
        QDialogButtonBox::StandardButton defaultButton = QDialogButtonBox::NoButton);

    // File dialogs, "save as" and "open". A queued file name answers the next one without
    // showing anything; an empty one stands for Cancel. Returns the chosen path, or "".
    static void setNextFileName(const QString &path);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                   const QString &filter);
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &startPath,
                                   const QString &filter);

    // About the last dialog that went through exec()/question(), answered or not:
    // its window title, and the text of its labels and text views, one per line.
    static QString lastTitle();
    static QString lastText();
    static QString lastObjectName();
};

} // namespace convdesk
