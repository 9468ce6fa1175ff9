#include "json/JsonPath.h"

#include "json/JsonDocument.h"

namespace convdesk {

namespace {

bool isIdentifier(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const char16_t c = key.at(i).unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        if (!letter && !(digit && i > 0))
            return false;
    }
    return true;
}

QString quoted(const QString &key)
{
    return Json::toText(OrderedJson(Json::toStdString(key)));
}

} // namespace

QString JsonPath::lastKey() const
{
    return keyAbove(0);
}

QString JsonPath::keyAbove(qsizetype levelsUp) const
{
    const qsizetype i = m_steps.size() - 1 - levelsUp;
    if (i < 0 || i >= m_steps.size())
        return {};
    return m_steps.at(i).key();
}

QString JsonPath::toString() const
{
    QString text = QStringLiteral("$");
    for (const JsonPathStep &step : m_steps) {
        if (step.isIndex())
            text += u'[' + QString::number(step.index()) + u']';
        else if (isIdentifier(step.key()))
            text += u'.' + step.key();
        else
            text += u'[' + quoted(step.key()) + u']';
    }
    return text;
}

QString JsonPath::toJsonPointer(qsizetype firstStep) const
{
    QString pointer;
    for (qsizetype i = qMax(firstStep, qsizetype(0)); i < m_steps.size(); ++i) {
        const JsonPathStep &step = m_steps.at(i);
        pointer += u'/';
        if (step.isIndex()) {
            pointer += QString::number(step.index());
        } else {
            QString token = step.key();
            // '~' first, so the '~' of "~1" is not escaped again.
            token.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
            pointer += token;
        }
    }
    return pointer;
}

std::optional<JsonPath> JsonPath::fromString(const QString &text, QString *error)
{
    const auto fail = [&](qsizetype at, const QString &what) -> std::optional<JsonPath> {
        if (error)
            *error = tr("path %1, character %2: %3").arg(text).arg(at + 1).arg(what);
        return std::nullopt;
    };

    JsonPath path;
    qsizetype i = 0;
    if (text.startsWith(u'$'))
        i = 1;
    else if (!text.isEmpty() && text.at(0) != u'.' && text.at(0) != u'[')
        return fail(0, tr("a path starts with $"));

    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'.') {
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != u'.' && text.at(end) != u'[')
                ++end;
            const QString key = text.mid(i + 1, end - i - 1);
            if (key.isEmpty())
                return fail(i, tr("a member name is missing after the dot"));
            path.append(key);
            i = end;
        } else if (c == u'[') {
            if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                // A quoted member name: find the closing quote, skipping escaped characters.
                qsizetype end = i + 2;
                while (end < text.size() && text.at(end) != u'"')
                    end += text.at(end) == u'\\' ? 2 : 1;
                if (end >= text.size() || end + 1 >= text.size() || text.at(end + 1) != u']')
                    return fail(i, tr("a quoted member name is not closed with \"]"));
                const QString literal = text.mid(i + 1, end - i);
                const auto parsed = Json::parse(literal.toUtf8());
                if (!parsed || !parsed->is_string())
                    return fail(i + 1, tr("the member name is not a valid JSON string"));
                path.append(Json::toQString(parsed->get_ref<const std::string &>()));
                i = end + 2;
            } else {
                const qsizetype close = text.indexOf(u']', i);
                if (close < 0)
                    return fail(i, tr("an array position is not closed with ]"));
                bool ok = false;
                const QString digits = text.mid(i + 1, close - i - 1);
                const int index = digits.toInt(&ok);
                if (!ok || index < 0 || digits.startsWith(u'+') || digits.startsWith(u'-'))
                    return fail(i + 1, tr("\"%1\" is not an array position").arg(digits));
                path.append(index);
                i = close + 1;
            }
        } else {
            return fail(i, tr("expected . or [ but found \"%1\"").arg(c));
        }
    }
    return path;
}

} // namespace convdesk
