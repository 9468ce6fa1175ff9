#include "KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

#ifdef CONVDESK_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace convdesk {

namespace {

#ifdef CONVDESK_HAVE_QTDBUS
// The daemon may start a moment after the session (Nextcloud sees this at login).
constexpr bool RetryWhenDaemonMissing = true;

// Asks a fresh connection, so a bus that appeared since the last failure is noticed.
bool keychainServiceOnSessionBus()
{
    const QString connectionName = QStringLiteral("convdesk-keychain-probe");
    bool found = false;
    {
        const QDBusConnection bus =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        if (QDBusConnectionInterface *busInterface = bus.isConnected() ? bus.interface() : nullptr) {
            const QStringList keychainServices{
                QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
            const QDBusReply<QStringList> activatable = busInterface->activatableServiceNames();
            for (const QString &service : keychainServices) {
                if (busInterface->isServiceRegistered(service).value()
                    || (activatable.isValid() && activatable.value().contains(service))) {
                    found = true;
                    break;
                }
            }
        }
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return found;
}

// Whether the Secret Service's default collection, where QtKeychain keeps its entries, is
// locked. libsecret cannot show an unlock prompt without a desktop session and then reports
// a locked entry as missing, and a removal as done while the entry stays. Never starts the
// service: only a running one can hold a locked collection.
bool secretServiceCollectionLocked()
{
    const QString connectionName = QStringLiteral("convdesk-keychain-lock-probe");
    const QString service = QStringLiteral("org.freedesktop.secrets");
    bool locked = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
        QDBusConnectionInterface *busInterface = bus.isConnected() ? bus.interface() : nullptr;
        if (busInterface && busInterface->isServiceRegistered(service).value()) {
            QDBusMessage get = QDBusMessage::createMethodCall(
                service, QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
            get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
            const QDBusReply<QDBusVariant> reply = bus.call(get, QDBus::Block, 3000);
            locked = reply.isValid() && reply.value().variant().toBool();
        }
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return locked;
}
#else
constexpr bool RetryWhenDaemonMissing = false;

bool keychainServiceOnSessionBus()
{
    return true; // no D-Bus here: trust what QtKeychain reported
}

bool secretServiceCollectionLocked()
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
    if (RetryWhenDaemonMissing && !request->retried
        && (error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError)) {
        request->retried = true;
        QTimer::singleShot(m_retryDelay, this, [this, request] { start(request); });
        return;
    }

    const SecretResult result = resultFor(*request, job);
    request->secret.clear();
    if (!request->context)
        return; // the caller is gone; nobody to tell
    // Queued, so the callback never runs inside the caller's own read()/write() call.
    QMetaObject::invokeMethod(
        request->context.data(),
        [callback = std::move(request->callback), result] { callback(result); },
        Qt::QueuedConnection);
}

SecretResult KeychainSecretStore::resultFor(const Request &request, QKeychain::Job *job) const
{
    const QKeychain::Error error = job->error();
    // A removal from a locked collection reports success: ask about the lock then too.
    const bool mayBeLocked = error == QKeychain::NoError ? request.operation == Operation::Remove
                                                          : error != QKeychain::NoBackendAvailable
                                                                && error != QKeychain::NotImplemented;
    if (mayBeLocked && secretServiceCollectionLocked()) {
        SecretResult locked;
        locked.status = SecretStatus::AccessDenied;
        locked.message = tr("The keychain is locked, so the AppSecret of the profile \"%1\" cannot be read or "
                            "changed. Unlock it (log in to the desktop session, or use the keyring manager) and "
                            "try again.")
                             .arg(request.profileName);
        return locked;
    }
    switch (error) {
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
