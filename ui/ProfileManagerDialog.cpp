#include "ProfileManagerDialog.h"

#include "DialogHook.h"
#include "ProfileAdder.h"
#include "profiles/ProfileStore.h"
#include "secrets/SecretStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace convdesk {

namespace {
constexpr int ProfileNameRole = Qt::UserRole;
constexpr int ProfileBuiltInRole = Qt::UserRole + 1;
} // namespace

ProfileManagerDialog::ProfileManagerDialog(ProfileStore &store, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_addButton(new QPushButton(tr("&Add…"), this))
    , m_editButton(new QPushButton(tr("&Edit…"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("profileManagerDialog"));
    setWindowTitle(tr("Profiles"));

    auto *caption = new QLabel(tr("&Profiles:"), this);
    caption->setBuddy(m_list);
    m_list->setObjectName(QStringLiteral("profileList"));
    // Item views do not take their name from a buddy label the way fields do.
    m_list->setAccessibleName(tr("Profiles"));
    m_addButton->setObjectName(QStringLiteral("addProfileButton"));
    m_editButton->setObjectName(QStringLiteral("editProfileButton"));
    m_removeButton->setObjectName(QStringLiteral("removeProfileButton"));
    m_status->setObjectName(QStringLiteral("profileManagerStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QPushButton *button : {m_addButton, m_editButton, m_removeButton})
        button->setAutoDefault(false);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->setObjectName(QStringLiteral("profileManagerButtons"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *side = new QVBoxLayout;
    side->addWidget(m_addButton);
    side->addWidget(m_editButton);
    side->addWidget(m_removeButton);
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(caption);
    layout->addLayout(row, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);

    setTabOrder(m_list, m_addButton);
    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_removeButton);

    connect(m_addButton, &QPushButton::clicked, this, &ProfileManagerDialog::addProfile);
    connect(m_editButton, &QPushButton::clicked, this, &ProfileManagerDialog::editProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfileManagerDialog::removeProfile);
    connect(m_list, &QListWidget::itemActivated, this, &ProfileManagerDialog::editProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileManagerDialog::updateButtons);

    reload({});
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

void ProfileManagerDialog::setCredentialTester(ProfileDialog::CredentialTester tester)
{
    m_tester = std::move(tester);
}

void ProfileManagerDialog::setBuiltInProfile(const Profile &profile)
{
    m_builtIn = profile;
    reload({}); // selects it: it comes first
}

bool ProfileManagerDialog::isBuiltInSelected() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->data(ProfileBuiltInRole).toBool();
}

QString ProfileManagerDialog::selectedName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && !item->data(ProfileBuiltInRole).toBool() ? item->data(ProfileNameRole).toString() : QString();
}

void ProfileManagerDialog::selectProfile(const QString &name)
{
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (!item->data(ProfileBuiltInRole).toBool() && item->data(ProfileNameRole).toString() == name) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

QString ProfileManagerDialog::statusText() const
{
    return m_status->text();
}

void ProfileManagerDialog::addProfile()
{
    ProfileAdder::add(m_store, m_secrets, m_tester, this, this, [this](const ProfileAdder::Outcome &outcome) {
        if (outcome.added)
            reload(outcome.profileName);
        showStatus(outcome.message, !outcome.added);
        if (outcome.added)
            Q_EMIT profilesChanged();
    });
}

void ProfileManagerDialog::editProfile()
{
    if (isBuiltInSelected()) { // a double click reaches here; the button is disabled
        showStatus(builtInReason(), false);
        return;
    }
    const QString name = selectedName();
    const std::optional<Profile> existing = m_store.find(name);
    if (!existing) {
        showStatus(tr("The profile \"%1\" can no longer be read from the settings; remove it and "
                      "add it again.").arg(name), true);
        return;
    }
    ProfileDialog dialog(ProfileDialog::Mode::Edit, this);
    dialog.setProfile(*existing);
    dialog.setCredentialTester(m_tester);
    if (DialogHook::exec(&dialog) != QDialog::Accepted)
        return;
    const Profile profile = dialog.profile();
    QString error;
    if (!m_store.save(profile, &error)) {
        showStatus(error, true);
        return;
    }
    reload(profile.name);
    showStatus(tr("Profile \"%1\" saved.").arg(profile.name), false);
    if (!dialog.secret().isEmpty())
        storeSecret(profile.name, dialog.secret());
    Q_EMIT profilesChanged();
}

void ProfileManagerDialog::removeProfile()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    const auto answer = DialogHook::question(
        this, tr("Remove profile"),
        tr("Remove the profile \"%1\" and its AppSecret from the keychain?").arg(name),
        QDialogButtonBox::Yes | QDialogButtonBox::No, QDialogButtonBox::No);
    if (answer != QDialogButtonBox::Yes)
        return;
    if (!m_store.remove(name)) {
        showStatus(tr("The profile \"%1\" could not be removed from the settings file.").arg(name), true);
        return;
    }
    reload({});
    showStatus(tr("Profile \"%1\" removed.").arg(name), false);
    m_secrets.remove(name, this, [this, name](const SecretResult &result) {
        // No stored secret is what removal wants anyway.
        if (!result.ok() && result.status != SecretStatus::NotFound)
            showStatus(tr("Profile \"%1\" removed, but its AppSecret could not be deleted from the "
                          "keychain: %2").arg(name, result.message), true);
    });
    Q_EMIT profilesChanged();
}

void ProfileManagerDialog::storeSecret(const QString &profileName, const QString &secret)
{
    m_secrets.write(profileName, secret, this, [this, profileName](const SecretResult &result) {
        if (!result.ok())
            showStatus(tr("Profile \"%1\" saved, but its AppSecret could not be stored in the "
                          "keychain: %2 You will be asked for it when connecting.")
                           .arg(profileName, result.message), true);
    });
}

QString ProfileManagerDialog::builtInReason()
{
    return tr("The sandbox profile is built in: it exists while this window runs the simulator, and "
              "cannot be edited or removed.");
}

void ProfileManagerDialog::reload(const QString &select)
{
    m_list->clear();
    if (m_builtIn) {
        auto *item = new QListWidgetItem(tr("Sandbox (built in) — local simulator at %1, AppKey %2")
                                             .arg(m_builtIn->baseUrl.toString(), m_builtIn->appKey),
                                         m_list);
        item->setData(ProfileNameRole, m_builtIn->name);
        item->setData(ProfileBuiltInRole, true);
        item->setToolTip(builtInReason());
    }
    for (const QString &name : m_store.names()) {
        const std::optional<Profile> profile = m_store.find(name);
        auto *item = new QListWidgetItem(
            profile ? tr("%1 — %2, AppKey %3").arg(name, ProfileDialog::regionName(profile->region), profile->appKey)
                    : tr("%1 — unreadable settings").arg(name),
            m_list);
        item->setData(ProfileNameRole, name);
        if (profile)
            item->setToolTip(profile->endpoint().primary.toString());
    }
    if (!select.isEmpty())
        selectProfile(select);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProfileManagerDialog::updateButtons()
{
    const bool builtIn = isBuiltInSelected();
    const bool selected = m_list->currentItem() != nullptr && !builtIn;
    for (QPushButton *button : {m_editButton, m_removeButton}) {
        button->setEnabled(selected);
        // A disabled button still shows its tooltip: it says why.
        button->setToolTip(builtIn ? builtInReason() : QString());
    }
}

void ProfileManagerDialog::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QFont font = m_status->font();
    font.setBold(problem);
    m_status->setFont(font);
    m_status->setProperty("problem", problem);
}

} // namespace convdesk
