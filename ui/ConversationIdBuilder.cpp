#include "ConversationIdBuilder.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace convdesk {

ConversationIdBuilder::ConversationIdBuilder(QWidget *parent)
    : QWidget(parent)
    , m_account(new QLineEdit(this))
    , m_type(new QComboBox(this))
    , m_targetLabel(new QLabel(this))
    , m_target(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_result(new QLabel(this))
    , m_useButton(new QPushButton(tr("&Use this ID"), this))
{
    setObjectName(QStringLiteral("conversationIdBuilder"));

    m_account->setObjectName(QStringLiteral("builderAccount"));
    m_account->setPlaceholderText(tr("our side, e.g. acc1"));
    m_type->setObjectName(QStringLiteral("builderType"));
    for (ConversationType type : {ConversationType::OneToOne, ConversationType::AdvancedTeam,
                                  ConversationType::SuperTeam}) {
        m_type->addItem(tr("%1 (%2)").arg(conversationTypeName(type)).arg(int(type)), int(type));
    }
    m_targetLabel->setObjectName(QStringLiteral("builderTargetLabel"));
    m_targetLabel->setBuddy(m_target);
    m_target->setObjectName(QStringLiteral("builderTarget"));
    m_error->setObjectName(QStringLiteral("builderError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_result->setObjectName(QStringLiteral("builderResult"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont resultFont = m_result->font();
    resultFont.setBold(true);
    m_result->setFont(resultFont);
    m_useButton->setObjectName(QStringLiteral("builderUseButton"));

    auto *accountLabel = new QLabel(tr("&Account ID:"), this);
    accountLabel->setBuddy(m_account);
    auto *typeLabel = new QLabel(tr("T&ype:"), this);
    typeLabel->setBuddy(m_type);
    auto *resultLabel = new QLabel(tr("Conversation ID:"), this);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(accountLabel, m_account);
    form->addRow(typeLabel, m_type);
    form->addRow(m_targetLabel, m_target);
    form->addRow(resultLabel, m_result);
    form->addRow(m_error);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_useButton);
    form->addRow(buttonRow);

    setTabOrder(m_account, m_type);
    setTabOrder(m_type, m_target);
    setTabOrder(m_target, m_useButton);

    connect(m_account, &QLineEdit::textChanged, this, &ConversationIdBuilder::updateState);
    connect(m_target, &QLineEdit::textChanged, this, &ConversationIdBuilder::updateState);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ConversationIdBuilder::updateState);
    connect(m_account, &QLineEdit::returnPressed, this, &ConversationIdBuilder::use);
    connect(m_target, &QLineEdit::returnPressed, this, &ConversationIdBuilder::use);
    connect(m_useButton, &QPushButton::clicked, this, &ConversationIdBuilder::use);

    updateState();
}

ConversationIdBuilder::~ConversationIdBuilder() = default;

void ConversationIdBuilder::setFromId(const ConversationId &id)
{
    m_account->setText(id.accountId());
    m_type->setCurrentIndex(m_type->findData(int(id.type())));
    m_target->setText(id.targetId());
    updateState();
}

ConversationType ConversationIdBuilder::currentType() const
{
    return ConversationType(m_type->currentData().toInt());
}

std::optional<ConversationId> ConversationIdBuilder::conversationId() const
{
    if (!errorText().isEmpty())
        return std::nullopt;
    // Spaces are never part of an ID; pasted values often carry them.
    return ConversationId(m_account->text().trimmed(), currentType(), m_target->text().trimmed());
}

QString ConversationIdBuilder::errorText() const
{
    if (QString error = ConversationId::validateAccountId(m_account->text().trimmed()); !error.isEmpty())
        return error;
    return ConversationId::validateTargetId(currentType(), m_target->text().trimmed());
}

void ConversationIdBuilder::use()
{
    if (const auto id = conversationId())
        Q_EMIT idBuilt(id->toString());
}

void ConversationIdBuilder::updateState()
{
    const bool team = currentType() != ConversationType::OneToOne;
    m_targetLabel->setText(team ? tr("&Team ID:") : tr("&Peer account:"));
    m_target->setPlaceholderText(team ? tr("digits, e.g. 123456") : tr("the other account, e.g. acc2"));

    const QString error = errorText();
    m_error->setText(error);
    const auto id = conversationId();
    m_result->setText(id ? id->toString() : tr("—"));
    m_useButton->setEnabled(id.has_value());
}

} // namespace convdesk
