#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace convdesk {

enum class ConversationType { OneToOne = 1, AdvancedTeam = 2, SuperTeam = 3 };

// "{account_id}|{type}|{target}": validated before any request is made.
class ConversationId
{
    Q_DECLARE_TR_FUNCTIONS(ConversationId)
public:
    ConversationId() = default;
    ConversationId(const QString &accountId, ConversationType type, const QString &targetId);

    // Accepts a pasted ID (surrounding white space and a percent-encoded form are tolerated).
    // On failure returns nullopt and, if error is given, a sentence naming what is wrong.
    static std::optional<ConversationId> parse(const QString &text, QString *error = nullptr);

    // Per-field checks for the builder's inline validation; empty string when valid.
    static QString validateAccountId(const QString &accountId);
    static QString validateTargetId(ConversationType type, const QString &targetId);

    QString accountId() const { return m_accountId; }
    ConversationType type() const { return m_type; }
    QString targetId() const { return m_targetId; }

    QString toString() const;
    QString toPathSegment() const; // percent-encoded, '|' as %7C, '/' never splits the path
    bool isValid() const { return !m_accountId.isEmpty(); }

    friend bool operator==(const ConversationId &, const ConversationId &) = default;

private:
    QString m_accountId;
    ConversationType m_type = ConversationType::OneToOne;
    QString m_targetId;
};

QString conversationTypeName(ConversationType type);

} // namespace convdesk
