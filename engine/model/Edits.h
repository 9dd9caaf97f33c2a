#pragma once

// Edits of a design that keep it consistent: adding an element with a fresh name and sensible
// defaults, removing one together with the references to it, renaming one everywhere it is
// named. The designer's undo commands are built on these; they are pure functions of the
// topology, so they are tested without a UI. Safe to call from any thread on distinct values.

#include "engine/model/Topology.h"

#include <optional>
#include <string>
#include <vector>

namespace quorum::model {

/// True for a DNS-1123 label (lower-case letters, digits and '-', 1–63 characters, no '-' at
/// either end), the form Kubernetes requires of node and object names.
bool isDnsLabel(const std::string &name);

/// What the designer's palette can add.
enum class NewElement {
    ControlPlaneNode,
    WorkerNode,
    EtcdNode,          ///< an external etcd member (switches the design to external etcd)
    LoadBalancerNode,  ///< a machine that hosts HAProxy / nginx / keepalived
    HAProxy,           ///< an API load balancer in front of every control-plane node
    Nginx,
    KeepalivedVip,
    CloudLoadBalancer,
    MetalLB,
    IngressController,
    CephStorage,
    NfsStorage,
    LonghornStorage,
    CloudBlockStorage,
    NodeLocalStorage,
    StorageClass,
    Zone,
    Deployment,
    StatefulSet,
    DaemonSet,
};

/// Every palette entry, in palette order.
const std::vector<NewElement> &allNewElements();
/// The kind of element a palette entry creates.
ElementKind kindOf(NewElement what);
/// Stable spelling of a palette entry ("control-plane-node", "haproxy", ...), used for drag
/// and drop between the palette and the diagram; parseNewElement reads it back.
const char *toString(NewElement what);
std::optional<NewElement> parseNewElement(const std::string &text);

/// A name of the kind that nothing uses yet: "<prefix>-N" with the smallest N >= 1 free.
std::string uniqueName(const Topology &topology, ElementKind kind, const std::string &prefix);

/// Adds a new element with a fresh name and the defaults a production design would start
/// from (a 4-CPU / 16 GiB control-plane node, an HAProxy balancing every control-plane node,
/// a 3-replica Deployment, ...). zone: the zone a node is placed in (ignored for other kinds;
/// may be empty). Returns the new element's id.
ElementId addElement(Topology &topology, NewElement what, const std::string &zone = {});

/// Removes the element. References to it in lists (load-balancer hosts and targets, storage
/// nodes) are dropped and nodes of a removed zone become unzoned; single references (a
/// class's backend, a claim's class, a Secret reference) are left for the findings to
/// report. Returns false, changing nothing, when there is no such element or it is the
/// cluster itself.
bool removeElement(Topology &topology, const ElementId &id);

/// Renames the element and every reference to it. Returns an error message (in English,
/// naming the field) and changes nothing when the new name is not a DNS-1123 label or is
/// already taken by an element of the same kind; the cluster's own name only needs to be
/// non-empty.
std::optional<std::string> renameElement(Topology &topology, const ElementId &id, const std::string &newName);

/// Connects two elements, in either order: a load balancer and a node it balances (an API
/// server: a target) or runs on (a load-balancer node, or any node for an ingress controller:
/// a host); a load balancer and a workload it exposes (a target); a workload and a storage
/// class (its volume claims use the class; one "data" claim is added when it has none); a
/// storage class and a back end (the class provisions from it); a back end and a node that
/// serves it. Returns an error (in English) and changes nothing when the two cannot be
/// connected or already are; on success `what` (when given) says what was connected.
std::optional<std::string> connectElements(Topology &topology, const ElementId &a, const ElementId &b,
                                           std::string *what = nullptr);

/// Undoes what connectElements makes, in either order: the node is no longer a target or a
/// host of the load balancer, the workload no longer a target; the workload's volume claims
/// that use the storage class are removed; the storage class no longer names the back end (a
/// finding then says it needs one); the node no longer serves the back end. Returns an error
/// (in English) and changes nothing when the two are not connected; on success `what` (when
/// given) says what was disconnected.
std::optional<std::string> disconnectElements(Topology &topology, const ElementId &a, const ElementId &b,
                                              std::string *what = nullptr);

/// The elements as a design of their own (for the clipboard): the same settings, the cluster
/// settings of `topology`, and the zones the nodes are in. Ids that do not exist are skipped.
Topology extractElements(const Topology &topology, const std::vector<ElementId> &ids);

/// Adds every element of fragment to topology (a paste). Elements whose name is taken get a
/// fresh one ("web" -> "web-copy", then "web-copy-2"); references inside the fragment follow
/// the new names. Zones that already exist are reused, not copied. Returns the ids of the
/// added elements, zones first.
std::vector<ElementId> pasteElements(Topology &topology, const Topology &fragment);

} // namespace quorum::model
