#include "ConversationIdInput.h"

#include "ClearButton.h"
#include "ConversationIdBuilder.h"
#include "DialogHook.h"

#include <QCompleter>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>
#include <QStringListModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace convdesk {

namespace {
const QString RecentKey = QStringLiteral("recentConversationIds");
}

ConversationIdInput::ConversationIdInput(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_builderButton(new QToolButton(this))
    , m_recentModel(new QStringListModel(this))
{
    setObjectName(QStringLiteral("conversationIdInput"));

    m_edit->setObjectName(QStringLiteral("conversationIdField"));
    m_edit->setPlaceholderText(tr("account|type|target, e.g. acc1|1|acc2"));
    ClearButton::enable(m_edit, tr("Clear the conversation ID"));
    m_edit->setAccessibleName(tr("Conversation ID"));
    m_edit->setToolTip(tr("The conversation to load: {account_id}|{type}|{target}. "
                          "Type 1 is one-to-one, 2 an advanced team, 3 a super team."));
    m_edit->setMinimumWidth(fontMetrics().averageCharWidth() * 32);

    auto *completer = new QCompleter(m_recentModel, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setObjectName(QStringLiteral("recentIdsCompleter"));
    m_edit->setCompleter(completer);

    m_builderButton->setObjectName(QStringLiteral("idBuilderButton"));
    m_builderButton->setText(tr("Build…"));
    m_builderButton->setToolTip(tr("Build a conversation ID from its account, type and target"));
    m_builderButton->setAccessibleName(tr("Build conversation ID"));
    m_builderButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_builderButton);

    connect(m_edit, &QLineEdit::returnPressed, this, &ConversationIdInput::submitted);
    connect(m_builderButton, &QToolButton::clicked, this, &ConversationIdInput::openBuilder);
    setFocusProxy(m_edit);
}

ConversationIdInput::~ConversationIdInput() = default;

void ConversationIdInput::setSettings(QSettings *settings)
{
    m_settings = settings;
    loadRecent();
}

QString ConversationIdInput::text() const
{
    return m_edit->text().trimmed();
}

void ConversationIdInput::setText(const QString &text)
{
    m_edit->setText(text);
}

std::optional<ConversationId> ConversationIdInput::conversationId(QString *error) const
{
    return ConversationId::parse(m_edit->text(), error);
}

void ConversationIdInput::remember(const QString &conversationId)
{
    m_recent.removeAll(conversationId);
    m_recent.prepend(conversationId);
    while (m_recent.size() > MaxRecentIds)
        m_recent.removeLast();
    m_recentModel->setStringList(m_recent);
    storeRecent();
}

void ConversationIdInput::openBuilder()
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("idBuilderDialog"));
    dialog.setWindowTitle(tr("Build a conversation ID"));
    auto *builder = new ConversationIdBuilder(&dialog);
    if (const auto current = conversationId())
        builder->setFromId(*current);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(builder);
    layout->addWidget(buttons);

    QString built;
    connect(builder, &ConversationIdBuilder::idBuilt, &dialog, [&dialog, &built](const QString &id) {
        built = id;
        dialog.accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (DialogHook::exec(&dialog) != QDialog::Accepted || built.isEmpty())
        return;
    m_edit->setText(built);
    Q_EMIT submitted();
}

void ConversationIdInput::loadRecent()
{
    m_recent = m_settings ? m_settings->value(RecentKey).toStringList() : QStringList();
    m_recentModel->setStringList(m_recent);
}

void ConversationIdInput::storeRecent()
{
    if (m_settings)
        m_settings->setValue(RecentKey, m_recent);
}

} // namespace convdesk
