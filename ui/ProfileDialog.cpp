#include "ProfileDialog.h"

#include "DialogHook.h"
#include "SchemaFileField.h"
#include "api/CaCertificateFile.h"
#include "profiles/ProfileStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace convdesk {

namespace {

QUrl urlFromField(const QLineEdit *field)
{
    const QString text = field->text().trimmed();
    return text.isEmpty() ? QUrl() : QUrl(text, QUrl::StrictMode);
}

void setEmphasis(QLabel *label, bool emphasis)
{
    QFont font = label->font();
    font.setBold(emphasis);
    label->setFont(font);
}

// Wide enough that the hint in an empty field is read whole, in whichever language.
void fitPlaceholder(QLineEdit *field)
{
    constexpr int FrameAndPadding = 24; // the line edit's frame and text margins, with room
    field->setMinimumWidth(field->fontMetrics().horizontalAdvance(field->placeholderText()) + FrameAndPadding);
}

} // namespace

ProfileDialog::ProfileDialog(Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_name(new QLineEdit(this))
    , m_region(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_backupUrl(new QLineEdit(this))
    , m_appKey(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_caFileBrowse(new QPushButton(tr("Bro&wse…"), this))
    , m_schemaFile(new SchemaFileField(this))
    , m_requireReason(new QCheckBox(tr("Re&quire a reason for every save"), this))
    , m_error(new QLabel(this))
    , m_testButton(new QPushButton(tr("&Test credentials"), this))
    , m_testResult(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(mode == Mode::Add ? tr("Add profile") : tr("Edit profile"));

    m_name->setObjectName(QStringLiteral("profileName"));
    m_name->setPlaceholderText(tr("e.g. Production"));
    m_region->setObjectName(QStringLiteral("profileRegion"));
    for (Region region : {Region::Mainland, Region::Overseas, Region::Custom})
        m_region->addItem(regionName(region), int(region));
    m_baseUrl->setObjectName(QStringLiteral("profileBaseUrl"));
    m_baseUrl->setPlaceholderText(tr("https://api.example.com"));
    m_backupUrl->setObjectName(QStringLiteral("profileBackupUrl"));
    m_backupUrl->setPlaceholderText(tr("optional"));
    m_appKey->setObjectName(QStringLiteral("profileAppKey"));
    m_secret->setObjectName(QStringLiteral("profileSecret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(mode == Mode::Edit ? tr("unchanged — stored in the keychain")
                                                    : tr("stored in the keychain, never shown again"));
    m_caFile->setObjectName(QStringLiteral("profileCaFile"));
    m_caFile->setPlaceholderText(tr("optional: PEM or DER file, for a private deployment"));
    m_caFile->setToolTip(tr("Certificate authorities to trust besides the system's, for a server whose "
                            "certificate an in-house CA signed. Certificate errors are never ignored."));
    m_caFileBrowse->setObjectName(QStringLiteral("profileCaFileBrowse"));
    m_caFileBrowse->setAutoDefault(false);
    m_requireReason->setObjectName(QStringLiteral("requireReasonCheck"));
    m_requireReason->setToolTip(tr("Saves with this profile stay disabled until a reason (a ticket or a note) "
                                   "is entered; it is recorded in the audit log."));
    m_error->setObjectName(QStringLiteral("profileError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_testButton->setObjectName(QStringLiteral("testCredentialsButton"));
    m_testButton->setAutoDefault(false);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->setObjectName(QStringLiteral("profileButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("profileOkButton"));

    for (QLineEdit *field : {m_secret, m_caFile})
        fitPlaceholder(field);

    auto *form = new QFormLayout;
    const auto addRow = [&](const QString &label, QWidget *field) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(field);
        form->addRow(caption, field);
    };
    addRow(tr("&Name:"), m_name);
    addRow(tr("&Region:"), m_region);
    addRow(tr("&Base URL:"), m_baseUrl);
    addRow(tr("Backu&p URL:"), m_backupUrl);
    addRow(tr("App&Key:"), m_appKey);
    addRow(tr("App&Secret:"), m_secret);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_caFileBrowse);
    auto *caCaption = new QLabel(tr("&CA certificates:"), this);
    caCaption->setBuddy(m_caFile);
    form->addRow(caCaption, caRow);
    addRow(tr("Server e&xtension schema:"), m_schemaFile);
    form->addRow(QString(), m_requireReason);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_region);
    setTabOrder(m_region, m_baseUrl);
    setTabOrder(m_baseUrl, m_backupUrl);
    setTabOrder(m_backupUrl, m_appKey);
    setTabOrder(m_appKey, m_secret);
    setTabOrder(m_secret, m_caFile);
    setTabOrder(m_caFile, m_caFileBrowse);
    setTabOrder(m_caFileBrowse, m_schemaFile->lineEdit());
    setTabOrder(m_schemaFile->lineEdit(), m_schemaFile->button());
    setTabOrder(m_schemaFile->button(), m_requireReason);
    setTabOrder(m_requireReason, m_testButton);

    for (QLineEdit *field : {m_name, m_baseUrl, m_backupUrl, m_appKey, m_secret, m_caFile})
        connect(field, &QLineEdit::textEdited, this, &ProfileDialog::onInputChanged);
    connect(m_caFileBrowse, &QPushButton::clicked, this, &ProfileDialog::browseCaFile);
    connect(m_schemaFile, &SchemaFileField::changed, this, &ProfileDialog::updateState);
    connect(m_region, &QComboBox::currentIndexChanged, this, &ProfileDialog::onRegionChanged);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testCredentials);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);

    onRegionChanged();
}

ProfileDialog::~ProfileDialog() = default;

QString ProfileDialog::regionName(Region region)
{
    switch (region) {
    case Region::Mainland: return tr("Mainland China");
    case Region::Overseas: return tr("Overseas (Singapore)");
    case Region::Custom: return tr("Custom URL");
    }
    return {};
}

void ProfileDialog::setProfile(const Profile &profile)
{
    m_name->setText(profile.name);
    m_name->setReadOnly(m_mode == Mode::Edit);
    if (m_mode == Mode::Edit)
        m_name->setToolTip(tr("The secret is filed under this name in the keychain; to rename, "
                              "add a new profile and remove this one."));
    m_appKey->setText(profile.appKey);
    m_caFile->setText(QDir::toNativeSeparators(profile.caCertificateFile));
    m_schemaFile->setFilePath(profile.extensionSchemaFile);
    m_requireReason->setChecked(profile.requireReason);
    m_customBaseUrl = profile.region == Region::Custom ? profile.baseUrl.toString() : QString();
    m_customBackupUrl = profile.region == Region::Custom ? profile.backupUrl.toString() : QString();
    // Shown as "not Custom" first so that onRegionChanged() fills the custom fields.
    m_shownRegion = Region::Mainland;
    {
        const QSignalBlocker blocker(m_region);
        m_region->setCurrentIndex(m_region->findData(int(profile.region)));
    }
    onRegionChanged();
}

void ProfileDialog::setExistingNames(const QStringList &names)
{
    m_existingNames = names;
    updateState();
}

void ProfileDialog::setCredentialTester(CredentialTester tester)
{
    m_tester = std::move(tester);
    updateState();
}

Region ProfileDialog::currentRegion() const
{
    return Region(m_region->currentData().toInt());
}

Profile ProfileDialog::profile() const
{
    Profile result;
    result.name = m_name->text();
    result.region = currentRegion();
    if (result.region == Region::Custom) {
        result.baseUrl = urlFromField(m_baseUrl);
        result.backupUrl = urlFromField(m_backupUrl);
    }
    result.appKey = m_appKey->text();
    const QString caFile = m_caFile->text().trimmed();
    result.caCertificateFile =
        caFile.isEmpty() ? QString() : QFileInfo(QDir::fromNativeSeparators(caFile)).absoluteFilePath();
    result.extensionSchemaFile = m_schemaFile->filePath();
    result.requireReason = m_requireReason->isChecked();
    return result;
}

QString ProfileDialog::secret() const
{
    return m_secret->text();
}

QString ProfileDialog::validationError() const
{
    Profile entered = profile();
    // The CA file is read once per path, not on every keystroke in any field; the store
    // reads it afresh when the profile is saved.
    const QString caFile = std::exchange(entered.caCertificateFile, QString());
    if (QString problem = ProfileStore::validate(entered); !problem.isEmpty())
        return problem;
    if (caFile != m_checkedCaFile) {
        m_checkedCaFile = caFile;
        m_caFileProblem.clear();
        if (!caFile.isEmpty())
            CaCertificateFile::load(caFile, &m_caFileProblem);
    }
    if (!m_caFileProblem.isEmpty())
        return m_caFileProblem;
    if (!m_schemaFile->problem().isEmpty()) // an empty field is no schema, not a problem
        return m_schemaFile->problem();
    if (m_mode == Mode::Add) {
        for (const QString &existing : m_existingNames) {
            // Settings groups on some platforms ignore case, so names must differ by more.
            if (existing.compare(entered.name, Qt::CaseInsensitive) == 0)
                return tr("A profile named \"%1\" already exists.").arg(existing);
        }
        if (secret().isEmpty())
            return tr("Enter the AppSecret; it is kept in the system keychain.");
    }
    if (std::any_of(secret().cbegin(), secret().cend(), [](QChar c) { return c.isSpace(); }))
        return tr("The AppSecret contains a space or line break; paste it without them.");
    return {};
}

void ProfileDialog::accept()
{
    if (!validationError().isEmpty())
        return;
    QDialog::accept();
}

void ProfileDialog::testCredentials()
{
    if (!m_tester || m_testing || !validationError().isEmpty())
        return;
    m_testing = true;
    const quint64 generation = ++m_testGeneration;
    showTestResult(tr("Testing…"), true);
    updateState();

    const Profile entered = profile();
    const Credentials credentials{entered.appKey, secret()};
    QPointer<ProfileDialog> self(this);
    m_tester(entered, credentials, [self, generation](const QString &message, bool ok) {
        // The dialog may be gone, or the fields changed since the test started.
        if (!self || generation != self->m_testGeneration)
            return;
        self->m_testing = false;
        self->showTestResult(message, ok);
        self->updateState();
    });
}

void ProfileDialog::browseCaFile()
{
    const QString current = m_caFile->text().trimmed();
    const QString startFolder = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = DialogHook::getOpenFileName(this, tr("CA certificates for this profile"), startFolder,
                                                     tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
    if (path.isEmpty())
        return; // cancelled: keep what was there
    m_caFile->setText(QDir::toNativeSeparators(path));
    onInputChanged();
}

void ProfileDialog::onRegionChanged()
{
    const Region region = currentRegion();
    if (m_shownRegion == Region::Custom && region != Region::Custom) {
        m_customBaseUrl = m_baseUrl->text();
        m_customBackupUrl = m_backupUrl->text();
    }
    if (region == Region::Custom) {
        m_baseUrl->setText(m_customBaseUrl);
        m_backupUrl->setText(m_customBackupUrl);
    } else {
        // Shown (disabled) so the user sees where requests go.
        const ApiEndpoint endpoint = ApiEndpoint::forRegion(region);
        m_baseUrl->setText(endpoint.primary.toString());
        m_backupUrl->setText(endpoint.backup.toString());
    }
    m_baseUrl->setEnabled(region == Region::Custom);
    m_backupUrl->setEnabled(region == Region::Custom);
    m_shownRegion = region;
    onInputChanged();
}

void ProfileDialog::onInputChanged()
{
    // A result (or a pending test) belongs to the values it was made with.
    ++m_testGeneration;
    m_testing = false;
    m_testResult->clear();
    updateState();
}

void ProfileDialog::updateState()
{
    const QString error = validationError();
    m_error->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
    m_testButton->setEnabled(m_tester && !m_testing && error.isEmpty());
    m_testButton->setToolTip(m_tester ? tr("Make one signed request with these values")
                                      : tr("Testing is not available here"));
}

void ProfileDialog::showTestResult(const QString &message, bool ok)
{
    m_testResult->setText(message);
    setEmphasis(m_testResult, !ok);
    m_testResult->setProperty("ok", ok);
}

} // namespace convdesk
