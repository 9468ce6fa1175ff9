#include "WelcomePage.h"

#include "AboutDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace convdesk {

namespace {

QLabel *makeText(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignHCenter);
    return label;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_addProfile(new QPushButton(tr("&Add a profile…"), this))
    , m_sandbox(new QPushButton(tr("&Try the sandbox"), this))
{
    setObjectName(QStringLiteral("welcomePage"));

    QLabel *title = makeText(tr("Welcome to Conversation Desk"), QStringLiteral("welcomeTitle"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    QLabel *about = makeText(tr("Look up a conversation of your NetEase Yunxin IM app, read its state at a "
                                "glance and edit its server_extension safely: every save is reviewed key "
                                "by key and recorded."),
                             QStringLiteral("welcomeText"), this);
    QLabel *start = makeText(tr("To begin, add a profile for your app (its AppKey and AppSecret), or try "
                                "everything first on a simulator with demo conversations."),
                             QStringLiteral("welcomeStart"), this);

    m_addProfile->setObjectName(QStringLiteral("welcomeAddProfileButton"));
    m_addProfile->setAccessibleName(tr("Add a profile"));
    m_addProfile->setToolTip(tr("Enter your app's AppKey, AppSecret and region (or server address)"));
    m_sandbox->setObjectName(QStringLiteral("welcomeSandboxButton"));
    m_sandbox->setAccessibleName(tr("Try the sandbox"));
    m_sandbox->setToolTip(tr("Start the built-in simulator on this computer (127.0.0.1) with demo "
                             "conversations; nothing reaches a real app"));
    const int buttonHeight = fontMetrics().height() * 2 + fontMetrics().height() / 2;
    for (QPushButton *button : {m_addProfile, m_sandbox}) {
        button->setMinimumHeight(buttonHeight);
        button->setAutoDefault(false);
    }
    m_addProfile->setDefault(true); // drawn as the main choice

    // Where the secret goes, in the same words as Help → About names the keychain.
    QLabel *secrets = makeText(tr("Your AppSecret is kept in the system keychain, %1, never in a file or a log.")
                                   .arg(AboutDialog::keychainBackend()),
                               QStringLiteral("welcomeSecrets"), this);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(fontMetrics().height());
    buttons->addStretch(1);
    buttons->addWidget(m_addProfile);
    buttons->addWidget(m_sandbox);
    buttons->addStretch(1);

    // One readable column in the middle, at most about 72 characters a line; a narrower
    // window (1024×640 with the browser docked) wraps it further.
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("welcomeColumn"));
    column->setMaximumWidth(fontMetrics().averageCharWidth() * 72);
    auto *columnLayout = new QVBoxLayout(column);
    const int gap = fontMetrics().height();
    columnLayout->addWidget(title);
    columnLayout->addSpacing(gap);
    columnLayout->addWidget(about);
    columnLayout->addWidget(start);
    columnLayout->addSpacing(gap * 3 / 2);
    columnLayout->addLayout(buttons);
    columnLayout->addSpacing(gap * 3 / 2);
    columnLayout->addWidget(secrets);

    // The column takes the width (up to its maximum) before the margins beside it do; an
    // alignment would hold it at its size hint, which wraps the text far too narrow.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 100);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);

    setTabOrder(m_addProfile, m_sandbox);
    connect(m_addProfile, &QPushButton::clicked, this, &WelcomePage::addProfileRequested);
    connect(m_sandbox, &QPushButton::clicked, this, &WelcomePage::sandboxRequested);
}

WelcomePage::~WelcomePage() = default;

} // namespace convdesk
