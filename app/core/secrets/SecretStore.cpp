#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QEventLoop>

namespace convdesk {

namespace {

// The callback is queued to the loop object, so it runs inside exec() and nowhere else.
SecretResult runToCompletion(const std::function<void(QObject *, SecretStore::Callback)> &start)
{
    if (!QCoreApplication::instance())
        return SecretStore::failure(SecretStatus::Failed, {},
                                    SecretStore::tr("no application event loop exists"));
    QEventLoop loop;
    SecretResult result;
    bool finished = false;
    start(&loop, [&](const SecretResult &delivered) {
        result = delivered;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

} // namespace

SecretResult SecretStore::readBlocking(const QString &profileName)
{
    return runToCompletion([&](QObject *context, Callback callback) {
        read(profileName, context, std::move(callback));
    });
}

SecretResult SecretStore::writeBlocking(const QString &profileName, const QString &secret)
{
    return runToCompletion([&](QObject *context, Callback callback) {
        write(profileName, secret, context, std::move(callback));
    });
}

SecretResult SecretStore::removeBlocking(const QString &profileName)
{
    return runToCompletion([&](QObject *context, Callback callback) {
        remove(profileName, context, std::move(callback));
    });
}

SecretResult SecretStore::failure(SecretStatus status, const QString &profileName,
                                  const QString &detail)
{
    SecretResult result;
    result.status = status;
    switch (status) {
    case SecretStatus::Ok:
        break;
    case SecretStatus::NotFound:
        result.message = tr("No AppSecret is stored for the profile \"%1\"; enter it again.")
                             .arg(profileName);
        break;
    case SecretStatus::NoBackend:
        result.message = tr("No keychain service is available (for example gnome-keyring or "
                            "KWallet); the secret was not stored.");
        break;
    case SecretStatus::AccessDenied:
        result.message = detail.isEmpty()
            ? tr("The keychain refused access; it may be locked. Unlock it and try again.")
            : tr("The keychain refused access (%1); it may be locked. Unlock it and try again.")
                  .arg(detail);
        break;
    case SecretStatus::Failed:
        result.message = detail.isEmpty()
            ? tr("The keychain reported an error.")
            : tr("The keychain reported an error: %1").arg(detail);
        break;
    }
    return result;
}

} // namespace convdesk
