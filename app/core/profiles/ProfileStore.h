#pragma once

#include "profiles/Profile.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

class QSettings;

namespace convdesk {

// Profiles in QSettings (group "profiles/<name>"), never the secret.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
public:
    explicit ProfileStore(QSettings &settings);

    QStringList names() const;                  // sorted case-insensitively, damaged entries too
    QList<Profile> profiles() const;            // the entries that can be used
    // nullopt for an unknown name and for a damaged entry (see entryProblem()).
    std::optional<Profile> find(const QString &name) const;
    // The stored name equal to `name` ignoring case, if any.
    std::optional<QString> existingName(const QString &name) const;
    // Why the stored entry `name` cannot be used (a key missing or unreadable), naming the
    // settings file; empty when it is sound or does not exist.
    QString entryProblem(const QString &name) const;

    // Validates (name, AppKey, endpoint) and stores, replacing a profile of the same name;
    // refuses a name differing from an existing one only in case, unless that one is
    // `replacing`, which is then removed in the same write. False with a sentence in *error.
    // URLs are kept only for Region::Custom.
    // Also false when the settings cannot be written (read-only file, full disk).
    bool save(const Profile &profile, QString *error = nullptr, const QString &replacing = {});
    bool remove(const QString &name);

    // A sentence when the settings file is damaged (unparsable, or an entry lacks required
    // keys) or unreadable, naming its path; empty when it is fine.
    QString settingsProblem() const;

    QString lastUsed() const;
    void setLastUsed(const QString &name);
    // The only profile, else the last used one if it still exists, else nullopt.
    std::optional<Profile> defaultProfile() const;

    static QString validateName(const QString &name); // empty when valid
    static QString validate(const Profile &profile);  // empty when valid

private:
    // sync(), then the reason the change did not reach the disk, or empty.
    QString writeToDisk(const std::function<bool(const ProfileStore &onDisk)> &reachedDisk);

    QSettings &m_settings;
};

} // namespace convdesk
