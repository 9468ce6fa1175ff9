#pragma once

#include "api/ApiLimits.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace convdesk {

// Edits a conversation's server_extension: free text, usually JSON, at most 1024
// characters. Says whether the text is JSON and where it is not, formats it without
// reordering keys, and asks its owner to save (the owner makes the call and reports back
// with setBusy()/setOriginalText()).
class ExtensionEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionEditor)
public:
    // Reported for server_extension by the vendor's SDK; counted in QString characters.
    static constexpr int MaxLength = ApiLimits::MaxServerExtensionLength;

    enum class Validity { Empty, Json, PlainText, InvalidJson };
    Q_ENUM(Validity)

    explicit ExtensionEditor(QWidget *parent = nullptr);
    ~ExtensionEditor() override;

    // The value as loaded from the server: also replaces the text and clears "modified".
    void setOriginalText(const QString &text);
    QString originalText() const { return m_original; }

    QString text() const;
    void setText(const QString &text); // an edit (undoable); the original is kept

    // True when the loaded value holds "\r" or U+2029, which a text editor can only show
    // as line breaks: saving an edited value stores them as "\n". Said in the status line.
    bool originalWasNormalized() const { return m_originalShown != m_original; }

    bool isModified() const { return m_modified; }
    bool isBusy() const { return m_busy; }
    bool isTooLong() const;
    bool canSave() const; // modified, not busy, not too long
    Validity validity() const { return m_validity; }
    QString validityMessage() const;

    // While a save runs: Save is disabled and the text is read-only, so the value that is
    // being sent is the value that stays on screen.
    void setBusy(bool busy);

public Q_SLOTS:
    void formatPretty();
    void formatCompact();
    void revert();
    void requestSave(); // emits saveRequested() when canSave(); for the owner's Ctrl+S action

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void canSaveChanged(bool canSave);
    void saveRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onTextChanged();
    void replaceText(const QString &text);
    void updateState();
    void updateStyles();
    void markErrorPosition(int line, int column);

    QPlainTextEdit *m_edit;
    QLabel *m_validityLabel;
    QLabel *m_lengthLabel;
    QPushButton *m_formatButton;
    QPushButton *m_compactButton;
    QPushButton *m_revertButton;
    QPushButton *m_saveButton;

    QString m_original;
    QString m_originalShown; // m_original as the editor represents it
    QString m_validityMessage;
    Validity m_validity = Validity::Empty;
    bool m_modified = false;
    bool m_busy = false;
    bool m_lastCanSave = false;
};

} // namespace convdesk
