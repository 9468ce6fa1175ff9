#include "secrets/KeychainSecretStore.h"

#include "secrets/SecretServiceProbe.h"

#include <qt6keychain/keychain.h>

#include <QLocale>
#include <QTimer>

namespace convdesk {

using SecretServiceProbe::Answer;

namespace {
#ifdef CONVDESK_HAVE_QTDBUS
// The daemon may start a moment after the session (Nextcloud sees this at login).
constexpr bool RetryWhenDaemonMissing = true;
#else
constexpr bool RetryWhenDaemonMissing = false;
#endif
} // namespace

struct KeychainSecretStore::JobOutcome
{
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString text; // a successful read's secret
};

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
    JobOutcome outcome{job->error(), job->errorString(), {}};
    if (outcome.error == QKeychain::NoError && request->operation == Operation::Read)
        outcome.text = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();

    // A removal from a locked collection reports success, a read of a locked entry "not
    // found": ask about the lock then too, and before a retry, which would not help.
    const bool mayBeLocked = outcome.error == QKeychain::NoError
        ? request->operation == Operation::Remove
        : outcome.error != QKeychain::NoBackendAvailable && outcome.error != QKeychain::NotImplemented;
    if (!mayBeLocked) {
        afterLockProbe(request, outcome, false);
        return;
    }
    SecretServiceProbe::askHoldsLocked(
        m_serviceName, request->profileName, request->operation == Operation::Write, m_probeTimeout,
        this, [this, request, outcome](Answer answer) {
            if (answer == Answer::NoReply)
                complete(request, noAnswerResult(request->profileName));
            else
                afterLockProbe(request, outcome, answer == Answer::Yes);
        });
}

void KeychainSecretStore::afterLockProbe(const std::shared_ptr<Request> &request,
                                         const JobOutcome &outcome, bool locked)
{
    if (locked) {
        complete(request, lockedResult(request->profileName));
        return;
    }
    if (RetryWhenDaemonMissing && !request->retried
        && (outcome.error == QKeychain::NoBackendAvailable || outcome.error == QKeychain::OtherError)) {
        request->retried = true;
        QTimer::singleShot(m_retryDelay, this, [this, request] { start(request); });
        return;
    }
    if (const std::optional<SecretResult> result = resultFor(*request, outcome)) {
        complete(request, *result);
        return;
    }
    // libsecret reports "no session bus" or "no Secret Service" as a generic error.
    SecretServiceProbe::askServiceAvailable(
        m_probeTimeout, this, [this, request, detail = outcome.errorString](Answer answer) {
            switch (answer) {
            case Answer::NoReply:
                complete(request, noAnswerResult(request->profileName));
                break;
            case Answer::No:
                complete(request, failure(SecretStatus::NoBackend, request->profileName));
                break;
            case Answer::Yes:
                complete(request, failure(SecretStatus::Failed, request->profileName, detail));
                break;
            }
        });
}

void KeychainSecretStore::complete(const std::shared_ptr<Request> &request, const SecretResult &result)
{
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

SecretResult KeychainSecretStore::noAnswerResult(const QString &profileName) const
{
    SecretResult noAnswer;
    noAnswer.status = SecretStatus::Failed;
    noAnswer.message = tr("The keychain service did not answer within %1 s, so it is not known whether "
                          "the AppSecret of the profile \"%2\" was read or changed. Try again; if this "
                          "keeps happening, restart the keyring daemon or log in to the desktop session "
                          "again.")
                           .arg(QLocale().toString(double(m_probeTimeout.count()) / 1000.0, 'g', 3),
                                profileName);
    return noAnswer;
}

std::optional<SecretResult> KeychainSecretStore::resultFor(const Request &request,
                                                           const JobOutcome &outcome)
{
    switch (outcome.error) {
    case QKeychain::NoError: {
        SecretResult result;
        result.status = SecretStatus::Ok;
        result.secret = outcome.text;
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
        return failure(SecretStatus::AccessDenied, request.profileName, outcome.errorString);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return std::nullopt; // whether a keychain service is there at all decides
}

} // namespace convdesk
