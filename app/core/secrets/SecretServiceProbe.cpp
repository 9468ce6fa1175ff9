#include "secrets/SecretServiceProbe.h"

#include <QObject>

#ifdef CONVDESK_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCall>
#include <QDBusPendingCallWatcher>
#include <QDBusReply>
#include <QDBusVariant>
#include <QMap>
#endif

#include <algorithm>

namespace convdesk::SecretServiceProbe {

QString connectionName()
{
    return QStringLiteral("convdesk-keychain-probe");
}

#ifdef CONVDESK_HAVE_QTDBUS
namespace {

const QString SecretService = QStringLiteral("org.freedesktop.secrets");
const QStringList KeychainServices{SecretService, QStringLiteral("org.kde.kwalletd6"),
                                   QStringLiteral("org.kde.kwalletd5"),
                                   QStringLiteral("org.kde.kwalletd")};

// Opened on first use and kept: a daemon that appears later is seen anyway, since every
// question is asked anew. Only a session bus that was missing is looked for again.
QDBusConnection probeBus()
{
    QDBusConnection bus(connectionName());
    if (bus.isConnected())
        return bus;
    QDBusConnection::disconnectFromBus(connectionName());
    return QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName());
}

QDBusMessage busDaemonCall(const QString &method)
{
    return QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), method);
}

bool isNoReply(const QDBusMessage &reply)
{
    return reply.type() == QDBusMessage::ErrorMessage
        && (reply.errorName() == QDBusError::errorString(QDBusError::NoReply)
            || reply.errorName() == QDBusError::errorString(QDBusError::Timeout));
}

// Sends the call and hands its reply (or the timeout error) to handler, on the event loop.
void ask(const QDBusMessage &call, std::chrono::milliseconds timeout, QObject *context,
         std::function<void(const QDBusMessage &)> handler)
{
    auto *watcher = new QDBusPendingCallWatcher(
        probeBus().asyncCall(call, int(timeout.count())), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [watcher, handler = std::move(handler)] {
                         watcher->deleteLater();
                         handler(watcher->reply());
                     });
}

bool firstStringListHasAny(const QDBusMessage &reply, const QStringList &names)
{
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    const QStringList listed = reply.arguments().constFirst().toStringList();
    return std::any_of(names.cbegin(), names.cend(),
                       [&listed](const QString &name) { return listed.contains(name); });
}

void askDefaultCollectionLocked(std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    QDBusMessage get = QDBusMessage::createMethodCall(
        SecretService, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    ask(get, timeout, context, [done](const QDBusMessage &reply) {
        if (isNoReply(reply))
            return done(Answer::NoReply);
        const QDBusReply<QDBusVariant> locked(reply);
        done(locked.isValid() && locked.value().variant().toBool() ? Answer::Yes : Answer::No);
    });
}

void askEntryLocked(const QString &serviceName, const QString &key, bool forWrite,
                    std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    static const QMetaType attributesType = qDBusRegisterMetaType<QMap<QString, QString>>();
    Q_UNUSED(attributesType);
    QDBusMessage search = QDBusMessage::createMethodCall(
        SecretService, QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // The attributes QtKeychain's libsecret backend files its entries under.
    search << QVariant::fromValue(QMap<QString, QString>{{QStringLiteral("server"), serviceName},
                                                         {QStringLiteral("user"), key}});
    ask(search, timeout, context, [forWrite, timeout, context, done](const QDBusMessage &found) {
        if (isNoReply(found))
            return done(Answer::NoReply);
        // SearchItems answers (unlocked, locked).
        if (found.type() == QDBusMessage::ReplyMessage && found.arguments().size() == 2
            && !qdbus_cast<QList<QDBusObjectPath>>(found.arguments().at(1)).isEmpty())
            return done(Answer::Yes);
        if (!forWrite)
            return done(Answer::No);
        askDefaultCollectionLocked(timeout, context, done);
    });
}

} // namespace

void askServiceAvailable(std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    if (!probeBus().isConnected())
        return done(Answer::No);
    ask(busDaemonCall(QStringLiteral("ListNames")), timeout, context,
        [timeout, context, done](const QDBusMessage &running) {
            if (isNoReply(running))
                return done(Answer::NoReply);
            if (firstStringListHasAny(running, KeychainServices))
                return done(Answer::Yes);
            ask(busDaemonCall(QStringLiteral("ListActivatableNames")), timeout, context,
                [done](const QDBusMessage &activatable) {
                    if (isNoReply(activatable))
                        return done(Answer::NoReply);
                    done(firstStringListHasAny(activatable, KeychainServices) ? Answer::Yes
                                                                              : Answer::No);
                });
        });
}

void askHoldsLocked(const QString &serviceName, const QString &key, bool forWrite,
                    std::chrono::milliseconds timeout, QObject *context, Callback done)
{
    if (!probeBus().isConnected())
        return done(Answer::No);
    QDBusMessage hasOwner = busDaemonCall(QStringLiteral("NameHasOwner"));
    hasOwner << SecretService;
    ask(hasOwner, timeout, context,
        [serviceName, key, forWrite, timeout, context, done](const QDBusMessage &reply) {
            if (isNoReply(reply))
                return done(Answer::NoReply);
            if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()
                || !reply.arguments().constFirst().toBool())
                return done(Answer::No);
            askEntryLocked(serviceName, key, forWrite, timeout, context, done);
        });
}

#else

void askServiceAvailable(std::chrono::milliseconds, QObject *, Callback done)
{
    done(Answer::Yes); // no D-Bus here: trust what QtKeychain reported
}

void askHoldsLocked(const QString &, const QString &, bool, std::chrono::milliseconds, QObject *,
                    Callback done)
{
    done(Answer::No); // the platform's keychain reports a locked state itself
}

#endif

} // namespace convdesk::SecretServiceProbe
