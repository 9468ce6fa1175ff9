#include "ProfileSelector.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
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
    , m_manage(new QToolButton(this))
{
    setObjectName(QStringLiteral("profileSelector"));

    auto *label = new QLabel(tr("Profil&e:"), this);
    label->setBuddy(m_combo);
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setMinimumContentsLength(12);
    m_combo->setAccessibleName(tr("Profile"));
    m_combo->setToolTip(tr("The app (AppKey and region) that requests are signed for"));
    m_combo->setPlaceholderText(tr("No profile"));

    m_manage->setObjectName(QStringLiteral("profilesButton"));
    m_manage->setText(tr("Profiles…"));
    m_manage->setToolTip(tr("Add, edit or remove connection profiles"));
    m_manage->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_manage);

    connect(m_combo, &QComboBox::activated, this, [this](int) { Q_EMIT profileActivated(current()); });
    connect(m_manage, &QToolButton::clicked, this, &ProfileSelector::manageRequested);
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
}

bool ProfileSelector::select(const Entry &entry)
{
    const int index = indexOf(entry);
    const QSignalBlocker blocker(m_combo);
    m_combo->setCurrentIndex(index);
    return index >= 0;
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

} // namespace convdesk
