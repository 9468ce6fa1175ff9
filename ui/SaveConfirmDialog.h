#pragma once

#include "json/ExtensionDiff.h"

#include <QDialog>

namespace convdesk {

class DiffView;

// What a save will send, and where: shown before every PATCH of server_extension.
struct SaveConfirmation
{
    QString conversationId;
    QString profileName;
    QString appKey;
    QString before; // server_extension as loaded
    QString after;  // the value to send
};

class SaveConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveConfirmDialog)
public:
    explicit SaveConfirmDialog(const SaveConfirmation &confirmation, QWidget *parent = nullptr);
    ~SaveConfirmDialog() override;

    // Shows the dialog through DialogHook; true when the user chose "Save to server".
    static bool confirm(const SaveConfirmation &confirmation, QWidget *parent);

    const ExtensionDiff &diff() const { return m_diff; }

private:
    SaveConfirmation m_confirmation;
    ExtensionDiff m_diff;
    DiffView *m_diffView;
};

} // namespace convdesk
