#include "api/ApiEndpoint.h"

#include <QHostAddress>

namespace convdesk {

ApiEndpoint ApiEndpoint::forRegion(Region region)
{
    switch (region) {
    case Region::Mainland:
        return {QUrl(QStringLiteral("https://open.yunxinapi.com")),
                QUrl(QStringLiteral("https://open-bak.yunxinapi.com")), {}};
    case Region::Overseas:
        return {QUrl(QStringLiteral("https://open-sg.yunxinapi.com")),
                QUrl(QStringLiteral("https://open-sg-bak.yunxinapi.com")), {}};
    case Region::Custom:
        break;
    }
    return {};
}

ApiEndpoint ApiEndpoint::custom(const QUrl &baseUrl, const QUrl &backupUrl)
{
    return {baseUrl, backupUrl, {}};
}

bool ApiEndpoint::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString ApiEndpoint::validateBaseUrl(const QUrl &url)
{
    // Messages never repeat user info, a query or a fragment: they may hold a password or token.
    const QString shown = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (!url.isValid() || url.host().isEmpty())
        return tr("The base URL \"%1\" is not a valid http(s) address.").arg(shown);
    // Such parts would be stored in the settings file as plain text, and sent nowhere useful:
    // requests are authenticated by the signature headers, never by the URL.
    if (!url.userInfo().isEmpty() || url.authority().contains(u'@'))
        return tr("The base URL \"%1\" contains a user name or password (user:password@); remove it: "
                  "the AppKey and AppSecret are the only credentials.").arg(shown);
    if (url.hasQuery())
        return tr("The base URL \"%1\" contains a query (?...); remove it.").arg(shown);
    if (url.hasFragment())
        return tr("The base URL \"%1\" contains a fragment (#...); remove it.").arg(shown);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(url.host()))
            return {};
        return tr("The base URL \"%1\" uses plain http; https is required except for "
                  "loopback addresses such as 127.0.0.1.").arg(shown);
    }
    return tr("The base URL \"%1\" must start with https://.").arg(shown);
}

QString ApiEndpoint::validationError() const
{
    if (QString error = validateBaseUrl(primary); !error.isEmpty())
        return error;
    if (!backup.isEmpty())
        return validateBaseUrl(backup);
    return {};
}

QString regionKey(Region region)
{
    switch (region) {
    case Region::Mainland: return QStringLiteral("mainland");
    case Region::Overseas: return QStringLiteral("overseas");
    case Region::Custom: return QStringLiteral("custom");
    }
    return {};
}

bool regionFromKey(const QString &key, Region *region)
{
    for (Region candidate : {Region::Mainland, Region::Overseas, Region::Custom}) {
        if (regionKey(candidate) == key) {
            *region = candidate;
            return true;
        }
    }
    return false;
}

} // namespace convdesk
