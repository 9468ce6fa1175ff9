#include "LanguageMenu.h"

#include "i18n/TranslationLoader.h"

#include <QActionGroup>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace convdesk {

LanguageMenu::LanguageMenu(QSettings &settings, QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_settings(settings)
    , m_group(new QActionGroup(this))
{
    setObjectName(u"languageMenu"_s);
    // A language is listed under its own name, so whoever cannot read the current one finds theirs.
    const QList<std::pair<QString, QString>> choices = {
        {QString(), tr("&System default")},
        {u"en"_s, u"English"_s},
        {u"zh_CN"_s, u"简体中文"_s},
    };
    const QString current = m_settings.value(TranslationLoader::settingsKey()).toString();
    for (const auto &[language, label] : choices) {
        QAction *action = addAction(label);
        action->setObjectName(language.isEmpty() ? u"languageSystemAction"_s : u"languageAction_"_s + language);
        action->setData(language);
        action->setCheckable(true);
        action->setChecked(language == current);
        m_group->addAction(action);
    }
    if (!m_group->checkedAction())
        m_group->actions().constFirst()->setChecked(true); // an unknown stored value acts as "system"
    connect(m_group, &QActionGroup::triggered, this, [this](QAction *action) {
        const QString language = action->data().toString();
        m_settings.setValue(TranslationLoader::settingsKey(), language);
        Q_EMIT languageChosen(language);
    });
}

QString LanguageMenu::restartNote() const
{
    const QAction *chosen = m_group->checkedAction();
    QString name = chosen ? chosen->text() : QString();
    name.remove(u'&');
    return tr("Language set to %1; it takes effect the next time Conversation Desk starts.").arg(name);
}

} // namespace convdesk
