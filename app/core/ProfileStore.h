#pragma once

#include "Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <optional>

class QSettings;

namespace convdesk {

// Profiles in QSettings (group "profiles/<name>"), never the secret.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
public:
    explicit ProfileStore(QSettings &settings);

    QStringList names() const;                  // sorted case-insensitively
    QList<Profile> profiles() const;
    std::optional<Profile> find(const QString &name) const;

    // Validates (name, AppKey, endpoint) and stores, replacing a profile of the same name;
    // refuses a name differing from an existing one only in case. False with a sentence in
    // *error. URLs are kept only for Region::Custom.
    bool save(const Profile &profile, QString *error = nullptr);
    bool remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);
    // The only profile, else the last used one if it still exists, else nullopt.
    std::optional<Profile> defaultProfile() const;

    static QString validateName(const QString &name); // empty when valid
    static QString validate(const Profile &profile);  // empty when valid

private:
    QSettings &m_settings;
};

} // namespace convdesk
