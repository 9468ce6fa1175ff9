#pragma once

#include "api/Credentials.h"
#include "profiles/Profile.h"

#include <QDialog>
#include <QStringList>

#include <functional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace convdesk {

class SchemaFileField;

// Adds or edits a connection profile. The AppSecret is typed into a password field and
// handed to the owner, which puts it in the keychain; a stored secret is never shown.
// "Test credentials" calls a function the owner provides, so the dialog has no network code.
// A private deployment may name a file of CA certificates to trust besides the system's; a
// team may name a JSON Schema file for server_extension, which must be a valid schema.
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)
public:
    enum class Mode { Add, Edit };

    using TestReport = std::function<void(const QString &message, bool ok)>;
    // Makes one signed call with the entered values and calls the report exactly once, now
    // or later. In edit mode an untouched secret field gives credentials with an empty
    // appSecret: the tester then uses the secret stored in the keychain.
    using CredentialTester = std::function<void(const Profile &, const Credentials &, TestReport)>;

    explicit ProfileDialog(Mode mode, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    Mode mode() const { return m_mode; }

    // "Mainland China", "Overseas (Singapore)", "Custom URL": the words the region combo uses.
    static QString regionName(Region region);

    // Fills the fields. In edit mode the name is read-only: the keychain entry is filed
    // under it, so a rename would leave the secret behind.
    void setProfile(const Profile &profile);
    // Names already taken; an added profile may not reuse one.
    void setExistingNames(const QStringList &names);
    void setCredentialTester(CredentialTester tester);

    Profile profile() const;
    QString secret() const; // empty in edit mode = keep the stored secret
    QString validationError() const; // empty when OK may be pressed

public Q_SLOTS:
    void accept() override;
    void testCredentials();
    void browseCaFile();

private:
    Region currentRegion() const;
    void onRegionChanged();
    void onInputChanged();
    void updateState();
    void showTestResult(const QString &message, bool ok);

    Mode m_mode;
    QLineEdit *m_name;
    QComboBox *m_region;
    QLineEdit *m_baseUrl;
    QLineEdit *m_backupUrl;
    QLineEdit *m_appKey;
    QLineEdit *m_secret;
    QLineEdit *m_caFile;
    QPushButton *m_caFileBrowse;
    SchemaFileField *m_schemaFile;
    QCheckBox *m_requireReason;
    QLabel *m_error;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;

    QStringList m_existingNames;
    CredentialTester m_tester;
    QString m_customBaseUrl; // what was typed for Custom, kept while another region is shown
    QString m_customBackupUrl;
    Region m_shownRegion = Region::Mainland;
    mutable QString m_checkedCaFile; // the CA file path last read, and what was wrong with it
    mutable QString m_caFileProblem;
    quint64 m_testGeneration = 0; // a report for an older generation is stale
    bool m_testing = false;
};

} // namespace convdesk
