#pragma once

// The designer's palette: the elements a design is built from, grouped (nodes, load
// balancing, storage, structure, workloads). Drag an entry onto the diagram to place it
// there, or double-click it (or press Enter) to add it where the automatic layout puts it.
// Main (GUI) thread only.

#include <QTreeWidget>

namespace quorum::ui {

class Palette : public QTreeWidget {
    Q_OBJECT

public:
    explicit Palette(QWidget *parent = nullptr);

    /// The item of an entry ("control-plane-node", see model::toString(NewElement)), or nullptr.
    QTreeWidgetItem *entryItem(const QString &entry) const;
    /// The entry an item stands for; empty for group headers.
    static QString entryOf(const QTreeWidgetItem *item);

signals:
    /// An entry was double-clicked or activated with the keyboard.
    void entryActivated(const QString &entry);

protected:
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
};

} // namespace quorum::ui
