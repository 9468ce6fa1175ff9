#include "SchemaFileField.h"

#include "DialogHook.h"
#include "schema/ExtensionSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace convdesk {

SchemaFileField::SchemaFileField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_button(new QPushButton(tr("C&hoose…"), this))
    , m_status(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("schemaFileEdit"));
    m_edit->setAccessibleName(tr("Server extension schema file"));
    m_edit->setPlaceholderText(tr("optional: a JSON Schema (draft-07) file"));
    m_edit->setToolTip(tr("The team's rules for server_extension. The file is read each time it is used, "
                          "so a shared copy can be updated."));
    m_button->setObjectName(QStringLiteral("schemaFileButton"));
    m_button->setAutoDefault(false);
    m_status->setObjectName(QStringLiteral("schemaFileStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_edit, 1);
    row->addWidget(m_button);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, [this] {
        check();
        Q_EMIT changed();
    });
    connect(m_button, &QPushButton::clicked, this, &SchemaFileField::browse);
}

SchemaFileField::~SchemaFileField() = default;

QString SchemaFileField::filePath() const
{
    const QString text = m_edit->text().trimmed();
    return text.isEmpty() ? QString() : QFileInfo(QDir::fromNativeSeparators(text)).absoluteFilePath();
}

void SchemaFileField::setFilePath(const QString &filePath)
{
    m_edit->setText(QDir::toNativeSeparators(filePath));
}

void SchemaFileField::browse()
{
    const QString current = filePath();
    const QString startFolder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = DialogHook::getOpenFileName(this, tr("Server extension schema for this profile"),
                                                     startFolder, tr("JSON Schema (*.json);;All files (*)"));
    if (!path.isEmpty()) // empty: cancelled, keep what was there
        setFilePath(path);
}

void SchemaFileField::check()
{
    const QString path = filePath();
    m_problem.clear();
    if (path.isEmpty()) {
        m_status->hide();
        return;
    }
    const auto schema = ExtensionSchema::load(path, &m_problem);
    m_status->setText(schema ? tr("Valid schema: %1")
                                   .arg(schema->title().isEmpty() ? QFileInfo(path).fileName() : schema->title())
                             : m_problem);
    m_status->setProperty("ok", bool(schema));
    QFont font = m_status->font();
    font.setBold(!schema);
    m_status->setFont(font);
    m_status->show();
}

} // namespace convdesk
