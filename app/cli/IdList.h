#pragma once

#include "CliContext.h"
#include "api/ConversationId.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace convdesk {

// One conversation ID of a batch run, as given, and whether it is one.
struct IdListEntry
{
    QString text;                     // as given, without surrounding white space
    int line = 0;                     // its line in the list; 0 for a command-line argument
    std::optional<ConversationId> id; // nullopt when text is not a conversation ID
    QString problem;                  // why not

    // How messages and results name it: the ID in its usual form, else the text as given.
    QString name() const { return id ? id->toString() : text; }
};

// The conversation IDs of a batch run: several arguments, or one per line from a file or
// standard input (--ids-from FILE|-). Blank lines and comments (from "#" to the end of the
// line; "#" is never part of an ID) are skipped. The list is read whole before anything is
// sent, and no further than MaxBytes, so /dev/zero or an endless pipe is refused.
class IdList
{
    Q_DECLARE_TR_FUNCTIONS(IdList)
public:
    // About 14,000 IDs of the longest kind (32-character accounts on both sides).
    static constexpr qsizetype MaxBytes = 1024 * 1024;

    static QCommandLineOption option(); // --ids-from FILE|-

    static QList<IdListEntry> fromArguments(const QStringList &arguments);
    static QList<IdListEntry> fromText(const QString &text);
    // The file named by --ids-from ("-" is standard input); nullopt with a sentence in *problem
    // when it cannot be read, is too long, is not UTF-8 text or holds no ID at all.
    static std::optional<QList<IdListEntry>> read(const CliContext &context, const QString &source,
                                                  QString *problem);

    // One line on standard error per entry that is not a conversation ID, naming it and its
    // line; returns how many there were. Such entries are skipped by the run.
    static int reportInvalid(const CliContext &context, const QList<IdListEntry> &entries);
};

} // namespace convdesk
