#include "api/ConversationLink.h"

#include "profiles/ProfileStore.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace convdesk {

namespace {

const QString LinkHost = u"open"_s;
const QString ProfileKey = u"profile"_s;
const QString IdKey = u"id"_s;
constexpr qsizetype ShownInputLength = 80; // of a refused input, in the sentence saying why

// Names under which a secret would travel: the AppSecret, the request signature's parts,
// passwords, tokens. The AppKey is no secret (it is shown in the review and the audit log).
bool looksLikeSecret(const QString &text)
{
    static const QRegularExpression secretName(
        u"secret|passw(or)?d|pwd|token|checksum|nonce|signature|credential|^auth$|authori[sz]ation|api_?key|private_?key"_s,
        QRegularExpression::CaseInsensitiveOption);
    return secretName.match(text).hasMatch();
}

QString shown(const QString &input)
{
    return input.size() <= ShownInputLength ? input : input.left(ShownInputLength - 1) + u'…';
}

std::optional<ConversationLink> refuse(QString &error, const QString &why)
{
    error = why;
    return std::nullopt;
}

} // namespace

QString ConversationLink::toString() const
{
    // Built by hand rather than with QUrlQuery, which leaves '+', '|' and non-ASCII letters
    // as they are: a ticket tracker may read '+' as a space or end the link at '|'.
    return Scheme + u"://"_s + LinkHost + u'?' + ProfileKey + u'='
        + QString::fromLatin1(QUrl::toPercentEncoding(profileName)) + u'&' + IdKey + u'='
        + QString::fromLatin1(QUrl::toPercentEncoding(id.toString()));
}

bool ConversationLink::looksLikeLink(const QString &text)
{
    return text.trimmed().startsWith(Scheme + u':', Qt::CaseInsensitive);
}

std::optional<ConversationLink> ConversationLink::parse(const QString &text, QString *error)
{
    QString dummy;
    QString &err = error ? *error : dummy;
    const QString input = text.trimmed();
    if (input.size() > MaxLength)
        return refuse(err, tr("The link is %1 characters long; a conversation link has at most %2.")
                               .arg(input.size())
                               .arg(MaxLength));
    if (!looksLikeLink(input))
        return refuse(err, tr("\"%1\" is not a Conversation Desk link; those start with convdesk://open?")
                               .arg(shown(input)));
    const QUrl url(input, QUrl::TolerantMode);
    if (!url.isValid())
        return refuse(err, tr("The link cannot be read: %1").arg(url.errorString()));
    if (url.host() != LinkHost || (!url.path().isEmpty() && url.path() != u"/"_s))
        return refuse(err, tr("Only convdesk://open?profile=…&id=… links are understood, not \"%1\".")
                               .arg(shown(input)));
    // Checked before anything else is read: a link with a secret is refused whatever else it holds.
    if (!url.userInfo().isEmpty())
        return refuse(err, tr("The link carries a user name or password (before \"@\"). Links never carry "
                              "credentials, so it is refused; ask for one made with Copy link."));
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (looksLikeSecret(key))
            return refuse(err, tr("The link carries \"%1\", which looks like a secret. Links never carry "
                                  "secrets, so it is refused; ask for one made with Copy link.")
                                   .arg(shown(key)));
    }
    if (looksLikeSecret(url.fragment(QUrl::FullyDecoded)))
        return refuse(err, tr("The link ends with something that looks like a secret (after \"#\"). Links "
                              "never carry secrets, so it is refused; ask for one made with Copy link."));

    const QStringList profiles = query.allQueryItemValues(ProfileKey, QUrl::FullyDecoded);
    if (profiles.size() > 1)
        return refuse(err, tr("The link names %1 profiles; it must name one.").arg(profiles.size()));
    if (profiles.isEmpty() || profiles.first().isEmpty())
        return refuse(err, tr("The link names no profile (profile=NAME)."));
    if (const QString problem = ProfileStore::validateName(profiles.first()); !problem.isEmpty())
        return refuse(err, tr("The link's profile name is not valid: %1").arg(problem));

    const QStringList ids = query.allQueryItemValues(IdKey, QUrl::FullyDecoded);
    if (ids.size() > 1)
        return refuse(err, tr("The link names %1 conversations; it must name one.").arg(ids.size()));
    if (ids.isEmpty() || ids.first().isEmpty())
        return refuse(err, tr("The link names no conversation (id=ID)."));
    QString problem;
    const auto id = ConversationId::parse(ids.first(), &problem);
    if (!id)
        return refuse(err, tr("The link's conversation ID is not valid: %1").arg(problem));

    err.clear();
    return ConversationLink{profiles.first(), *id};
}

} // namespace convdesk
