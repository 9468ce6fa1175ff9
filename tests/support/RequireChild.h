#pragma once

#include <QObject>
#include <QString>
#include <QtGlobal>

namespace convdesk::test {

// The named child of a widget under test, found the way a GUI test finds controls: by object
// name. A missing one ends the test run at once with its name (a null pointer would crash
// the test later, somewhere less telling).
template<typename T>
T *requireChild(const QObject *parent, const QString &name)
{
    auto *object = parent->findChild<T *>(name);
    if (!object)
        qFatal("no child \"%s\" of \"%s\"", qPrintable(name), qPrintable(parent->objectName()));
    return object;
}

template<typename T>
T *requireChild(const QObject *parent, const char *name)
{
    return requireChild<T>(parent, QString::fromLatin1(name));
}

} // namespace convdesk::test
