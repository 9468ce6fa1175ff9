#include "platform/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace convdesk {

namespace {

constexpr QFileDevice::Permissions OwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions OwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

void setError(QString *error, const QString &text)
{
    if (error)
        *error = text;
}

} // namespace

bool PrivateFiles::ensurePrivateFolder(const QString &folder, QString *error)
{
    if (!QDir().mkpath(folder)) {
        setError(error, tr("The folder %1 could not be created.").arg(folder));
        return false;
    }
    if (!QFile::setPermissions(folder, OwnerFolder)) {
        setError(error, tr("The folder %1 could not be made private to its owner.").arg(folder));
        return false;
    }
    return true;
}

bool PrivateFiles::restrictToOwner(const QString &file, QString *error)
{
    QFile target(file);
    if (!target.setPermissions(OwnerFile)) {
        setError(error, tr("The file %1 could not be made private to its owner: %2").arg(file, target.errorString()));
        return false;
    }
    return true;
}

bool PrivateFiles::createOwnerOnly(const QString &file, QString *error)
{
    if (QFileInfo::exists(file))
        return true;
    QFile created(file);
    // NewOnly: never truncate a file that appeared meanwhile.
    if (!created.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerFile) && !QFileInfo::exists(file)) {
        setError(error, tr("The file %1 could not be created: %2").arg(file, created.errorString()));
        return false;
    }
    return true;
}

void PrivateFiles::withholdFromOthers(const QString &path)
{
#ifdef Q_OS_UNIX
    // chmod, not QFile::setPermissions: Qt folds the running user's rights into the owner's
    // (root would gain write permission on a read-only log).
    const QByteArray name = QFile::encodeName(path);
    struct stat status{};
    if (::stat(name.constData(), &status) == 0 && (status.st_mode & 077) != 0)
        ::chmod(name.constData(), status.st_mode & 07700);
#else
    Q_UNUSED(path);
#endif
}

bool PrivateFiles::prepareSettingsFile(const QSettings &settings, QString *error)
{
    const QString file = settings.fileName();
    return ensurePrivateFolder(QFileInfo(file).absolutePath(), error) && createOwnerOnly(file, error)
           && restrictToOwner(file, error);
}

} // namespace convdesk
