#pragma once

#include "AboutDialog.h"
#include "ConflictDialog.h"
#include "ConversationIdBuilder.h"
#include "HistoryDialog.h"
#include "ProfileDialog.h"
#include "ProfileManagerDialog.h"
#include "SaveConfirmDialog.h"
#include "api/ConversationId.h"
#include "profiles/ProfileStore.h"
#include "secrets/InMemorySecretStore.h"
#include "session/GuardedSave.h"

#include <QStringList>

#include <memory>

namespace convdesk::test {

// Every dialog of the app, made the way the app makes it, for tests that walk all windows
// (translations, mnemonics, accessibility). `folder` holds what a dialog writes.
class AllWindows
{
public:
    static QStringList dialogNames()
    {
        return {QStringLiteral("about"),        QStringLiteral("profile add"),  QStringLiteral("profile edit"),
                QStringLiteral("profile manager"), QStringLiteral("save confirm"), QStringLiteral("save confirm json"),
                QStringLiteral("conflict"),     QStringLiteral("history"),      QStringLiteral("id builder")};
    }

    AllWindows(const QString &folder, const QString &conversationId, const QString &appKey)
        : m_folder(folder)
        , m_settings(folder + QStringLiteral("/dialogs.ini"), QSettings::IniFormat)
        , m_store(m_settings)
        , m_id(conversationId)
    {
        m_profile.name = QStringLiteral("生产环境");
        m_profile.appKey = appKey;
    }

    const Profile &profile() const { return m_profile; }

    std::unique_ptr<QWidget> make(const QString &dialog)
    {
        using namespace Qt::StringLiterals;
        if (dialog == "about"_L1)
            return std::make_unique<AboutDialog>();
        if (dialog == "profile add"_L1 || dialog == "profile edit"_L1) {
            auto profileDialog = std::make_unique<ProfileDialog>(dialog == "profile add"_L1 ? ProfileDialog::Mode::Add
                                                                                           : ProfileDialog::Mode::Edit);
            if (dialog == "profile edit"_L1)
                profileDialog->setProfile(m_profile);
            return profileDialog;
        }
        if (dialog == "profile manager"_L1) {
            m_store.save(m_profile);
            return std::make_unique<ProfileManagerDialog>(m_store, m_secrets);
        }
        if (dialog.startsWith("save confirm"_L1)) {
            const bool json = dialog.endsWith("json"_L1);
            return std::make_unique<SaveConfirmDialog>(SaveConfirmation{
                m_id, m_profile.name, m_profile.appKey, json ? u"{\"vip\":1}"_s : u"old note"_s,
                json ? u"{\"vip\":2}"_s : u"new note"_s, QString(), false});
        }
        if (dialog == "conflict"_L1) {
            SaveConflict conflict;
            conflict.id = *ConversationId::parse(m_id);
            conflict.loaded = u"{\"vip\":1}"_s;
            conflict.yours = u"{\"vip\":2}"_s;
            conflict.serverNow = u"{\"vip\":3}"_s;
            conflict.traceId = u"0123456789abcdef0123456789abcdef"_s;
            return std::make_unique<ConflictDialog>(conflict);
        }
        if (dialog == "history"_L1) {
            auto history = std::make_unique<HistoryDialog>();
            history->setLogPath(m_folder + u"/audit.jsonl"_s);
            return history;
        }
        if (dialog == "id builder"_L1)
            return std::make_unique<ConversationIdBuilder>();
        return nullptr;
    }

private:
    QString m_folder;
    QSettings m_settings;
    ProfileStore m_store;
    InMemorySecretStore m_secrets;
    Profile m_profile;
    QString m_id;
};

} // namespace convdesk::test
