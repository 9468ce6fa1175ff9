#include "secrets/InMemorySecretStore.h"

namespace convdesk {

void InMemorySecretStore::read(const QString &profileName, QObject *context, Callback callback)
{
    if (auto failed = takeInjectedFailure(profileName))
        return deliver(context, std::move(callback), *failed);
    const auto found = m_secrets.constFind(profileName);
    if (found == m_secrets.cend())
        return deliver(context, std::move(callback), failure(SecretStatus::NotFound, profileName));
    deliver(context, std::move(callback), SecretResult{SecretStatus::Ok, *found, {}});
}

void InMemorySecretStore::write(const QString &profileName, const QString &secret,
                                QObject *context, Callback callback)
{
    if (auto failed = takeInjectedFailure(profileName))
        return deliver(context, std::move(callback), *failed);
    m_secrets.insert(profileName, secret);
    deliver(context, std::move(callback), SecretResult{SecretStatus::Ok, {}, {}});
}

void InMemorySecretStore::remove(const QString &profileName, QObject *context, Callback callback)
{
    if (auto failed = takeInjectedFailure(profileName))
        return deliver(context, std::move(callback), *failed);
    m_secrets.remove(profileName); // removing a missing entry is not an error, as in the keychain
    deliver(context, std::move(callback), SecretResult{SecretStatus::Ok, {}, {}});
}

std::optional<SecretResult> InMemorySecretStore::takeInjectedFailure(const QString &profileName)
{
    if (!m_nextFailure)
        return std::nullopt;
    const SecretStatus status = *std::exchange(m_nextFailure, std::nullopt);
    return failure(status, profileName);
}

void InMemorySecretStore::deliver(QObject *context, Callback callback, const SecretResult &result)
{
    // Queued to the context: dropped by Qt if the context is destroyed first.
    QMetaObject::invokeMethod(
        context ? context : this,
        [callback = std::move(callback), result] { callback(result); }, Qt::QueuedConnection);
}

} // namespace convdesk
