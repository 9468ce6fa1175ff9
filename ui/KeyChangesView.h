#pragma once

#include "json/ExtensionChanges.h"

#include <QTextBrowser>

namespace convdesk {

// The keys a save adds, removes and changes, as a table that wraps to the view's width (no
// sideways scrolling): the key (readable path and JSON Pointer), what happens to it (a changed
// JSON type said in words) and the values before and after, compact.
class KeyChangesView final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyChangesView)
public:
    explicit KeyChangesView(QWidget *parent = nullptr);
    ~KeyChangesView() override;

    void setChanges(const ExtensionChanges &changes);

    // "string", "integer", … of ExtensionChanges::typeName() in words of the user's language.
    static QString typeText(const QString &typeName);
    // "type changes: string → integer"
    static QString typeChangeText(const ExtensionChange &change);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QString headline() const;

    ExtensionChanges m_changes;
};

} // namespace convdesk
