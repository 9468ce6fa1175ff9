#pragma once

#include <QIconEngine>
#include <QPixmap>
#include <QSize>
#include <QString>

#include <map>
#include <memory>

namespace convdesk {

// An icon drawn from PNG files rendered at fixed sizes (one file per square size), none of
// them read until the icon is drawn at a size, and then only the file that fits it.
// QIcon::addFile decodes every file it is given at once (Qt 6.4: the 512-pixel application
// icon alone is 1 MB of pixels), and its format probe loads every image-format plugin;
// this engine reads one PNG when it is first shown, with the built-in PNG reader only.
class PngSizesIconEngine final : public QIconEngine
{
public:
    // edge length in pixels -> path of a PNG file that size (resources or disk)
    using Files = std::map<int, QString>;
    explicit PngSizesIconEngine(Files files);

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QString key() const override;
    QIconEngine *clone() const override;
    bool isNull() override;

    // How many files were read so far, by this engine and its clones (the tests check that
    // drawing at one size reads one file).
    int filesRead() const { return m_decoded->size(); }

private:
    // The file for drawing at `size`: the smallest at least that large, else the largest.
    Files::const_iterator fileFor(const QSize &size) const;
    QPixmap decoded(Files::const_iterator file);

    Files m_files;
    // Shared by the clones QIcon makes when it is copied and then changed.
    std::shared_ptr<std::map<int, QPixmap>> m_decoded;
};

} // namespace convdesk
