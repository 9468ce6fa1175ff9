#pragma once

#include "json/ExtensionChanges.h"
#include "json/ExtensionDiff.h"
#include "schema/ExtensionSchema.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace convdesk {

class DiffView;
class KeyChangesView;

// What a save will send, and where: shown before every PATCH of server_extension.
struct SaveConfirmation
{
    QString conversationId;
    QString profileName;
    QString appKey;
    QString before; // server_extension as loaded
    QString after;  // the value to send
    QString reason; // why (a ticket, a note): prefilled, and what the user entered
    bool reasonRequired = false; // the profile wants a non-blank reason for every save
    // The profile's schema file ("" for none), why it could not be used ("" when it could),
    // and what it finds wrong with `after`. Errors or a problem need an explicit tick.
    QString schemaFile{};
    QString schemaProblem{};
    QList<SchemaError> schemaErrors{};
};

// The review of a save: the keys it changes ("By key", the default tab), the line diff ("Line
// by line"), a reason for the audit log, and a second, explicit confirmation when the value
// would stop being valid JSON or stop being an object. When the value breaks the team's schema
// (or the schema cannot be read) the review lists why and Save becomes "Save anyway", behind
// its own tick. Cancel is the default button.
class SaveConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SaveConfirmDialog)
public:
    explicit SaveConfirmDialog(const SaveConfirmation &confirmation, QWidget *parent = nullptr);
    ~SaveConfirmDialog() override;

    // Shows the dialog through DialogHook; true when the user chose "Save to server". The
    // reason entered is written back to confirmation.reason either way, so that the caller
    // can offer it again after a cancel.
    static bool confirm(SaveConfirmation &confirmation, QWidget *parent);

    const ExtensionDiff &diff() const { return m_diff; }
    const ExtensionChanges &changes() const { return m_changes; }
    QString reason() const; // trimmed

private:
    void updateSaveButton();
    QString riskWarning() const;
    void addSchemaWarning(QVBoxLayout *layout);
    void fitToScreen();

    SaveConfirmation m_confirmation;
    ExtensionDiff m_diff;
    ExtensionChanges m_changes;
    QTabWidget *m_tabs;
    KeyChangesView *m_keyView;
    DiffView *m_diffView;
    QLineEdit *m_reason;
    QCheckBox *m_riskCheck = nullptr;
    QCheckBox *m_schemaCheck = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace convdesk
