#include "api/ConversationId.h"

#include <QUrl>

namespace convdesk {

namespace {
constexpr int MaxAccountLength = 32;
constexpr int MaxTargetLength = 64;

bool isAccountCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'_' || c == u'@' || c == u'.' || c == u'-';
}
} // namespace

ConversationId::ConversationId(const QString &accountId, ConversationType type, const QString &targetId)
    : m_accountId(accountId.toLower()), m_type(type), m_targetId(targetId)
{
}

QString ConversationId::validateAccountId(const QString &accountId)
{
    if (accountId.isEmpty())
        return tr("The account ID is empty.");
    if (accountId.size() > MaxAccountLength)
        return tr("The account ID has %1 characters; at most %2 are allowed.")
            .arg(accountId.size()).arg(MaxAccountLength);
    for (QChar c : accountId) {
        if (!isAccountCharacter(c))
            return tr("The account ID contains \"%1\"; only letters, digits and _ @ . - are allowed.")
                .arg(c);
    }
    return {};
}

QString ConversationId::validateTargetId(ConversationType type, const QString &targetId)
{
    if (type == ConversationType::OneToOne) {
        if (targetId.isEmpty())
            return tr("The peer account ID is empty.");
        const QString error = validateAccountId(targetId);
        return error.isEmpty() ? QString() : tr("Peer: %1").arg(error);
    }
    if (targetId.isEmpty())
        return tr("The team ID is empty.");
    if (targetId.size() > MaxTargetLength)
        return tr("The team ID is too long.");
    for (QChar c : targetId) {
        if (!c.isDigit() || c.unicode() > 127)
            return tr("The team ID must be a number; \"%1\" is not a digit.").arg(c);
    }
    return {};
}

std::optional<ConversationId> ConversationId::parse(const QString &text, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    QString input = text.trimmed();
    if (input.contains(QLatin1String("%7C"), Qt::CaseInsensitive))
        input = QUrl::fromPercentEncoding(input.toUtf8());
    if (input.isEmpty()) {
        err = tr("Enter a conversation ID such as acc1|1|acc2.");
        return std::nullopt;
    }
    const QStringList parts = input.split(u'|');
    if (parts.size() != 3) {
        err = tr("A conversation ID has three parts separated by \"|\": account|type|target "
                 "(for example acc1|1|acc2); \"%1\" has %2.").arg(input).arg(parts.size());
        return std::nullopt;
    }
    bool numeric = false;
    const int typeNumber = parts[1].toInt(&numeric);
    if (!numeric || typeNumber < 1 || typeNumber > 3) {
        err = tr("The conversation type \"%1\" is not 1 (one-to-one), 2 (advanced team) or "
                 "3 (super team).").arg(parts[1]);
        return std::nullopt;
    }
    const auto type = ConversationType(typeNumber);
    if (QString problem = validateAccountId(parts[0]); !problem.isEmpty()) {
        err = problem;
        return std::nullopt;
    }
    if (QString problem = validateTargetId(type, parts[2]); !problem.isEmpty()) {
        err = problem;
        return std::nullopt;
    }
    err.clear();
    return ConversationId(parts[0], type, parts[2]);
}

QString ConversationId::toString() const
{
    return m_accountId + u'|' + QString::number(int(m_type)) + u'|' + m_targetId;
}

QString ConversationId::toPathSegment() const
{
    // Encode everything outside the unreserved set so that the ID stays one path segment.
    return QString::fromLatin1(QUrl::toPercentEncoding(toString()));
}

QString conversationTypeName(ConversationType type)
{
    switch (type) {
    case ConversationType::OneToOne: return ConversationId::tr("one-to-one");
    case ConversationType::AdvancedTeam: return ConversationId::tr("advanced team");
    case ConversationType::SuperTeam: return ConversationId::tr("super team");
    }
    return {};
}

} // namespace convdesk
