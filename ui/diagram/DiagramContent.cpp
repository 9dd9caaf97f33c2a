#include "ui/diagram/DiagramContent.h"

#include "engine/model/TopologyYaml.h"
#include "engine/model/WhatIf.h"
#include "ui/common/Appearance.h"
#include "ui/common/DisplayNames.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace quorum::ui {

using namespace quorum::model;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

const QColor kServiceColor{0x0E, 0x74, 0x90};
const QColor kIngressColor{0x7C, 0x3A, 0xED};
const QColor kDisruptionColor{0x47, 0x54, 0x67};
const QColor kStorageColor{0x6D, 0x4C, 0x41};
const QColor kAutoscalingColor{0x2E, 0x7D, 0x32};

} // namespace

CardContent DiagramContent::cluster(const Topology &topology)
{
    CardContent card;
    card.icon = QStringLiteral("quorum-studio");
    card.title = topology.name.empty() ? tr("Untitled design") : qs(topology.name);
    card.lines << (topology.description.empty() ? tr("No description") : qs(topology.description));
    card.badges << CardBadge{tr("Kubernetes %1").arg(qs(topology.kubernetesVersion)), accentColor(NodeRole::ControlPlane)}
                << CardBadge{topology.etcdMode == EtcdMode::Stacked ? tr("Stacked etcd") : tr("External etcd"),
                             accentColor(NodeRole::Etcd)}
                << CardBadge{topology.profile == Profile::Production ? tr("Production profile")
                                                                     : tr("Development profile"),
                             kDisruptionColor};
    card.description = tr("Cluster %1").arg(card.title);
    // The "what if" line: the failures the control plane survives, by kind.
    const WhatIf w = whatIf(topology);
    if (!w.runs) {
        card.lines << tr("What if: the control plane cannot run (it needs etcd members, an API server, a controller-manager and a scheduler)");
        card.accent = severityColor(Severity::Error);
    } else {
        QStringList kinds;
        for (const FailureBudget &b : w.byKind)
            kinds << tr("%1 %2 of %3").arg(failureKindName(b.kind)).arg(b.tolerated).arg(b.members);
        card.lines << (w.zones > 0 ? tr("What if: survives %1 node failure(s) and %2 of %3 zone outage(s) · may fail: %4")
                                         .arg(w.nodeFailures)
                                         .arg(w.zoneFailures)
                                         .arg(w.zones)
                                         .arg(kinds.join(QStringLiteral(", ")))
                                   : tr("What if: survives %1 node failure(s) · may fail: %2")
                                         .arg(w.nodeFailures)
                                         .arg(kinds.join(QStringLiteral(", "))));
        card.description += QLatin1Char('\n') + card.lines.back();  // the line may be elided on the banner
        card.accent = w.nodeFailures == 0 ? severityColor(Severity::Error)
            : (w.zones > 1 && w.zoneFailures == 0) ? severityColor(Severity::Warning)
                                                    : QColor(0x2F, 0x9E, 0x5B);
    }
    return card;
}

QString DiagramContent::failureKindName(const std::string &kind)
{
    if (kind == "etcd members")
        return tr("etcd members");
    if (kind == "API servers")
        return tr("API servers");
    if (kind == "controller-managers")
        return tr("controller-managers");
    if (kind == "schedulers")
        return tr("schedulers");
    if (kind == "API load-balancer hosts")
        return tr("API load-balancer hosts");
    return QString::fromStdString(kind);
}

CardContent DiagramContent::node(const Node &node, const Topology &topology)
{
    CardContent card;
    card.icon = iconName(node.role);
    card.accent = accentColor(node.role);
    card.title = qs(node.name);
    card.corner = qs(node.address);

    // Every node runs kubelet and kube-proxy; on control-plane and etcd nodes the line is
    // about what makes them special.
    std::vector<Component> shown;
    for (Component c : node.components)
        if (c != Component::Kubelet && c != Component::KubeProxy)
            shown.push_back(c);
    if (shown.empty())
        shown = node.components;
    QString components = DisplayNames::componentLine(shown);
    if (components.isEmpty()) {
        QStringList hosted;
        for (const LoadBalancer &lb : topology.loadBalancers)
            if (std::find(lb.hosts.begin(), lb.hosts.end(), node.name) != lb.hosts.end())
                hosted << qs(lb.name);
        components = hosted.isEmpty() ? tr("No Kubernetes components")
                                      : tr("Hosts %1").arg(hosted.join(QStringLiteral(", ")));
    }
    card.lines << components
               << (node.cpuMillis > 0 || node.memoryBytes > 0 ? DisplayNames::capacity(node.cpuMillis, node.memoryBytes)
                                                             : tr("Capacity not given"));
    QStringList longNames;
    for (Component c : node.components)
        longNames << DisplayNames::componentLong(c);
    card.description = tr("Node %1 (%2)").arg(card.title, DisplayNames::role(node.role));
    if (!longNames.isEmpty())
        card.description += QLatin1Char('\n') + tr("Runs: %1").arg(longNames.join(QStringLiteral(", ")));
    return card;
}

CardContent DiagramContent::loadBalancer(const LoadBalancer &lb)
{
    CardContent card;
    card.icon = iconName(NodeRole::LoadBalancer);
    card.accent = accentColor(NodeRole::LoadBalancer);
    card.title = qs(lb.name);
    card.corner = DisplayNames::loadBalancerType(lb.type);
    card.lines << (lb.vip.empty() ? tr("Port %1, no VIP").arg(lb.port) : tr("VIP %1:%2").arg(qs(lb.vip)).arg(lb.port))
               << tr("%1 to port %2").arg(qs(lb.algorithm)).arg(lb.targetPort);
    card.description = tr("Load balancer %1 (%2)").arg(card.title, card.corner);
    return card;
}

CardContent DiagramContent::storageBackend(const StorageBackend &backend)
{
    CardContent card;
    card.icon = QStringLiteral("storage");
    card.accent = kStorageColor;
    card.title = qs(backend.name);
    card.corner = DisplayNames::storageBackendType(backend.type);
    card.lines << (backend.endpoint.empty() ? tr("No endpoint") : qs(backend.endpoint))
               << (backend.survivesNodeLoss() ? tr("Survives node loss") : tr("Lost with its node"));
    card.description = tr("Storage backend %1 (%2)").arg(card.title, card.corner);
    if (!backend.endpoint.empty())
        card.description += QLatin1Char('\n') + tr("Endpoint: %1").arg(qs(backend.endpoint));
    return card;
}

CardContent DiagramContent::storageClass(const StorageClass &storageClass)
{
    CardContent card;
    card.icon = QStringLiteral("storage-class");
    card.accent = QColor(0xA1, 0x88, 0x7F);
    card.title = qs(storageClass.name);
    card.corner = storageClass.isDefault ? tr("default") : QString();
    card.lines << tr("Backend: %1").arg(qs(storageClass.backend));
    card.badges << CardBadge{qs(toString(storageClass.reclaimPolicy)), kStorageColor}
                << CardBadge{qs(toString(storageClass.bindingMode)), kDisruptionColor};
    card.description = tr("Storage class %1").arg(card.title);
    return card;
}

CardContent DiagramContent::workload(const Workload &workload, const Topology &topology)
{
    CardContent card;
    card.icon = iconName(workload.kind);
    card.accent = accentColor(workload.kind);
    card.title = qs(workload.name);
    card.corner = workload.kind == WorkloadKind::DaemonSet ? tr("per node")
                                                           : tr("×%1", "replica count").arg(workload.replicas);
    card.lines << DisplayNames::workloadKind(workload.kind)
               << (workload.image.empty() ? tr("No image") : qs(workload.image));

    if (workload.service.type != ServiceType::None) {
        const QString type = DisplayNames::serviceType(workload.service.type);
        card.badges << CardBadge{workload.service.port > 0 ? tr("%1 :%2").arg(type).arg(workload.service.port) : type,
                                 kServiceColor};
    }
    // A DaemonSet cannot autoscale (a finding says so): no badge that would promise it.
    const std::optional<Autoscaling> &autoscaling = workload.autoscaling;
    const bool autoscaled = autoscaling && workload.kind != WorkloadKind::DaemonSet;
    if (autoscaled)
        card.badges << CardBadge{tr("HPA %1–%2", "autoscaling range of replicas")
                                     .arg(autoscaling->minReplicas)
                                     .arg(autoscaling->maxReplicas),
                                 kAutoscalingColor};
    if (workload.ingress.enabled)
        card.badges << CardBadge{tr("Ingress %1").arg(qs(workload.ingress.path)), kIngressColor};
    for (const VolumeClaim &claim : workload.volumeClaims)
        card.badges << CardBadge{tr("PVC %1 %2").arg(qs(claim.name), qs(formatBytes(claim.sizeBytes))), kStorageColor};
    if (workload.minAvailable)
        card.badges << CardBadge{tr("PDB ≥%1").arg(*workload.minAvailable), kDisruptionColor};

    card.description = tr("%1 %2 in namespace %3")
                           .arg(DisplayNames::workloadKind(workload.kind), card.title, qs(workload.namespaceName));
    if (autoscaled) {
        QStringList targets;
        if (autoscaling->targetCpuUtilization)
            targets << tr("CPU %1 %").arg(*autoscaling->targetCpuUtilization);
        if (autoscaling->targetMemoryUtilization)
            targets << tr("memory %1 %").arg(*autoscaling->targetMemoryUtilization);
        card.description += QLatin1Char('\n')
            + tr("Autoscaled between %1 and %2 replicas, targeting %3")
                  .arg(autoscaling->minReplicas)
                  .arg(autoscaling->maxReplicas)
                  .arg(targets.isEmpty() ? tr("(no target)") : targets.join(QStringLiteral(", ")));
    }
    for (const VolumeClaim &claim : workload.volumeClaims) {
        const StorageClass *sc = claim.storageClass.empty() ? topology.defaultStorageClass()
                                                            : topology.findStorageClass(claim.storageClass);
        card.description += QLatin1Char('\n')
            + tr("Volume %1 (%2) from storage class %3")
                  .arg(qs(claim.name), qs(formatBytes(claim.sizeBytes)),
                       sc ? qs(sc->name) : tr("(none)"));
    }
    return card;
}

QString DiagramContent::zoneTitle(const Zone &zone)
{
    return qs(zone.name);
}

QString DiagramContent::zoneSubtitle(const Zone &zone)
{
    return zone.region.empty() ? tr("Zone") : tr("Zone in %1").arg(qs(zone.region));
}

QString DiagramContent::unzonedTitle()
{
    return tr("Unzoned");
}

QString DiagramContent::unzonedSubtitle()
{
    return tr("Nodes without a zone");
}

QString DiagramContent::bandCaption(BandKind kind)
{
    switch (kind) {
    case BandKind::LoadBalancers: return tr("Load balancers");
    case BandKind::Storage: return tr("Storage");
    case BandKind::Workloads: return tr("Workloads");
    }
    return {};
}

} // namespace quorum::ui
