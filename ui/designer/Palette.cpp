#include "ui/designer/Palette.h"

#include "engine/model/Edits.h"
#include "ui/common/Appearance.h"
#include "ui/diagram/DiagramView.h"

#include <QHeaderView>
#include <QMimeData>

namespace quorum::ui {

using model::NewElement;

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;

struct Entry {
    NewElement what;
    const char *icon;
    const char *text;
    const char *tip;
};

struct Group {
    const char *title;
    std::vector<Entry> entries;
};

const std::vector<Group> &groups()
{
    // QT_TRANSLATE_NOOP: the texts are translated where they are shown (context Palette).
    static const std::vector<Group> kGroups{
        {QT_TRANSLATE_NOOP("quorum::ui::Palette", "Nodes"),
         {{NewElement::ControlPlaneNode, "control-plane", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Control-plane node"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "kube-apiserver, controller-manager, scheduler (and etcd when stacked)")},
          {NewElement::WorkerNode, "worker", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Worker node"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "kubelet and kube-proxy; runs the workloads")},
          {NewElement::EtcdNode, "etcd", QT_TRANSLATE_NOOP("quorum::ui::Palette", "External etcd node"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "An etcd member on a machine of its own (external etcd)")},
          {NewElement::LoadBalancerNode, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Load-balancer node"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A machine that hosts HAProxy, nginx or keepalived")}}},
        {QT_TRANSLATE_NOOP("quorum::ui::Palette", "Load balancing"),
         {{NewElement::HAProxy, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "HAProxy"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "API load balancer in front of every control-plane node")},
          {NewElement::Nginx, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "nginx"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "nginx stream proxy in front of the API servers")},
          {NewElement::KeepalivedVip, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "keepalived VIP"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A virtual IP that moves to the backup host when the active one dies")},
          {NewElement::CloudLoadBalancer, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Cloud load balancer"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A managed load balancer (redundant by construction)")},
          {NewElement::MetalLB, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "MetalLB"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Addresses for Services of type LoadBalancer on bare metal")},
          {NewElement::IngressController, "load-balancer", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Ingress controller"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Takes outside HTTP(S) to the Services")}}},
        {QT_TRANSLATE_NOOP("quorum::ui::Palette", "Storage"),
         {{NewElement::CephStorage, "storage", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Ceph"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Network block storage: volumes survive their node")},
          {NewElement::NfsStorage, "storage", QT_TRANSLATE_NOOP("quorum::ui::Palette", "NFS"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A network file server")},
          {NewElement::LonghornStorage, "storage", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Longhorn"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Replicated block storage on the workers")},
          {NewElement::CloudBlockStorage, "storage", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Cloud block storage"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A cloud provider's disks")},
          {NewElement::NodeLocalStorage, "storage", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Node-local storage"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Disks of the node: volumes die with it")},
          {NewElement::StorageClass, "storage-class", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Storage class"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Provisions volumes from a storage back end")}}},
        {QT_TRANSLATE_NOOP("quorum::ui::Palette", "Structure"),
         {{NewElement::Zone, "zone", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Zone"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "A failure domain: nodes in it can fail together")}}},
        {QT_TRANSLATE_NOOP("quorum::ui::Palette", "Workloads"),
         {{NewElement::Deployment, "deployment", QT_TRANSLATE_NOOP("quorum::ui::Palette", "Deployment"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Stateless replicas behind a Service")},
          {NewElement::StatefulSet, "statefulset", QT_TRANSLATE_NOOP("quorum::ui::Palette", "StatefulSet"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "Ordered replicas with stable names and one volume each")},
          {NewElement::DaemonSet, "daemonset", QT_TRANSLATE_NOOP("quorum::ui::Palette", "DaemonSet"),
           QT_TRANSLATE_NOOP("quorum::ui::Palette", "One pod on every node")}}},
    };
    return kGroups;
}

} // namespace

Palette::Palette(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("palette"));
    setAccessibleName(tr("Palette"));
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(8);
    setIconSize(QSize(20, 20));
    setMinimumWidth(180);  // "Control-plane node" and friends stay readable
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    for (const Group &group : groups()) {
        auto *header = new QTreeWidgetItem(this, {tr(group.title)});
        header->setFlags(Qt::ItemIsEnabled);
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        for (const Entry &entry : group.entries) {
            auto *item = new QTreeWidgetItem(header, {tr(entry.text)});
            item->setIcon(0, bundledIcon(QString::fromLatin1(entry.icon)));
            item->setToolTip(0, tr(entry.tip));
            item->setStatusTip(0, tr("%1 — drag it onto the diagram, or double-click to add it").arg(tr(entry.tip)));
            item->setData(0, kEntryRole, QString::fromLatin1(model::toString(entry.what)));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        }
    }
    expandAll();
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString entry = entryOf(item);
        if (!entry.isEmpty())
            emit entryActivated(entry);
    });
}

QTreeWidgetItem *Palette::entryItem(const QString &entry) const
{
    for (int g = 0; g < topLevelItemCount(); ++g)
        for (int i = 0; i < topLevelItem(g)->childCount(); ++i)
            if (entryOf(topLevelItem(g)->child(i)) == entry)
                return topLevelItem(g)->child(i);
    return nullptr;
}

QString Palette::entryOf(const QTreeWidgetItem *item)
{
    return item ? item->data(0, kEntryRole).toString() : QString();
}

QStringList Palette::mimeTypes() const
{
    return {DiagramView::paletteMimeType()};
}

QMimeData *Palette::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty() || entryOf(items.front()).isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(DiagramView::paletteMimeType(), entryOf(items.front()).toUtf8());
    return mime;
}

} // namespace quorum::ui
