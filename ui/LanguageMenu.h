#pragma once

#include <QMenu>

class QActionGroup;
class QSettings;

namespace convdesk {

// Settings → Language: follow the system locale or force English or Simplified Chinese.
// The choice is stored under TranslationLoader::settingsKey() and read at the next start;
// the catalogue of a running application is not swapped (widgets keep their texts).
class LanguageMenu final : public QMenu
{
    Q_OBJECT

public:
    explicit LanguageMenu(QSettings &settings, QWidget *parent = nullptr);

    // What to tell the user after a choice: it applies from the next start.
    QString restartNote() const;

Q_SIGNALS:
    void languageChosen(const QString &language); // "" for the system default

private:
    QSettings &m_settings;
    QActionGroup *m_group;
};

} // namespace convdesk
