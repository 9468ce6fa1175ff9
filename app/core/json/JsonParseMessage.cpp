#include "json/JsonParseMessage.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

namespace convdesk::JsonParseMessage {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("convdesk::JsonParseMessage", text);
}

QString quoted(const QString &text)
{
    return tr("“%1”").arg(text);
}

// A token as nlohmann names it: "end of input", "string literal", "'}'", "'[', '{', or a literal".
QString token(const QString &name)
{
    if (name == QLatin1String("end of input"))
        return tr("the end of the text");
    if (name == QLatin1String("string literal"))
        return tr("a string in double quotes");
    if (name == QLatin1String("number literal"))
        return tr("a number");
    if (name == QLatin1String("'[', '{', or a literal"))
        return tr("a value (an object, an array, a string, a number, true, false or null)");
    if (name.size() >= 3 && name.startsWith(u'\'') && name.endsWith(u'\''))
        return quoted(name.mid(1, name.size() - 2));
    if (name.endsWith(QLatin1String(" literal"))) // true literal, false literal, null literal
        return quoted(name.chopped(8));
    return quoted(name);
}

QString stringProblem(const QString &detail, bool *known)
{
    *known = true;
    if (detail == QLatin1String("missing closing quote"))
        return tr("a string has no closing quote");
    if (detail.startsWith(QLatin1String("control character")))
        return tr("a string holds a line break or another control character; write it as \\n or \\uXXXX");
    if (detail == QLatin1String("forbidden character after backslash"))
        return tr("a string has an unknown escape after a backslash");
    if (detail.contains(QLatin1String("\\u")))
        return tr("a string has an invalid \\u escape");
    if (detail.contains(QLatin1String("UTF-8")))
        return tr("a string is not valid UTF-8");
    *known = false;
    return {};
}

} // namespace

QString explain(const QString &reason)
{
    static const QRegularExpression shape(QStringLiteral("^syntax error while parsing [a-z ]+ - (.*)$"));
    const QRegularExpressionMatch match = shape.match(reason);
    if (!match.hasMatch())
        return tr("not valid JSON (%1)").arg(reason);

    QString problem;
    QString expected;
    QString lastRead;
    bool known = true;
    const QStringList parts = match.captured(1).split(QLatin1String("; "));
    for (const QString &part : parts) {
        if (part.startsWith(QLatin1String("last read: ")))
            lastRead = part.mid(11).chopped(part.endsWith(u'\'') ? 1 : 0).mid(1);
        else if (part.startsWith(QLatin1String("expected digit after ")))
            expected = tr("a digit after %1").arg(token(part.mid(21)));
        else if (part.startsWith(QLatin1String("expected ")))
            expected = token(part.mid(9));
        else if (problem.isEmpty())
            problem = part;
    }

    QString said;
    if (problem == QLatin1String("unexpected end of input")) {
        said = tr("the text ends too early");
    } else if (problem.startsWith(QLatin1String("unexpected "))) {
        const QString what = problem.mid(11);
        said = what == QLatin1String("string literal") ? tr("unexpected string")
             : what == QLatin1String("number literal") ? tr("unexpected number")
                                                       : tr("unexpected %1").arg(token(what));
    } else if (problem == QLatin1String("invalid literal")) {
        said = tr("%1 is not a JSON value (text needs double quotes)").arg(quoted(lastRead));
    } else if (problem == QLatin1String("invalid number")) {
        said = tr("%1 is not a valid number").arg(quoted(lastRead));
    } else if (problem.startsWith(QLatin1String("invalid string: "))) {
        said = stringProblem(problem.mid(16), &known);
    } else {
        known = false;
    }
    if (!known)
        return tr("not valid JSON (%1)").arg(reason);
    return expected.isEmpty() ? said : tr("%1; expected %2").arg(said, expected);
}

} // namespace convdesk::JsonParseMessage
