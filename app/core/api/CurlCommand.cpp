#include "api/CurlCommand.h"

#include <QDateTime>
#include <QStringList>

namespace convdesk {

namespace {

bool isSignatureHeader(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    return lower == "nonce" || lower == "curtime" || lower == "checksum";
}

QByteArray headerValue(const SentRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString placeholderFor(const QByteArray &name)
{
    const QByteArray lower = name.toLower();
    if (lower == "nonce")
        return CurlCommand::NoncePlaceholder;
    if (lower == "curtime")
        return CurlCommand::CurTimePlaceholder;
    return CurlCommand::CheckSumPlaceholder;
}

} // namespace

QString CurlCommand::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QLatin1String("'\\''"));
    return u'\'' + quoted + u'\'';
}

QString CurlCommand::build(const SentRequest &request, Signature signature)
{
    QStringList lines;
    const QString method = QString::fromLatin1(request.method);
    const QString traceId = QString::fromUtf8(headerValue(request, "X-custom-traceid"));
    lines << tr("# Conversation Desk: %1 %2").arg(method, request.url.path(QUrl::FullyEncoded));
    if (!traceId.isEmpty())
        lines << tr("# X-custom-traceid is the original request's, so the vendor can find it in their logs.")
              << tr("# The server de-duplicates by trace id: to send the request anew, use a fresh one.");

    if (signature == Signature::Placeholders) {
        lines << tr("# Nonce, CurTime and CheckSum are placeholders. Compute them in a POSIX shell, with the")
              << tr("# AppSecret in the environment variable APP_SECRET (never paste it into a ticket):")
              << QStringLiteral("#   NONCE=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \\n')")
              << QStringLiteral("#   CURTIME=$(date +%s)")
              << QStringLiteral("#   CHECKSUM=$(printf '%s' \"$APP_SECRET$NONCE$CURTIME\" | sha1sum | cut -d ' ' -f 1)")
              << tr("# CheckSum is the lowercase hex SHA-1 of AppSecret + Nonce + CurTime (UTF-8); replace the")
              << tr("# placeholders below with the three values. The server accepts a CheckSum for 5 minutes.");
    } else {
        bool numeric = false;
        const qint64 curTime = headerValue(request, "CurTime").toLongLong(&numeric);
        const QString expiry = numeric
            ? QDateTime::fromSecsSinceEpoch(curTime + 300, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
            : QString();
        lines << tr("# Live signature: Nonce, CurTime and CheckSum below are the real ones. They are valid for")
              << (expiry.isEmpty() ? tr("# 5 minutes from CurTime; after that the server rejects them.")
                                   : tr("# 5 minutes from CurTime, until %1 UTC; after that the server rejects them.")
                                         .arg(expiry));
    }

    QStringList arguments;
    arguments << QStringLiteral("curl --include --silent --show-error --request ") + shellQuote(method);
    for (const auto &[name, value] : request.headers) {
        const QString headerText = signature == Signature::Placeholders && isSignatureHeader(name)
                                       ? QString::fromLatin1(name) + QStringLiteral(": ") + placeholderFor(name)
                                       : QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value);
        arguments << QStringLiteral("--header ") + shellQuote(headerText);
    }
    if (!request.body.isEmpty())
        arguments << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(request.body));
    arguments << shellQuote(QString::fromLatin1(request.url.toEncoded()));

    return lines.join(u'\n') + u'\n' + arguments.join(QLatin1String(" \\\n  ")) + u'\n';
}

} // namespace convdesk
