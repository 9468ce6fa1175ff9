#include "CredentialTester.h"

#include "DialogHook.h"
#include "api/ApiCall.h"
#include "api/ApiClient.h"
#include "api/ConversationId.h"
#include "api/CredentialCheck.h"
#include "secrets/SecretStore.h"

#include <QInputDialog>

namespace convdesk {

CredentialTester::CredentialTester(SecretStore &secrets, IdSource idSource, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_secrets(secrets)
    , m_idSource(std::move(idSource))
    , m_dialogParent(dialogParent)
{
}

CredentialTester::~CredentialTester() = default;

ProfileDialog::CredentialTester CredentialTester::function()
{
    return [this](const Profile &profile, const Credentials &credentials, const ProfileDialog::TestReport &report) {
        test(profile, credentials, report);
    };
}

void CredentialTester::test(const Profile &profile, const Credentials &credentials,
                            const ProfileDialog::TestReport &report)
{
    if (!credentials.appSecret.isEmpty()) {
        run(profile, credentials, report);
        return;
    }
    m_secrets.read(profile.name, this, [this, profile, credentials, report](const SecretResult &result) {
        if (!result.ok()) {
            report(result.message, false);
            return;
        }
        run(profile, {credentials.appKey, result.secret}, report);
    });
}

void CredentialTester::run(const Profile &profile, const Credentials &credentials,
                           const ProfileDialog::TestReport &report)
{
    QString target = m_idSource ? m_idSource().trimmed() : QString();
    if (!ConversationId::parse(target)) {
        QInputDialog ask(m_dialogParent);
        ask.setObjectName(QStringLiteral("testTargetDialog"));
        ask.setWindowTitle(tr("Test credentials"));
        ask.setLabelText(tr("A conversation ID to fetch (account|type|target), or an account ID "
                            "whose conversations to list:"));
        ask.setTextValue(target);
        if (DialogHook::exec(&ask) != QDialog::Accepted) {
            report(tr("Test cancelled; nothing was sent."), false);
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
        report(tr("\"%1\" is neither a conversation ID nor an account ID; nothing was sent.").arg(target), false);
        return;
    }
    connect(call, &ApiCall::finished, client, [client, report, request](const ApiResult &result) {
        const CredentialVerdict verdict = CredentialCheck::assess(result, request);
        report(verdict.message, verdict.accepted());
        client->deleteLater();
    });
}

} // namespace convdesk
