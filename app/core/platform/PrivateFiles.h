#pragma once

#include <QCoreApplication>
#include <QString>

class QSettings;

namespace convdesk {

// Files only their owner may read: the settings file (AppKeys, endpoints, CA paths) and the
// audit log (conversation IDs and extension values). Any code that creates such a file:
//
//     QString error;
//     if (!PrivateFiles::ensurePrivateFolder(QFileInfo(path).absolutePath(), &error)) ...
//     ... create and write the file ...
//     PrivateFiles::restrictToOwner(path, &error);
//
// On Unix the folder gets mode 0700 and the file 0600 (chmod, so also when they already
// existed with wider modes); elsewhere Qt's nearest permissions. Parents created on the way
// keep the usual modes: only the last folder is the application's own.
class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)
public:
    // Creates `folder` (and missing parents) and makes it owner-only. False with a sentence
    // naming the folder in *error.
    static bool ensurePrivateFolder(const QString &folder, QString *error = nullptr);
    // Makes an existing file owner-only (read and write). False with a sentence in *error.
    static bool restrictToOwner(const QString &file, QString *error = nullptr);
    // Creates `file` empty and owner-only unless it exists, so that later writes (QSaveFile
    // keeps the mode of the file it replaces) never leave it readable by others. Its folder
    // must exist. False with a sentence in *error.
    static bool createOwnerOnly(const QString &file, QString *error = nullptr);
    // Takes from an existing file or folder whatever its group and others may do, and grants
    // nothing: a log an administrator made read-only stays read-only (ensurePrivateFolder and
    // restrictToOwner set the owner's rights too). Best effort; Unix only.
    static void withholdFromOthers(const QString &path);

    // For QSettings in the native or ini format, before anything is written: the folder of
    // settings.fileName() owner-only, and the file created owner-only if missing. Call
    // restrictToOwner(settings.fileName()) again after the last sync() to be sure.
    static bool prepareSettingsFile(const QSettings &settings, QString *error = nullptr);
};

} // namespace convdesk
