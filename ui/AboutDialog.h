#pragma once

#include <QDialog>

namespace convdesk {

// Help → About: the version (from the CMake project version, through AppIdentity), the
// license, and the Qt and QtKeychain versions in use, which a bug report needs.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    // Shows the dialog through DialogHook.
    static void showAbout(QWidget *parent);

    // The program, Qt (run-time and compile-time), QtKeychain, the keychain backend and the
    // platform, one a line: what "Copy version information" puts on the clipboard.
    static QString versionReport();

    // The keychain service that holds AppSecrets on this platform.
    static QString keychainBackend();
};

} // namespace convdesk
