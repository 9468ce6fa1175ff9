#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <initializer_list>
#include <optional>

namespace convdesk {

// One step from a JSON container to a child: an object member name or an array position.
class JsonPathStep
{
public:
    JsonPathStep(const QString &key) : m_key(key) {}
    JsonPathStep(const char16_t *key) : m_key(QString::fromUtf16(key)) {}
    JsonPathStep(int index) : m_index(index) {}

    bool isIndex() const { return m_index >= 0; }
    const QString &key() const { return m_key; } // empty for an array position
    int index() const { return m_index; }         // -1 for an object member

    friend bool operator==(const JsonPathStep &a, const JsonPathStep &b)
    {
        return a.m_index == b.m_index && a.m_key == b.m_key;
    }
    friend bool operator!=(const JsonPathStep &a, const JsonPathStep &b) { return !(a == b); }

private:
    QString m_key;
    int m_index = -1;
};

// Where a value sits in a document, from its root: {"last_message", "message", "text"}.
// Text form: `$.last_message.push_config.push_content`, `$.group_ids[0]`, and members whose
// name is not an identifier as `$["a b"]` (JSON string escapes inside the quotes).
class JsonPath
{
    Q_DECLARE_TR_FUNCTIONS(JsonPath)
public:
    JsonPath() = default;
    JsonPath(std::initializer_list<JsonPathStep> steps) : m_steps(steps) {}
    explicit JsonPath(QList<JsonPathStep> steps) : m_steps(std::move(steps)) {}

    const QList<JsonPathStep> &steps() const { return m_steps; }
    qsizetype size() const { return m_steps.size(); }
    bool isEmpty() const { return m_steps.isEmpty(); }
    const JsonPathStep &at(qsizetype i) const { return m_steps.at(i); }
    const JsonPathStep &last() const { return m_steps.last(); }

    void append(const JsonPathStep &step) { m_steps.append(step); }
    void prepend(const JsonPathStep &step) { m_steps.prepend(step); }

    // The member name of the last step, or an empty string when it is an array position.
    QString lastKey() const;
    // The member name `levelsUp` steps above the last one ("" when absent or a position).
    QString keyAbove(qsizetype levelsUp) const;

    QString toString() const;
    // The steps from `firstStep` on as an RFC 6901 JSON Pointer: `/contact/phone`, `/tags/0`,
    // with `~0` for '~' and `~1` for '/' in member names; empty when there are no such steps.
    QString toJsonPointer(qsizetype firstStep = 0) const;

    // Reads the text form written by toString(). The leading `$` may be omitted.
    static std::optional<JsonPath> fromString(const QString &text, QString *error = nullptr);

    friend bool operator==(const JsonPath &a, const JsonPath &b) { return a.m_steps == b.m_steps; }
    friend bool operator!=(const JsonPath &a, const JsonPath &b) { return !(a == b); }

private:
    QList<JsonPathStep> m_steps;
};

} // namespace convdesk
