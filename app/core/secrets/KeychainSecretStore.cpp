#include "secrets/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#ifdef CONVDESK_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#endif

#include <algorithm>
#include <functional>

namespace convdesk {

namespace {

#ifdef CONVDESK_HAVE_QTDBUS
// The daemon may start a moment after the session (Nextcloud sees this at login).
constexpr bool RetryWhenDaemonMissing = true;
constexpr int BusCallTimeoutMs = 3000; // a local daemon answers at once; never hang a dialog on it
const QString SecretService = QStringLiteral("org.freedesktop.secrets");

// Asks on a fresh connection, so that a bus or daemon that appeared since is noticed.
bool askSessionBus(const QString &connectionName, const std::function<bool(QDBusConnection &)> &question)
{
    bool answer = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        if (bus.isConnected() && bus.interface())
            answer = question(bus);
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return answer;
}

bool keychainServiceOnSessionBus()
{
    return askSessionBus(QStringLiteral("convdesk-keychain-probe"), [](QDBusConnection &bus) {
        QDBusConnectionInterface *busInterface = bus.interface();
        const QStringList keychainServices{SecretService, QStringLiteral("org.kde.kwalletd6"),
                                           QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
        const QDBusReply<QStringList> activatable = busInterface->activatableServiceNames();
        return std::any_of(keychainServices.cbegin(), keychainServices.cend(), [&](const QString &service) {
            return busInterface->isServiceRegistered(service).value()
                || (activatable.isValid() && activatable.value().contains(service));
        });
    });
}

// Whether the Secret Service holds this entry locked (or, for a write, would put it in a
// locked collection). libsecret cannot show an unlock prompt without a desktop session and
// then reports a locked entry as missing, and its removal as done while it stays. Looks for
// the entry itself by QtKeychain's attributes, so another program's locked collection (say
// on a KWallet desktop) is no false alarm. Never starts the service.
bool secretServiceHoldsLocked(const QString &serviceName, const QString &key, bool forWrite)
{
    return askSessionBus(QStringLiteral("convdesk-keychain-lock-probe"), [&](QDBusConnection &bus) {
        if (!bus.interface()->isServiceRegistered(SecretService).value())
            return false;
        static const QMetaType attributesType = qDBusRegisterMetaType<QMap<QString, QString>>();
        Q_UNUSED(attributesType);
        QDBusMessage search = QDBusMessage::createMethodCall(SecretService, QStringLiteral("/org/freedesktop/secrets"),
                                                             QStringLiteral("org.freedesktop.Secret.Service"),
                                                             QStringLiteral("SearchItems"));
        // The attributes QtKeychain's libsecret backend files its entries under.
        search << QVariant::fromValue(QMap<QString, QString>{{QStringLiteral("server"), serviceName},
                                                             {QStringLiteral("user"), key}});
        const QDBusMessage found = bus.call(search, QDBus::Block, BusCallTimeoutMs);
        if (found.type() == QDBusMessage::ReplyMessage && found.arguments().size() == 2
            && !qdbus_cast<QList<QDBusObjectPath>>(found.arguments().at(1)).isEmpty())
            return true;
        if (!forWrite)
            return false;
        QDBusMessage get = QDBusMessage::createMethodCall(
            SecretService, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        const QDBusReply<QDBusVariant> locked = bus.call(get, QDBus::Block, BusCallTimeoutMs);
        return locked.isValid() && locked.value().variant().toBool();
    });
}
#else
constexpr bool RetryWhenDaemonMissing = false;

bool keychainServiceOnSessionBus()
{
    return true; // no D-Bus here: trust what QtKeychain reported
}

bool secretServiceHoldsLocked(const QString &, const QString &, bool)
{
    return false; // the platform's keychain reports a locked state itself
}
#endif

} // namespace

QString KeychainSecretStore::defaultServiceName()
{
    return QStringLiteral("ConversationDesk");
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(serviceName)
{
}

void KeychainSecretStore::read(const QString &profileName, QObject *context, Callback callback)
{
    start(std::make_shared<Request>(
        Request{Operation::Read, profileName, {}, orSelf(context), std::move(callback)}));
}

void KeychainSecretStore::write(const QString &profileName, const QString &secret,
                                QObject *context, Callback callback)
{
    start(std::make_shared<Request>(
        Request{Operation::Write, profileName, secret, orSelf(context), std::move(callback)}));
}

void KeychainSecretStore::remove(const QString &profileName, QObject *context, Callback callback)
{
    start(std::make_shared<Request>(
        Request{Operation::Remove, profileName, {}, orSelf(context), std::move(callback)}));
}

void KeychainSecretStore::start(const std::shared_ptr<Request> &request)
{
    // No parent: QtKeychain's backends call back into the job, so it must outlive this
    // store if need be; autoDelete frees it after finished().
    QKeychain::Job *job = nullptr;
    switch (request->operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName);
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(m_serviceName);
        writeJob->setTextData(request->secret);
        job = writeJob;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(request->profileName);
    connect(job, &QKeychain::Job::finished, this,
            [this, request](QKeychain::Job *finishedJob) { finish(request, finishedJob); });
    job->start();
}

void KeychainSecretStore::finish(const std::shared_ptr<Request> &request, QKeychain::Job *job)
{
    const QKeychain::Error error = job->error();
    // A removal from a locked collection reports success, a read of a locked entry "not
    // found": ask about the lock then too, and before a retry, which would not help.
    const bool mayBeLocked = error == QKeychain::NoError ? request->operation == Operation::Remove
                                                          : error != QKeychain::NoBackendAvailable
                                                                && error != QKeychain::NotImplemented;
    const bool locked = mayBeLocked
        && secretServiceHoldsLocked(m_serviceName, request->profileName, request->operation == Operation::Write);
    if (!locked && RetryWhenDaemonMissing && !request->retried
        && (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError)) {
        request->retried = true;
        QTimer::singleShot(m_retryDelay, this, [this, request] { start(request); });
        return;
    }

    const SecretResult result = locked ? lockedResult(request->profileName) : resultFor(*request, job);
    request->secret.clear();
    if (!request->context)
        return; // the caller is gone; nobody to tell
    // Queued, so the callback never runs inside the caller's own read()/write() call.
    QMetaObject::invokeMethod(
        request->context.data(),
        [callback = std::move(request->callback), result] { callback(result); },
        Qt::QueuedConnection);
}

SecretResult KeychainSecretStore::lockedResult(const QString &profileName)
{
    SecretResult locked;
    locked.status = SecretStatus::AccessDenied;
    locked.message = tr("The keychain is locked, so the AppSecret of the profile \"%1\" cannot be read or "
                        "changed. Unlock it (log in to the desktop session, or use the keyring manager) and "
                        "try again.")
                         .arg(profileName);
    return locked;
}

SecretResult KeychainSecretStore::resultFor(const Request &request, QKeychain::Job *job) const
{
    switch (job->error()) {
    case QKeychain::NoError: {
        SecretResult result;
        result.status = SecretStatus::Ok;
        if (request.operation == Operation::Read)
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        return result;
    }
    case QKeychain::EntryNotFound:
        // Removing what is not there leaves the keychain as asked: not an error.
        if (request.operation == Operation::Remove)
            return SecretResult{SecretStatus::Ok, {}, {}};
        return failure(SecretStatus::NotFound, request.profileName);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return failure(SecretStatus::NoBackend, request.profileName);
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return failure(SecretStatus::AccessDenied, request.profileName, job->errorString());
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports "no session bus" or "no Secret Service" as a generic error.
    if (!keychainServiceOnSessionBus())
        return failure(SecretStatus::NoBackend, request.profileName);
    return failure(SecretStatus::Failed, request.profileName, job->errorString());
}

} // namespace convdesk
