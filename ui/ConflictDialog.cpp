#include "ConflictDialog.h"

#include "DialogHook.h"
#include "DiffView.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace convdesk {

namespace {

// A caption, the pane, and a one-line summary under it.
QWidget *pane(const QString &caption, const QString &objectName, const ExtensionDiff &diff,
              const QString &summary, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *title = new QLabel(caption, box);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *view = new DiffView(box);
    view->setObjectName(objectName);
    view->setAccessibleName(caption);
    view->setDiff(diff, ConflictDialog::tr("(empty)"));
    title->setBuddy(view);
    auto *note = new QLabel(summary, box);
    note->setObjectName(objectName + QStringLiteral("Summary"));
    note->setWordWrap(true);

    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(view, 1);
    layout->addWidget(note);
    return box;
}

QString changeSummary(const ExtensionDiff &diff)
{
    return diff.identical() ? ConflictDialog::tr("Same as loaded.") : diff.summary();
}

} // namespace

ConflictDialog::ConflictDialog(const SaveConflict &conflict, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    const bool overwritten = conflict.overwrittenAfterSave;
    setWindowTitle(overwritten ? tr("Overwritten right after your save") : tr("Changed on the server — not saved"));

    auto *intro = new QLabel(overwritten
                                 ? tr("Your save of the server extension of %1 was written, but the check right "
                                      "after it found another value: someone overwrote it right after your save. "
                                      "Compare the versions and choose how to go on.")
                                       .arg(conflict.id.toString())
                                 : tr("Someone changed the server extension of %1 after you loaded it, so "
                                      "nothing was written. Compare the versions and choose how to go on.")
                                       .arg(conflict.id.toString()),
                             this);
    intro->setObjectName(QStringLiteral("conflictIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    const ExtensionDiff asLoaded = ExtensionDiff::compute(conflict.loaded, conflict.loaded);
    const ExtensionDiff yours = ExtensionDiff::compute(conflict.loaded, conflict.yours);
    const ExtensionDiff server = ExtensionDiff::compute(conflict.loaded, conflict.serverNow);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    panes->setObjectName(QStringLiteral("conflictPanes"));
    panes->setChildrenCollapsible(false);
    panes->addWidget(pane(overwritten ? tr("&As you saved it") : tr("&As loaded"),
                          QStringLiteral("conflictLoadedView"), asLoaded,
                          tr("%n character(s)", nullptr, int(conflict.loaded.size())), panes));
    if (!overwritten) // after an overwrite, "yours" is the value as saved: one pane shows it
        panes->addWidget(pane(tr("&Yours (not saved)"), QStringLiteral("conflictYoursView"), yours,
                              changeSummary(yours), panes));
    panes->addWidget(pane(tr("&Now on the server"), QStringLiteral("conflictServerView"), server,
                          changeSummary(server), panes));

    auto *legend = new QLabel(tr("\"Yours\" and \"Now on the server\" show their changes against the value "
                                 "as loaded: - removed, + added.%1")
                                  .arg(asLoaded.comparedAsJson ? u' ' + tr("JSON is compared pretty-printed.")
                                                               : QString()),
                              this);
    legend->setObjectName(QStringLiteral("conflictLegend"));
    legend->setWordWrap(true);

    auto *trace = new QLabel(tr("Checked with trace id %1").arg(conflict.traceId), this);
    trace->setObjectName(QStringLiteral("conflictTraceId"));
    trace->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("conflictButtons"));
    QPushButton *overwrite = buttons->addButton(QDialogButtonBox::Save);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    overwrite->setText(tr("&Overwrite server value"));
    overwrite->setToolTip(tr("Write your value; the server's current value is replaced."));
    QPushButton *takeServer = buttons->addButton(QDialogButtonBox::Discard);
    takeServer->setObjectName(QStringLiteral("takeServerButton"));
    takeServer->setText(tr("&Take server value"));
    takeServer->setToolTip(tr("Drop your edit; the editor shows the server's current value."));
    QPushButton *keepEditing = buttons->addButton(QDialogButtonBox::Cancel);
    keepEditing->setObjectName(QStringLiteral("keepEditingButton"));
    keepEditing->setText(tr("&Keep editing"));
    keepEditing->setToolTip(tr("Send nothing and keep your text. The next Save compares with the "
                               "server's current value and shows what it replaces."));
    // Enter must not overwrite a colleague's change: the safe choice is the default.
    overwrite->setAutoDefault(false);
    takeServer->setAutoDefault(false);
    keepEditing->setDefault(true);
    keepEditing->setFocus(); // the keyboard starts on the safe choice, not inside a pane
    connect(buttons, &QDialogButtonBox::clicked, this, [this, buttons](QAbstractButton *button) {
        switch (buttons->standardButton(button)) {
        case QDialogButtonBox::Save: m_choice = Choice::Overwrite; break;
        case QDialogButtonBox::Discard: m_choice = Choice::TakeServer; break;
        default: m_choice = Choice::KeepEditing; break;
        }
        done(m_choice == Choice::KeepEditing ? QDialog::Rejected : QDialog::Accepted);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(panes, 1);
    layout->addWidget(legend);
    layout->addWidget(trace);
    layout->addWidget(buttons);
    resize(1000, 520);
}

ConflictDialog::~ConflictDialog() = default;

ConflictDialog::Choice ConflictDialog::ask(const SaveConflict &conflict, QWidget *parent)
{
    ConflictDialog dialog(conflict, parent);
    // Closing the window or Escape keeps editing: choice() stays as it was.
    return DialogHook::exec(&dialog) == QDialog::Accepted ? dialog.choice() : Choice::KeepEditing;
}

} // namespace convdesk
