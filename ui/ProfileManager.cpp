#include "ProfileManager.h"

#include "ApiCall.h"
#include "ApiClient.h"
#include "ConversationId.h"
#include "CredentialCheck.h"
#include "DialogHook.h"
#include "ProfileStore.h"
#include "SecretStore.h"

#include <QInputDialog>
#include <QPointer>

namespace convdesk {

ProfileManager::ProfileManager(ProfileStore &store, SecretStore &secrets, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_store(store)
    , m_secrets(secrets)
    , m_dialogParent(dialogParent)
{
}

ProfileManager::~ProfileManager() = default;

void ProfileManager::addProfile()
{
    ProfileDialog dialog(ProfileDialog::Mode::Add, m_dialogParent);
    dialog.setExistingNames(m_store.names());
    dialog.setCredentialTester([this](const Profile &profile, const Credentials &credentials,
                                      const ProfileDialog::TestReport &report) {
        testCredentials(profile, credentials, report);
    });
    if (DialogHook::exec(&dialog) == QDialog::Accepted)
        saveFromDialog(dialog);
}

void ProfileManager::editProfile(const QString &name)
{
    const auto profile = m_store.find(name);
    if (!profile) {
        Q_EMIT problem(tr("The profile \"%1\" is no longer in the settings.").arg(name));
        return;
    }
    ProfileDialog dialog(ProfileDialog::Mode::Edit, m_dialogParent);
    dialog.setProfile(*profile);
    dialog.setCredentialTester([this](const Profile &entered, const Credentials &credentials,
                                      const ProfileDialog::TestReport &report) {
        testCredentials(entered, credentials, report);
    });
    if (DialogHook::exec(&dialog) == QDialog::Accepted)
        saveFromDialog(dialog);
}

void ProfileManager::removeProfile(const QString &name)
{
    const auto answer = DialogHook::question(
        m_dialogParent, tr("Remove profile"),
        tr("Remove the profile \"%1\"? Its AppSecret is deleted from the system keychain.").arg(name),
        QDialogButtonBox::Yes | QDialogButtonBox::Cancel, QDialogButtonBox::Cancel);
    if (answer != QDialogButtonBox::Yes)
        return;
    m_store.remove(name);
    m_secrets.remove(name, this, [this, name](const SecretResult &result) {
        if (!result.ok())
            Q_EMIT problem(tr("The profile was removed, but its AppSecret could not be deleted: %1")
                               .arg(result.message));
        Q_EMIT profileRemoved(name);
    });
}

void ProfileManager::saveFromDialog(const ProfileDialog &dialog)
{
    const Profile profile = dialog.profile();
    QString error;
    if (!m_store.save(profile, &error)) {
        Q_EMIT problem(tr("The profile could not be saved: %1").arg(error));
        return;
    }
    const QString secret = dialog.secret();
    if (secret.isEmpty()) { // an edit that keeps the stored secret
        Q_EMIT profileSaved(profile.name);
        return;
    }
    m_secrets.write(profile.name, secret, this, [this, name = profile.name](const SecretResult &result) {
        if (!result.ok())
            Q_EMIT problem(tr("The profile was saved, but its AppSecret was not: %1").arg(result.message));
        Q_EMIT profileSaved(name);
    });
}

void ProfileManager::testCredentials(const Profile &profile, const Credentials &credentials,
                                     const ProfileDialog::TestReport &report)
{
    if (!credentials.appSecret.isEmpty()) {
        runTest(profile, credentials, report);
        return;
    }
    m_secrets.read(profile.name, this, [this, profile, credentials, report](const SecretResult &result) {
        if (!result.ok()) {
            report(result.message, false);
            return;
        }
        runTest(profile, {credentials.appKey, result.secret}, report);
    });
}

void ProfileManager::runTest(const Profile &profile, const Credentials &credentials,
                             const ProfileDialog::TestReport &report)
{
    QString target = m_testIdSource ? m_testIdSource().trimmed() : QString();
    if (!ConversationId::parse(target)) {
        QInputDialog ask(m_dialogParent);
        ask.setObjectName(QStringLiteral("testTargetDialog"));
        ask.setWindowTitle(tr("Test credentials"));
        ask.setLabelText(tr("A conversation ID to fetch (account|type|target), or an account ID "
                            "whose conversations to list:"));
        ask.setTextValue(target);
        if (DialogHook::exec(&ask) != QDialog::Accepted) {
            report(tr("Test cancelled."), false);
            return;
        }
        target = ask.textValue().trimmed();
    }

    auto *client = new ApiClient(this);
    client->setEndpoint(profile.endpoint());
    client->setCredentials(credentials);
    ApiCall *call = nullptr;
    QString request;
    if (const auto id = ConversationId::parse(target)) {
        call = client->getConversation(*id);
        request = tr("GET %1").arg(id->toString());
    } else if (ConversationId::validateAccountId(target).isEmpty()) {
        call = client->listConversations(target, {}, 1);
        request = tr("list of %1").arg(target);
    } else {
        client->deleteLater();
        report(tr("\"%1\" is neither a conversation ID nor an account ID.").arg(target), false);
        return;
    }
    connect(call, &ApiCall::finished, client, [client, report, request](const ApiResult &result) {
        const CredentialVerdict verdict = CredentialCheck::assess(result, request);
        report(verdict.message, verdict.accepted());
        client->deleteLater();
    });
}

} // namespace convdesk
