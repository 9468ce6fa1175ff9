#pragma once

#include "api/ConversationId.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace convdesk {

// A link to one conversation of one profile, for pasting into tickets:
// convdesk://open?profile=NAME&id=ID, both percent-encoded. It names a profile, never its
// AppKey, URL or secret; a link that carries anything looking like a secret is refused, so
// such a link is not passed around as if it were harmless.
struct ConversationLink
{
    Q_DECLARE_TR_FUNCTIONS(ConversationLink)
public:
    static inline const QString Scheme = QStringLiteral("convdesk");
    // Longer input is refused unread: it arrives from the command line and other processes.
    static constexpr qsizetype MaxLength = 2048;

    QString profileName;
    ConversationId id;

    // "convdesk://open?profile=…&id=…"; everything outside A-Z a-z 0-9 - . _ ~ is encoded,
    // so the link survives chat tools and ticket trackers that cut at '|' or spaces.
    QString toString() const;

    // Accepts a pasted link (surrounding white space tolerated, '|' in the ID unencoded
    // too); unknown parameters are ignored. On failure returns nullopt and, if error is
    // given, a sentence naming what is wrong.
    static std::optional<ConversationLink> parse(const QString &text, QString *error = nullptr);

    // Whether `text` is meant as a link (starts with "convdesk:"), valid or not.
    static bool looksLikeLink(const QString &text);

    friend bool operator==(const ConversationLink &, const ConversationLink &) = default;
};

} // namespace convdesk
