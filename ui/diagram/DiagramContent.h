#pragma once

// What each card of the diagram says about its element: the translated texts, icon,
// accent colour and badges. Translation context "quorum::ui::DiagramContent".

#include "engine/model/Topology.h"
#include "ui/diagram/DiagramItems.h"

#include <QCoreApplication>
#include <QString>

namespace quorum::ui {

class DiagramContent {
    Q_DECLARE_TR_FUNCTIONS(quorum::ui::DiagramContent)

public:
    /// The banner: name, description, chips for Kubernetes version, etcd mode and profile.
    /// The banner: name, description, chips, and the "what if" line (lines[1], coloured by
    /// accent: red when no node may fail, amber when no zone may, green otherwise).
    static CardContent cluster(const model::Topology &topology);
    /// A failure budget's kind ("etcd members", ...), translated.
    static QString failureKindName(const std::string &kind);
    static CardContent node(const model::Node &node, const model::Topology &topology);
    static CardContent loadBalancer(const model::LoadBalancer &lb);
    static CardContent storageBackend(const model::StorageBackend &backend);
    static CardContent storageClass(const model::StorageClass &storageClass);
    static CardContent workload(const model::Workload &workload, const model::Topology &topology);

    /// Title and subtitle of a zone lane.
    static QString zoneTitle(const model::Zone &zone);
    static QString zoneSubtitle(const model::Zone &zone);
    /// Title and subtitle of the lane of nodes without a zone.
    static QString unzonedTitle();
    static QString unzonedSubtitle();

    /// Caption of a band ("Load balancers", "Storage", "Workloads").
    static QString bandCaption(BandKind kind);
};

} // namespace quorum::ui
