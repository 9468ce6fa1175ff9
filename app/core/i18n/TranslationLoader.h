#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace convdesk::TranslationLoader {

// QSettings key of the language override the settings menu writes: empty (or absent)
// follows the system locale, otherwise one of availableLanguages().
QString settingsKey();
// The environment variable that overrides the setting for one run (CONVDESK_LANG=zh_CN).
QString environmentVariable();
// Languages with a catalogue, English (the source language) first: "en", "zh_CN".
QStringList availableLanguages();

// Removes "--lang CODE" or "--lang=CODE" from arguments and returns CODE; empty when absent.
// The programs call this before parsing so --help is already printed in that language.
QString takeLanguageOption(QStringList &arguments);

// The language asked for: overrideLanguage (from --lang), else CONVDESK_LANG, else the
// setting; empty means "follow the system locale".
QString requestedLanguage(const QString &overrideLanguage);

struct Outcome
{
    QLocale locale;          // the locale the catalogues were chosen for
    bool translated = false; // a catalogue was installed (zh_CN, or the English plural forms)
    QString error;           // non-empty when the requested language is not available
};

// Installs Conversation Desk's embedded catalogue (:/i18n/convdesk_<lang>.qm) and Qt's own
// (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath) on app for the requested language.
// An unknown language installs nothing (English) and says so in Outcome::error.
Outcome install(QCoreApplication &app, const QString &overrideLanguage = {});

} // namespace convdesk::TranslationLoader
