#include "ProfileSelector.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalBlocker>
#include <QToolButton>

namespace convdesk {

namespace {
constexpr int NameRole = Qt::UserRole;
constexpr int BuiltInRole = Qt::UserRole + 1;
} // namespace

ProfileSelector::ProfileSelector(QWidget *parent)
    : QWidget(parent)
    , m_combo(new QComboBox(this))
    , m_button(new QToolButton(this))
    , m_add(new QAction(tr("&Add profile…"), this))
    , m_edit(new QAction(tr("&Edit profile…"), this))
    , m_remove(new QAction(tr("&Remove profile…"), this))
{
    setObjectName(QStringLiteral("profileSelector"));

    auto *label = new QLabel(tr("&Profile:"), this);
    label->setBuddy(m_combo);
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(12);
    m_combo->setAccessibleName(tr("Profile"));
    m_combo->setToolTip(tr("The app (AppKey, region) that requests are signed for"));
    m_combo->setPlaceholderText(tr("No profile"));

    m_add->setObjectName(QStringLiteral("addProfileAction"));
    m_edit->setObjectName(QStringLiteral("editProfileAction"));
    m_remove->setObjectName(QStringLiteral("removeProfileAction"));
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("profilesMenu"));
    menu->addAction(m_add);
    menu->addAction(m_edit);
    menu->addAction(m_remove);

    m_button->setObjectName(QStringLiteral("profilesButton"));
    m_button->setText(tr("Profiles…"));
    m_button->setToolTip(tr("Add, edit or remove connection profiles"));
    m_button->setMenu(menu);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_button);

    connect(m_combo, &QComboBox::activated, this, [this](int) {
        updateActions();
        Q_EMIT profileActivated(current());
    });
    connect(m_add, &QAction::triggered, this, &ProfileSelector::addRequested);
    connect(m_edit, &QAction::triggered, this, [this] {
        if (hasCurrent() && !current().builtIn)
            Q_EMIT editRequested(current().name);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (hasCurrent() && !current().builtIn)
            Q_EMIT removeRequested(current().name);
    });
    updateActions();
}

ProfileSelector::~ProfileSelector() = default;

void ProfileSelector::setEntries(const QList<Entry> &entries, const Entry &current)
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const Entry &entry : entries) {
        m_combo->addItem(entry.label.isEmpty() ? entry.name : entry.label);
        const int row = m_combo->count() - 1;
        m_combo->setItemData(row, entry.name, NameRole);
        m_combo->setItemData(row, entry.builtIn, BuiltInRole);
    }
    m_combo->setCurrentIndex(indexOf(current));
    updateActions();
}

bool ProfileSelector::select(const Entry &entry)
{
    const int index = indexOf(entry);
    if (index < 0)
        return false;
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(index);
    updateActions();
    return true;
}

bool ProfileSelector::hasCurrent() const
{
    return m_combo->currentIndex() >= 0;
}

ProfileSelector::Entry ProfileSelector::current() const
{
    const int index = m_combo->currentIndex();
    if (index < 0)
        return {};
    return {m_combo->itemData(index, NameRole).toString(), m_combo->itemData(index, BuiltInRole).toBool(),
            m_combo->itemText(index)};
}

int ProfileSelector::indexOf(const Entry &entry) const
{
    for (int i = 0; i < m_combo->count(); ++i) {
        if (m_combo->itemData(i, NameRole).toString() == entry.name
            && m_combo->itemData(i, BuiltInRole).toBool() == entry.builtIn)
            return i;
    }
    return -1;
}

void ProfileSelector::updateActions()
{
    const bool editable = hasCurrent() && !current().builtIn;
    m_edit->setEnabled(editable);
    m_remove->setEnabled(editable);
}

} // namespace convdesk
