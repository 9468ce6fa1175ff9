#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace convdesk {

enum class SecretStatus {
    Ok,
    NotFound,     // no secret stored for this profile: ask the user
    NoBackend,    // no keychain service is available; nothing was stored
    AccessDenied, // the keychain is locked or the user refused access
    Failed,       // any other keychain error
};

struct SecretResult
{
    SecretStatus status = SecretStatus::Failed;
    QString secret;   // only for a successful read
    QString message;  // a sentence for the user when status is not Ok

    bool ok() const { return status == SecretStatus::Ok; }
};

// Where AppSecrets live, keyed by profile name. The real implementation is the OS keychain
// (KeychainSecretStore); InMemorySecretStore serves the sandbox profile and tests that are
// about something else. Never a plaintext file.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;

    // The callback runs on the event loop, at most once, and not after context is destroyed.
    virtual void read(const QString &profileName, QObject *context, Callback callback) = 0;
    virtual void write(const QString &profileName, const QString &secret, QObject *context,
                       Callback callback) = 0;
    // Removing a profile that has no stored secret succeeds (Ok).
    virtual void remove(const QString &profileName, QObject *context, Callback callback) = 0;

    // Runs one job to completion in a local event loop (for the CLI; not for the GUI thread).
    SecretResult readBlocking(const QString &profileName);
    SecretResult writeBlocking(const QString &profileName, const QString &secret);
    SecretResult removeBlocking(const QString &profileName);

    // A failed result with the sentence every implementation uses for that status; detail is
    // the backend's own words, appended for AccessDenied and Failed.
    static SecretResult failure(SecretStatus status, const QString &profileName,
                                const QString &detail = {});
};

} // namespace convdesk
