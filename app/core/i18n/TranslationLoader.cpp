#include "i18n/TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace convdesk::TranslationLoader {

namespace {

constexpr auto CatalogueDirectory = ":/i18n"_L1;

// "zh_CN", "zh-CN", "zh", "zh_Hans" all mean the Simplified Chinese catalogue; "en*" English.
// Returns the canonical code or an empty string for a language without a catalogue.
QString canonicalLanguage(const QString &code)
{
    const QLocale locale(code);
    if (code.startsWith("en"_L1, Qt::CaseInsensitive) && locale.language() == QLocale::English)
        return u"en"_s;
    if (code.startsWith("zh"_L1, Qt::CaseInsensitive) && locale.language() == QLocale::Chinese
        && locale.script() != QLocale::TraditionalChineseScript)
        return u"zh_CN"_s;
    return {};
}

bool installCatalogue(QCoreApplication &app, const QLocale &locale, const QString &name,
                      const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, name, u"_"_s, directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QString settingsKey()
{
    return u"ui/language"_s;
}

QString environmentVariable()
{
    return u"CONVDESK_LANG"_s;
}

QStringList availableLanguages()
{
    return {u"en"_s, u"zh_CN"_s};
}

QString takeLanguageOption(QStringList &arguments)
{
    QString language;
    for (qsizetype i = 1; i < arguments.size();) {
        const QString &argument = arguments.at(i);
        if (argument == "--"_L1)
            break;
        if (argument == "--lang"_L1 && i + 1 < arguments.size()) {
            language = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (argument.startsWith("--lang="_L1)) {
            language = argument.mid(7);
            arguments.remove(i);
        } else {
            ++i;
        }
    }
    return language;
}

QString requestedLanguage(const QString &overrideLanguage)
{
    if (!overrideLanguage.isEmpty())
        return overrideLanguage;
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable().toLatin1().constData());
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QSettings().value(settingsKey()).toString();
}

Outcome install(QCoreApplication &app, const QString &overrideLanguage)
{
    Outcome outcome;
    const QString requested = requestedLanguage(overrideLanguage);
    if (requested.isEmpty() || requested == "system"_L1) {
        outcome.locale = QLocale::system();
    } else {
        const QString language = canonicalLanguage(requested);
        if (language.isEmpty()) {
            outcome.locale = QLocale(QLocale::English);
            outcome.error = QCoreApplication::translate(
                                "convdesk::TranslationLoader",
                                "The language \"%1\" is not available; use one of: %2.")
                                .arg(requested, availableLanguages().join(", "_L1));
        } else {
            outcome.locale = QLocale(language);
        }
        // Numbers and dates follow the chosen language too, not the system's.
        QLocale::setDefault(outcome.locale);
    }
    // English is the source language; its catalogue only holds the plural forms of "%n" texts.
    outcome.translated = installCatalogue(app, outcome.locale, u"convdesk"_s, CatalogueDirectory);
    if (outcome.translated && outcome.locale.language() != QLocale::English)
        installCatalogue(app, outcome.locale, u"qtbase"_s,
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return outcome;
}

} // namespace convdesk::TranslationLoader
