#pragma once

#include "api/ApiResult.h"

#include <QLabel>

namespace convdesk {

// A strip across the window for what the user must not miss: the sandbox notice, or the
// last failure in words a support engineer can act on. Non-modal, selectable, and coloured
// only with the palette's own role pairs, so light and dark themes both stay readable.
class MessageBanner final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBanner)
public:
    enum class Kind {
        Notice, // highlight colours: a state that lasts (sandbox mode)
        Problem, // tooltip colours: the last thing that went wrong
        Warning  // the warning colours (AlertStyle): what is on screen is not what was asked for
    };

    MessageBanner(Kind kind, const QString &objectName, QWidget *parent = nullptr);
    ~MessageBanner() override;

    // "<operation> failed: <kind> (code N)", what it means and what to do, the trace id, and
    // whether the user's edit survived.
    void showFailure(const QString &operation, const ApiResult &result, bool editKept);
    void showMessage(const QString &text);
    void dismiss();
    // Whether the banner is up with `text`, as showMessage() put it there.
    bool isShowing(const QString &text) const;
};

} // namespace convdesk
