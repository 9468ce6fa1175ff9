#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace convdesk {

// The profile dialog's "Server extension schema" field: a file path, a button that picks one,
// and a line under them saying whether the file is a usable team schema ("Valid schema:
// <title>") or why not, checked as the path changes. An empty field means no schema.
class SchemaFileField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchemaFileField)
public:
    explicit SchemaFileField(QWidget *parent = nullptr);
    ~SchemaFileField() override;

    QString filePath() const; // absolute, "" for none
    void setFilePath(const QString &filePath);
    QString problem() const { return m_problem; } // why the file cannot be used, "" when it can
    QLineEdit *lineEdit() const { return m_edit; }
    QPushButton *button() const { return m_button; }

public Q_SLOTS:
    void browse();

Q_SIGNALS:
    void changed();

private:
    void check();

    QLineEdit *m_edit;
    QPushButton *m_button;
    QLabel *m_status;
    QString m_problem;
};

} // namespace convdesk
