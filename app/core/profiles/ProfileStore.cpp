#include "profiles/ProfileStore.h"

#include "api/CaCertificateFile.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>

namespace convdesk {

namespace {

constexpr int MaxNameLength = 64;

QString profilesGroup() { return QStringLiteral("profiles"); }
QString groupFor(const QString &name) { return profilesGroup() + u'/' + name; }
QString lastUsedKey() { return QStringLiteral("lastUsedProfile"); }
QString regionKeyName() { return QStringLiteral("region"); }
QString baseUrlKey() { return QStringLiteral("baseUrl"); }
QString backupUrlKey() { return QStringLiteral("backupUrl"); }
QString appKeyKey() { return QStringLiteral("appKey"); }
QString caCertificateFileKey() { return QStringLiteral("caCertificateFile"); }
QString requireReasonKey() { return QStringLiteral("requireReason"); }
QString extensionSchemaKey() { return QStringLiteral("extensionSchema"); }

bool containsWhitespace(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

QStringList ProfileStore::names() const
{
    m_settings.beginGroup(profilesGroup());
    QStringList groups = m_settings.childGroups();
    m_settings.endGroup();
    // A hand-edited file may hold groups no profile could be saved under; skip them.
    groups.removeIf([](const QString &name) { return !validateName(name).isEmpty(); });
    std::sort(groups.begin(), groups.end(), [](const QString &a, const QString &b) {
        const int folded = a.compare(b, Qt::CaseInsensitive);
        return folded != 0 ? folded < 0 : a < b;
    });
    return groups;
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> result;
    for (const QString &name : names()) {
        if (auto profile = find(name))
            result.append(*profile);
    }
    return result;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    if (!validateName(name).isEmpty() || !entryProblem(name).isEmpty())
        return std::nullopt;
    m_settings.beginGroup(groupFor(name));
    const bool exists = m_settings.contains(regionKeyName());
    Profile profile;
    profile.name = name;
    // An unknown region is not guessed: requests must not go to a place nobody chose.
    const bool regionKnown =
        regionFromKey(m_settings.value(regionKeyName()).toString(), &profile.region);
    if (profile.region == Region::Custom) {
        profile.baseUrl = QUrl(m_settings.value(baseUrlKey()).toString());
        profile.backupUrl = QUrl(m_settings.value(backupUrlKey()).toString());
    }
    profile.appKey = m_settings.value(appKeyKey()).toString();
    profile.caCertificateFile = m_settings.value(caCertificateFileKey()).toString();
    profile.requireReason = m_settings.value(requireReasonKey(), false).toBool();
    profile.extensionSchemaFile = m_settings.value(extensionSchemaKey()).toString();
    m_settings.endGroup();
    if (!exists || !regionKnown)
        return std::nullopt;
    return profile;
}

std::optional<QString> ProfileStore::existingName(const QString &name) const
{
    for (const QString &existing : names()) {
        if (existing.compare(name, Qt::CaseInsensitive) == 0)
            return existing;
    }
    return std::nullopt;
}

QString ProfileStore::entryProblem(const QString &name) const
{
    if (!validateName(name).isEmpty())
        return {};
    m_settings.beginGroup(profilesGroup());
    const bool stored = m_settings.childGroups().contains(name);
    m_settings.endGroup();
    if (!stored)
        return {};
    m_settings.beginGroup(groupFor(name));
    const QString regionText = m_settings.value(regionKeyName()).toString();
    Region region = Region::Mainland;
    const bool regionKnown = regionFromKey(regionText, &region);
    const bool hasAppKey = !m_settings.value(appKeyKey()).toString().isEmpty();
    const bool hasBaseUrl = !m_settings.value(baseUrlKey()).toString().isEmpty();
    m_settings.endGroup();
    QString missing;
    if (!regionKnown)
        missing = regionText.isEmpty() ? tr("it has no region")
                                       : tr("its region \"%1\" is unknown").arg(regionText);
    else if (!hasAppKey)
        missing = tr("it has no AppKey");
    else if (region == Region::Custom && !hasBaseUrl)
        missing = tr("it has no base URL");
    if (missing.isEmpty())
        return {};
    return tr("The settings file %1 is damaged: the profile \"%2\" cannot be used because %3. "
              "Remove the profile and add it again.").arg(m_settings.fileName(), name, missing);
}

bool ProfileStore::save(const Profile &profile, QString *error, const QString &replacing)
{
    if (QString problem = validate(profile); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    // Windows settings and credential stores ignore case: keep names distinct everywhere.
    for (const QString &existing : names()) {
        if (existing != profile.name && existing != replacing
            && existing.compare(profile.name, Qt::CaseInsensitive) == 0) {
            if (error)
                *error = tr("A profile named \"%1\" already exists; names that differ only in "
                            "upper and lower case are not allowed.").arg(existing);
            return false;
        }
    }
    // Rewritten whole, so a backup URL cleared in the editor does not linger.
    if (!replacing.isEmpty() && replacing != profile.name
        && replacing.compare(profile.name, Qt::CaseInsensitive) == 0) {
        m_settings.remove(groupFor(replacing));
        if (lastUsed() == replacing)
            setLastUsed(profile.name);
    }
    m_settings.remove(groupFor(profile.name));
    m_settings.beginGroup(groupFor(profile.name));
    m_settings.setValue(regionKeyName(), regionKey(profile.region));
    if (profile.region == Region::Custom) {
        m_settings.setValue(baseUrlKey(), profile.baseUrl.toString());
        if (!profile.backupUrl.isEmpty())
            m_settings.setValue(backupUrlKey(), profile.backupUrl.toString());
    }
    m_settings.setValue(appKeyKey(), profile.appKey);
    if (!profile.caCertificateFile.isEmpty())
        m_settings.setValue(caCertificateFileKey(), profile.caCertificateFile);
    if (profile.requireReason)
        m_settings.setValue(requireReasonKey(), true);
    if (!profile.extensionSchemaFile.isEmpty())
        m_settings.setValue(extensionSchemaKey(), profile.extensionSchemaFile);
    m_settings.endGroup();
    const std::optional<Profile> expected = find(profile.name);
    const QString problem = writeToDisk([&](const ProfileStore &onDisk) {
        return onDisk.find(profile.name) == expected;
    });
    if (!problem.isEmpty()) {
        if (error)
            *error = tr("The profile \"%1\" was not saved: %2").arg(profile.name, problem);
        return false;
    }
    return true;
}

bool ProfileStore::remove(const QString &name)
{
    // By name, not find(): an entry with an unreadable region must still be removable.
    if (!names().contains(name))
        return false;
    m_settings.remove(groupFor(name));
    if (lastUsed() == name)
        m_settings.remove(lastUsedKey());
    return writeToDisk([&](const ProfileStore &onDisk) { return !onDisk.names().contains(name); })
        .isEmpty();
}

QString ProfileStore::settingsProblem() const
{
    switch (m_settings.status()) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        return tr("The settings file %1 cannot be read or written; check its permissions and the "
                  "free disk space.").arg(m_settings.fileName());
    case QSettings::FormatError:
        return tr("The settings file %1 is damaged. The profiles that could be read are listed; "
                  "saving a profile rewrites the file with only those.").arg(m_settings.fileName());
    }
    QStringList damaged;
    for (const QString &name : names()) {
        if (QString problem = entryProblem(name); !problem.isEmpty())
            damaged.append(problem);
    }
    return damaged.join(u'\n');
}

QString ProfileStore::writeToDisk(const std::function<bool(const ProfileStore &)> &reachedDisk)
{
    m_settings.sync();
    switch (m_settings.status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return tr("the settings file %1 cannot be written (no permission, a read-only location or "
                  "a full disk).").arg(m_settings.fileName());
    case QSettings::FormatError:
        break;
    }
    // QSettings reports a file that was damaged when read for good, even after sync() has
    // rewritten it, and then no longer reports write errors: look at what is on disk.
    QFile file(m_settings.fileName());
    QTemporaryDir scratch;
    if (file.open(QIODevice::ReadOnly) && scratch.isValid()) {
        const QString copyPath = scratch.filePath(QStringLiteral("check.ini"));
        QFile copy(copyPath);
        if (copy.open(QIODevice::WriteOnly) && copy.write(file.readAll()) >= 0 && copy.flush()) {
            copy.close();
            QSettings copySettings(copyPath, m_settings.format());
            if (reachedDisk(ProfileStore(copySettings)))
                return {};
        }
    }
    return tr("the settings file %1 is damaged and could not be rewritten; move it away and try "
              "again.").arg(m_settings.fileName());
}

QString ProfileStore::lastUsed() const
{
    return m_settings.value(lastUsedKey()).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings.setValue(lastUsedKey(), name);
}

std::optional<Profile> ProfileStore::defaultProfile() const
{
    const QStringList all = names();
    if (all.size() == 1)
        return find(all.first());
    if (const QString last = lastUsed(); !last.isEmpty())
        return find(last);
    return std::nullopt;
}

QString ProfileStore::validateName(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a profile name.");
    if (name.trimmed().isEmpty())
        return tr("The profile name consists only of spaces; enter a name.");
    if (name.size() > MaxNameLength)
        return tr("The profile name is %1 characters long; at most %2 are allowed.")
            .arg(name.size())
            .arg(MaxNameLength);
    if (name.contains(u'/') || name.contains(u'\\'))
        return tr("The profile name \"%1\" contains a slash or backslash, which are not allowed.")
            .arg(name);
    if (name.front().isSpace() || name.back().isSpace())
        return tr("The profile name \"%1\" starts or ends with a space; remove it.").arg(name);
    const auto isControl = [](QChar c) { return c.category() == QChar::Other_Control; };
    if (std::any_of(name.cbegin(), name.cend(), isControl))
        return tr("The profile name contains a control character such as a line break.");
    return {};
}

QString ProfileStore::validate(const Profile &profile)
{
    if (QString problem = validateName(profile.name); !problem.isEmpty())
        return problem;
    if (profile.appKey.isEmpty())
        return tr("Enter the AppKey of the Yunxin application.");
    if (containsWhitespace(profile.appKey))
        return tr("The AppKey contains a space or line break; paste it without them.");
    if (profile.region == Region::Custom) {
        if (profile.baseUrl.isEmpty())
            return tr("A custom region needs a base URL such as https://api.example.com.");
        if (QString problem = ApiEndpoint::validateBaseUrl(profile.baseUrl); !problem.isEmpty())
            return problem;
        if (!profile.backupUrl.isEmpty()) {
            if (QString problem = ApiEndpoint::validateBaseUrl(profile.backupUrl);
                !problem.isEmpty())
                return tr("Backup URL: %1").arg(problem);
        }
    }
    if (!profile.caCertificateFile.isEmpty()) {
        QString problem;
        if (!CaCertificateFile::load(profile.caCertificateFile, &problem))
            return problem;
    }
    return {};
}

} // namespace convdesk
