#pragma once

#include "api/ApiResult.h"

#include <QCoreApplication>
#include <QString>

namespace convdesk {

// A sent request as a curl command line for a POSIX shell, to hand to the vendor. Every
// argument is single-quoted. The AppSecret is never part of it: SentRequest does not hold it.
class CurlCommand
{
    Q_DECLARE_TR_FUNCTIONS(CurlCommand)
public:
    enum class Signature {
        // Nonce, CurTime and CheckSum are <NONCE>, <CURTIME> and <CHECKSUM>, with comment
        // lines on how to compute them; safe to paste into a ticket.
        Placeholders,
        // The signature headers as sent, with a comment that they expire 5 minutes after CurTime.
        Live,
    };

    static inline const QString NoncePlaceholder = QStringLiteral("<NONCE>");
    static inline const QString CurTimePlaceholder = QStringLiteral("<CURTIME>");
    static inline const QString CheckSumPlaceholder = QStringLiteral("<CHECKSUM>");

    static QString build(const SentRequest &request, Signature signature = Signature::Placeholders);

    // 'text' for a POSIX shell: every character literal, a ' written as '\''.
    static QString shellQuote(const QString &text);
};

} // namespace convdesk
