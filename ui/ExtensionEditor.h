#pragma once

#include "session/ExtensionDraft.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace convdesk {

class ExtensionForm;

// Edits a conversation's server_extension: free text, usually JSON, at most 1024 characters.
// A view of an ExtensionDraft (its own, or the one the window's EditSession holds) in two
// tabs: the Form edits a JSON object key by key (the default when the value is one), the Text
// view edits the value as text, says whether it is JSON and where it is not, and formats it
// without reordering keys. Both edit the one draft, so a change in one shows in the other at
// once, and Ctrl+Z / Ctrl+Shift+Z go through the draft's one undo history. Asks its owner to
// save (saveRequested()).
class ExtensionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionEditor)
public:
    static constexpr int MaxLength = ExtensionDraft::MaxLength;

    enum class Validity { Empty, Json, PlainText, InvalidJson };
    Q_ENUM(Validity)
    enum class View { Form, Text };
    Q_ENUM(View)

    explicit ExtensionEditor(QWidget *parent = nullptr);
    ~ExtensionEditor() override;

    // Shows and edits `draft` from now on (not owned; it must outlive this editor). Until
    // then the editor edits a draft of its own.
    void setDraft(ExtensionDraft *draft);
    ExtensionDraft *draft() const { return m_draft; }

    // The value as loaded from the server: replaces the text and starts a new undo history.
    void setOriginalText(const QString &text);
    QString originalText() const { return m_draft->original(); }

    QString text() const { return m_draft->text(); }
    void setText(const QString &text); // an edit (undoable); the original is kept

    // True when the loaded value holds "\r" or U+2029, which the Text view can only show as
    // line breaks: typing there stores them as "\n". Said in the status line.
    bool originalWasNormalized() const;

    bool isModified() const { return m_draft->isModified(); }
    bool isBusy() const { return m_draft->isLocked(); }
    bool isTooLong() const { return m_draft->isTooLong(); }
    bool canSave() const; // modified, not busy, not too long
    Validity validity() const { return m_validity; }
    View currentView() const;
    void showView(View view);
    ExtensionForm *form() const { return m_form; }
    QString validityMessage() const { return m_validityMessage; }

    // While a save runs: Save is disabled and the text is read-only, so the value that is
    // being sent is the value that stays on screen.
    void setBusy(bool busy);

public Q_SLOTS:
    void formatPretty();
    void formatCompact();
    void revert();
    void undo();
    void redo();
    void showPreview(); // the exact text that Save would send
    void requestSave(); // emits saveRequested() when canSave(); for the owner's Ctrl+S action

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void canSaveChanged(bool canSave);
    void saveRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void attach(ExtensionDraft *draft);
    void onTyped();
    void showDraftText();
    void chooseView(); // a newly loaded value opens in the Form when it is a JSON object
    void updateState();
    void markErrorPosition(int line, int column);

    ExtensionDraft *m_ownDraft;
    ExtensionDraft *m_draft = nullptr;
    QTabWidget *m_views;
    ExtensionForm *m_form;
    QPlainTextEdit *m_edit;
    QLabel *m_formNotOffered;
    QLabel *m_validityLabel;
    QLabel *m_lengthLabel;
    QPushButton *m_previewButton;
    QPushButton *m_formatButton;
    QPushButton *m_compactButton;
    QPushButton *m_revertButton;
    QPushButton *m_saveButton;

    QString m_validityMessage;
    Validity m_validity = Validity::Empty;
    bool m_lastModified = false;
    bool m_lastCanSave = false;
};

} // namespace convdesk
