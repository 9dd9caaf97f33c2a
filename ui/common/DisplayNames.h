#pragma once

// Translated, user-visible names of model values, and translated finding messages.
// Translation context "quorum::ui::DisplayNames" (findings keep the engine's context,
// model::kFindingsTranslationContext). Main (GUI) thread only, like every tr().

#include "engine/model/Findings.h"
#include "engine/model/Topology.h"

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace quorum::ui {

class DisplayNames {
    Q_DECLARE_TR_FUNCTIONS(quorum::ui::DisplayNames)

public:
    /// "Control plane", "Worker", ...
    static QString role(model::NodeRole role);
    /// Short component name as drawn on a node: "apiserver", "etcd", "cm", "sched", ...
    static QString componentShort(model::Component component);
    /// Full component name for tooltips: "kube-apiserver", "kube-controller-manager", ...
    static QString componentLong(model::Component component);
    /// The components of a node as one short line: "apiserver · etcd · cm · sched".
    static QString componentLine(const std::vector<model::Component> &components);
    static QString loadBalancerType(model::LoadBalancerType type);
    static QString storageBackendType(model::StorageBackendType type);
    static QString workloadKind(model::WorkloadKind kind);
    /// What an element is, in lower case for a title such as "cp-1 — node": "node", "zone", ...
    static QString elementKind(model::ElementKind kind);
    static QString serviceType(model::ServiceType type);
    static QString severity(model::Severity severity);
    /// "4 CPU · 16Gi" (Kubernetes quantity spelling).
    static QString capacity(std::int64_t cpuMillis, std::int64_t memoryBytes);
    /// The finding's message, translated: its format is looked up in the context
    /// model::kFindingsTranslationContext, then each argument fills the next placeholder.
    static QString findingMessage(const model::Finding &finding);
};

/// ElementId::toString() as a QString ("node/cp-1").
QString elementIdString(const model::ElementId &id);
/// The element an id string names; std::nullopt when the text is not an element id.
std::optional<model::ElementId> parseElementId(const QString &id);
/// The name part of an element id string ("node/cp-1" -> "cp-1"); empty when it is not one.
QString elementNameOf(const QString &id);

} // namespace quorum::ui
