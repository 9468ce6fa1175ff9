#include "AboutDialog.h"

#include "DesktopIdentity.h"
#include "DialogHook.h"
#include "SelectableLabel.h"
#include "platform/AppIdentity.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace convdesk {

namespace {

// QtKeychain has no run-time version call, and its header's QTKEYCHAIN_VERSION macro is not
// maintained (0.13 still says 0x000100), so the build passes the version CMake found.
QString qtKeychainVersion()
{
    return QStringLiteral(CONVDESK_QTKEYCHAIN_VERSION);
}

QString licenseText()
{
    QFile license(QStringLiteral(":/convdesk/LICENSE"));
    if (!license.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(license.readAll()).trimmed();
}


} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Conversation Desk"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(DesktopIdentity::applicationIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    auto *name = new QLabel(tr("Conversation Desk"), this);
    name->setObjectName(QStringLiteral("aboutName"));
    QFont big = name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    name->setFont(big);

    auto *version = selectableLabel(tr("Version %1").arg(AppIdentity::version()),
                                    QStringLiteral("aboutVersion"), this);
    auto *summary = new QLabel(tr("Inspect and edit NetEase Yunxin IM conversations."), this);
    summary->setObjectName(QStringLiteral("aboutSummary"));
    summary->setWordWrap(true);

    auto *components = selectableLabel(
        tr("Qt %1 (built with %2)\nQtKeychain %3\nSecrets are kept in: %4")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), qtKeychainVersion(),
                 keychainBackend()),
        QStringLiteral("aboutComponents"), this);

    auto *licenseCaption = new QLabel(tr("Released under the MIT License:"), this);
    licenseCaption->setObjectName(QStringLiteral("aboutLicenseCaption"));
    auto *license = new QPlainTextEdit(this);
    license->setObjectName(QStringLiteral("aboutLicense"));
    license->setReadOnly(true);
    license->setTabChangesFocus(true);
    license->setAccessibleName(tr("License"));
    license->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    license->setLineWrapMode(QPlainTextEdit::NoWrap); // keep the license's own line breaks
    license->setPlainText(licenseText());
    licenseCaption->setBuddy(license);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    QPushButton *copy = buttons->addButton(tr("&Copy Version Information"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyButton"));
    copy->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("aboutCloseButton"));
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    connect(copy, &QPushButton::clicked, this, [] { QApplication::clipboard()->setText(versionReport()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *header = new QGridLayout;
    header->addWidget(icon, 0, 0, 3, 1);
    header->addWidget(name, 0, 1);
    header->addWidget(version, 1, 1);
    header->addWidget(summary, 2, 1);
    header->setColumnStretch(1, 1);
    header->setHorizontalSpacing(16);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addSpacing(8);
    layout->addWidget(components);
    layout->addWidget(licenseCaption);
    layout->addWidget(license, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::showAbout(QWidget *parent)
{
    AboutDialog dialog(parent);
    DialogHook::exec(&dialog);
}

QString AboutDialog::versionReport()
{
    return tr("Conversation Desk %1\n"
              "Qt %2 (built with %3), platform plugin %4\n"
              "QtKeychain %5, secrets in: %6\n"
              "%7 (%8)\n")
        .arg(AppIdentity::version(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
             QGuiApplication::platformName(), qtKeychainVersion(), keychainBackend(),
             QSysInfo::prettyProductName(), QSysInfo::currentCpuArchitecture());
}

QString AboutDialog::keychainBackend()
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#else
    return tr("Secret Service (GNOME Keyring or KWallet)");
#endif
}

} // namespace convdesk
