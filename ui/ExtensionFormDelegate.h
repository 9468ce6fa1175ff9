#pragma once

#include <QStyledItemDelegate>

namespace convdesk {

class ExtensionFormModel;

// Editors that fit each row of an ExtensionFormModel: a line edit for a key (a duplicate or
// empty one is reported while it is typed, and Enter does not commit it), a line edit for a
// short string and a taller text editor for a long one (Ctrl+Enter commits), line edits with
// validators for integers (all 64 bits: a QSpinBox stops at 32) and numbers, and a combo box
// for the type. Booleans are the view's own check boxes. With a team schema
// (ExtensionFormDelegateSchema.cpp): a drop-down for an enum, spin boxes for bounded numbers,
// a character counter for a string with a maxLength, and a warning icon beside a value the
// schema rejects.
class ExtensionFormDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExtensionFormDelegate)
public:
    // Longer strings, or any with a line break, get the multi-line editor.
    static constexpr int LongTextLength = 60;

    explicit ExtensionFormDelegate(ExtensionFormModel *model, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;

Q_SIGNALS:
    // The problem with the key being typed, "" when there is none.
    void keyProblemChanged(const QString &problem);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    QWidget *createKeyEditor(QWidget *parent, const QModelIndex &index) const;
    // An editor the schema asks for, or null when the usual one fits.
    QWidget *createSchemaEditor(QWidget *parent, const QModelIndex &index) const;
    bool setSchemaEditorData(QWidget *editor, const QModelIndex &index) const;
    bool setSchemaModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const;
    void commitAndClose(QWidget *editor);

    ExtensionFormModel *m_model;
};

} // namespace convdesk
