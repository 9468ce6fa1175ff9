#pragma once

#include "secrets/SecretStore.h"

#include <QPointer>

#include <chrono>
#include <memory>
#include <optional>

namespace QKeychain {
class Job;
}

namespace convdesk {

// AppSecrets in the OS keychain through QtKeychain (Secret Service/KWallet, macOS Keychain,
// Windows Credential Manager), one entry per profile name under one service name. The
// insecure plaintext fallback is off on every job: without a keychain nothing is stored.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)
public:
    static QString defaultServiceName(); // "ConversationDesk"
    // Nextcloud waits 10 s before its single retry; here someone is waiting on a dialog.
    static constexpr std::chrono::milliseconds DefaultRetryDelay{2000};
    // A local daemon answers the store's own D-Bus questions at once; one that does not is hung.
    static constexpr std::chrono::milliseconds DefaultProbeTimeout{1500};

    // Tests pass their own service name so they never touch the application's entries.
    explicit KeychainSecretStore(const QString &serviceName = defaultServiceName(),
                                 QObject *parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    // On Linux a job that fails because the keychain daemon is not up yet (for example
    // right after login) is retried once after this delay.
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    std::chrono::milliseconds retryDelay() const { return m_retryDelay; }

    // How long each D-Bus question about the keychain (is it there, is it locked) may take.
    void setProbeTimeout(std::chrono::milliseconds timeout) { m_probeTimeout = timeout; }
    std::chrono::milliseconds probeTimeout() const { return m_probeTimeout; }

    void read(const QString &profileName, QObject *context, Callback callback) override;
    void write(const QString &profileName, const QString &secret, QObject *context,
               Callback callback) override;
    void remove(const QString &profileName, QObject *context, Callback callback) override;

private:
    enum class Operation { Read, Write, Remove };
    struct Request
    {
        Operation operation;
        QString profileName;
        QString secret; // Write only
        QPointer<QObject> context;
        Callback callback;
        bool retried = false;
    };

    struct JobOutcome; // what a finished job said, kept after QtKeychain deletes the job

    QObject *orSelf(QObject *context) { return context ? context : this; }
    void start(const std::shared_ptr<Request> &request);
    void finish(const std::shared_ptr<Request> &request, QKeychain::Job *job);
    void afterLockProbe(const std::shared_ptr<Request> &request, const JobOutcome &outcome,
                        bool locked);
    void complete(const std::shared_ptr<Request> &request, const SecretResult &result);
    static std::optional<SecretResult> resultFor(const Request &request, const JobOutcome &outcome);
    static SecretResult lockedResult(const QString &profileName);
    SecretResult noAnswerResult(const QString &profileName) const;

    QString m_serviceName;
    std::chrono::milliseconds m_retryDelay = DefaultRetryDelay;
    std::chrono::milliseconds m_probeTimeout = DefaultProbeTimeout;
};

} // namespace convdesk
