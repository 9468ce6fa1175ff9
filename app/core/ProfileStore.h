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

    // Validates (name, AppKey, endpoint) and stores; false with a sentence in *error.
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
