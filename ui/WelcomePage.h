#pragma once

#include <QWidget>

class QPushButton;

namespace convdesk {

// What the main window shows in place of the tree and the editor while there is no profile
// at all: what the tool does, the two ways to start (add a profile, or try the built-in
// sandbox) and where the AppSecret will be kept. It only asks; the window acts.
class WelcomePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    QPushButton *addProfileButton() const { return m_addProfile; }
    QPushButton *sandboxButton() const { return m_sandbox; }

Q_SIGNALS:
    void addProfileRequested();
    void sandboxRequested();

private:
    QPushButton *m_addProfile;
    QPushButton *m_sandbox;
};

} // namespace convdesk
