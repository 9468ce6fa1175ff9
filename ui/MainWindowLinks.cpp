// MainWindow's links to a conversation: Copy link, and opening a convdesk:// link.
#include "MainWindow.h"

#include "CallStatusBar.h"
#include "ProfileSwitcher.h"
#include "SessionReporter.h"
#include "api/ConversationLink.h"
#include "session/EditSession.h"

#include <QClipboard>
#include <QGuiApplication>

namespace convdesk {

void MainWindow::copyLink()
{
    if (!m_session->hasConversation() || !m_session->hasProfile()) {
        m_ui.callStatus->showNote(tr("Load a conversation first; then its link can be copied."));
        return;
    }
    // The profile by name only: its AppKey, address and secret stay on this machine.
    const ConversationLink link{m_session->profile().name, m_session->conversationId()};
    QGuiApplication::clipboard()->setText(link.toString());
    m_ui.callStatus->showNote(tr("Link copied."));
}

bool MainWindow::openLink(const QString &text)
{
    QString error;
    const auto link = ConversationLink::parse(text, &error);
    if (!link) {
        m_reporter->showProblem(tr("Cannot open the link: %1").arg(error));
        return false;
    }
    const auto profile = m_profileSwitcher->entryNamed(link->profileName);
    if (!profile) {
        m_reporter->showProblem(tr("Cannot open the link: it is for the profile \"%1\", which does not exist "
                                   "here. Add it (Profiles… → Add…) with that app's AppKey, then open the link "
                                   "again.")
                                    .arg(link->profileName));
        return false;
    }
    // What the user asks for now wins over a load still under way (the sandbox's first one).
    if (m_session->operation() == ConversationSession::Operation::Load && !m_edit->isShowingOrLoading(link->id))
        m_session->cancel();
    if (m_profileSwitcher->isActive(*profile)) {
        m_edit->open(link->id);
        return true;
    }
    const ConversationId id = link->id;
    m_profileSwitcher->switchTo(*profile, tr("opening %1 in the profile \"%2\"").arg(id.toString(), profile->name),
                                [this, id] { m_edit->open(id); });
    return true;
}

} // namespace convdesk
