#pragma once

#include "session/GuardedSave.h"

#include <QDialog>

namespace convdesk {

class DiffView;

// Shown when a save found that someone else changed server_extension since it was loaded:
// nothing was written. Three panes side by side — the value as loaded, yours and the
// server's now, the last two as changes against the first — and three ways on.
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)
public:
    enum class Choice {
        KeepEditing, // nothing is sent; the text stays in the editor (also Escape, closing)
        Overwrite,   // write yours over the server's value
        TakeServer,  // drop yours; the editor shows the server's value
    };
    Q_ENUM(Choice)

    explicit ConflictDialog(const SaveConflict &conflict, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    // Runs the dialog through DialogHook. A test answers with QDialogButtonBox::Save
    // (overwrite), Discard (take the server's value) or Cancel (keep editing).
    static Choice ask(const SaveConflict &conflict, QWidget *parent);

    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::KeepEditing;
};

} // namespace convdesk
