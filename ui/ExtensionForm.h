#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QMenu;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace convdesk {

class ExtensionFormDelegate;
class ExtensionFormModel;
class ExtensionSchema;

// The form view of server_extension: its JSON object as a tree of Key / Type / Value rows
// with buttons to add, remove and move them. It speaks only text: setText() shows a value,
// textEdited() hands over the whole new value after each change (already shown) with a short
// description for an undo history. A value that is not a JSON object is not shown; a
// sentence says why instead.
//
// With a team schema the rows follow it (see ExtensionFormModel): "Add key" offers the
// schema's fields not yet set, "Add required fields" appears while some are missing, and a
// line under the form lists the value's errors ("/pointer: message") as it changes.
class ExtensionForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionForm)
public:
    explicit ExtensionForm(QWidget *parent = nullptr);
    ~ExtensionForm() override;

    // Shows text; nothing happens when it is shown already. Expanded rows and the current
    // row are kept where their JSON Pointers still lead somewhere.
    void setText(const QString &text);
    QString text() const;
    bool isAvailable() const;

    // While a save runs: nothing can be changed.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    ExtensionFormModel *model() const { return m_model; }

    // The team's rules (null for none), and why they could not be read ("" when they could):
    // the problem is shown where the errors would be.
    void setSchema(std::shared_ptr<const ExtensionSchema> schema, const QString &problem = QString());

Q_SIGNALS:
    void textEdited(const QString &newText, const QString &description);

private:
    QModelIndex currentRow() const; // the Key column of the current row
    void addKey();
    void addItem();
    void removeCurrent();
    void moveCurrent(bool up);
    void editKeyOf(const QModelIndex &index);
    void showMessage(const QString &message);
    void updateAvailability();
    void updateButtons();
    void fitKeyColumn();
    void updateSchemaErrors();
    void fillAddMenu();
    QModelIndex targetObject() const; // where Add key adds: the selected object or the current row's

    ExtensionFormModel *m_model;
    ExtensionFormDelegate *m_delegate;
    QTreeView *m_view;
    QLabel *m_unavailable;
    QLabel *m_message;
    QLabel *m_schemaErrors;
    QString m_schemaProblem;
    QMenu *m_addMenu;
    QPushButton *m_addRequiredButton;
    QWidget *m_buttons;
    QPushButton *m_addButton;
    QPushButton *m_addItemButton;
    QPushButton *m_removeButton;
    QPushButton *m_moveUpButton;
    QPushButton *m_moveDownButton;
    bool m_readOnly = false;
};

} // namespace convdesk
