#pragma once

// What changed between two projections of a design, for DiagramScene::setDesign: which cards
// need their content (texts, badges, tooltip) computed again. Internal to ui/diagram.

#include "engine/model/Topology.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace quorum::ui {

/// The elements of one kind by name (the list must outlive it).
template <class T>
class ElementsByName {
public:
    ElementsByName() = default;
    explicit ElementsByName(const std::vector<T> &elements)
    {
        m_elements.reserve(elements.size());
        for (const T &element : elements)
            m_elements.emplace(element.name, &element);
    }
    const T *find(std::string_view name) const
    {
        const auto it = m_elements.find(name);
        return it == m_elements.end() ? nullptr : it->second;
    }
    /// True when `element` has no equal namesake here.
    bool differs(const T &element) const
    {
        const T *mine = find(element.name);
        return !mine || !(*mine == element);
    }

private:
    std::unordered_map<std::string_view, const T *> m_elements;
};

/// Which reused cards of a new projection need their content computed again (new cards always
/// do): those whose element differs from its namesake in the last projection, and those whose
/// content reads elements that changed (a node's card names the load balancers it hosts, a
/// workload's the storage classes of its claims, the banner reads the whole design).
class ContentChanges {
public:
    /// before: the last projection's topology (nullptr: none); it must outlive this.
    ContentChanges(const model::Topology *before, const model::Topology &after)
        : m_any(!before || !(*before == after))
    {
        if (!m_any || !before)
            return;
        m_loadBalancersChanged = before->loadBalancers != after.loadBalancers;
        m_storageClassesChanged = before->storageClasses != after.storageClasses;
        m_zones = ElementsByName(before->zones);
        m_nodes = ElementsByName(before->nodes);
        m_loadBalancers = ElementsByName(before->loadBalancers);
        m_storageBackends = ElementsByName(before->storageBackends);
        m_storageClasses = ElementsByName(before->storageClasses);
        m_workloads = ElementsByName(before->workloads);
    }

    /// False when the topology is the last projection's (only positions or sizes changed).
    bool any() const { return m_any; }
    bool cluster() const { return m_any; }
    bool zone(const model::Zone &z) const { return m_any && m_zones.differs(z); }
    bool node(const model::Node &n) const { return m_any && (m_loadBalancersChanged || m_nodes.differs(n)); }
    bool loadBalancer(const model::LoadBalancer &lb) const { return m_any && m_loadBalancers.differs(lb); }
    bool storageBackend(const model::StorageBackend &b) const { return m_any && m_storageBackends.differs(b); }
    bool storageClass(const model::StorageClass &sc) const { return m_any && m_storageClasses.differs(sc); }
    bool workload(const model::Workload &w) const { return m_any && (m_storageClassesChanged || m_workloads.differs(w)); }

private:
    bool m_any;
    bool m_loadBalancersChanged = true;
    bool m_storageClassesChanged = true;
    ElementsByName<model::Zone> m_zones;
    ElementsByName<model::Node> m_nodes;
    ElementsByName<model::LoadBalancer> m_loadBalancers;
    ElementsByName<model::StorageBackend> m_storageBackends;
    ElementsByName<model::StorageClass> m_storageClasses;
    ElementsByName<model::Workload> m_workloads;
};

} // namespace quorum::ui
