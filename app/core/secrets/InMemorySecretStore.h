#pragma once

#include "secrets/SecretStore.h"

#include <QHash>

#include <optional>

namespace convdesk {

// Secrets held in this object only, gone when it is destroyed: for the sandbox profile and
// for tests about something other than the keychain. Asynchronous like the real store, so
// callers cannot come to rely on an immediate callback.
class InMemorySecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InMemorySecretStore)
public:
    using SecretStore::SecretStore;

    void read(const QString &profileName, QObject *context, Callback callback) override;
    void write(const QString &profileName, const QString &secret, QObject *context,
               Callback callback) override;
    void remove(const QString &profileName, QObject *context, Callback callback) override;

    bool contains(const QString &profileName) const { return m_secrets.contains(profileName); }
    qsizetype count() const { return m_secrets.size(); }

    // The next operation fails with this status (and its usual sentence) and changes
    // nothing, so callers' error paths can be exercised without breaking a real keychain.
    void failNextOperation(SecretStatus status)
    {
        m_nextFailure = status == SecretStatus::Ok ? std::nullopt : std::optional(status);
    }

private:
    void deliver(QObject *context, Callback callback, const SecretResult &result);
    std::optional<SecretResult> takeInjectedFailure(const QString &profileName);

    QHash<QString, QString> m_secrets;
    std::optional<SecretStatus> m_nextFailure;
};

} // namespace convdesk
