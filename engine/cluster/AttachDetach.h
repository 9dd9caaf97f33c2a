#pragma once

// kube-controller-manager's attach/detach controller for attachable volumes (CSI block
// volumes: Ceph RBD, Longhorn, cloud disks — not NFS, CephFS or node-local volumes), with the
// VolumeAttachment objects (storage.k8s.io/v1) the CSI external-attacher acts on:
// * A pod scheduled to a node that mounts a PersistentVolume needs the volume attached there:
//   the controller creates a VolumeAttachment, and the attacher reports it attached after
//   attachTime. The kubelet starts the pod's containers only once its volumes are attached
//   (until then the pod waits in ContainerCreating, with FailedMount after 2 minutes).
// * A ReadWriteOnce volume attaches to one node at a time: while a pod on another node still
//   holds it, a new pod gets "Multi-Attach error" (FailedAttachVolume) and waits. A pod holds
//   its volumes until it is gone or terminated — a pod Terminating on a dead node keeps holding
//   them (its containers may still run), so the volume moves only after the old node comes
//   back (its kubelet finishes the pod) or the pod is force-deleted, as in Kubernetes.
// * A volume no pod on its node holds is detached at once from a healthy node; from a node
//   that is not Ready it may still be mounted, so it is force-detached only after
//   maxWaitForUnmount (6 minutes, the controller's maxWaitForUnmountDuration).

#include "engine/cluster/Reconciler.h"

#include <map>
#include <set>

namespace quorum::cluster {

struct AttachDetachTimings {
    Micros attachTime = 2 * kSecond;           ///< the external-attacher's ControllerPublishVolume
    Micros maxWaitForUnmount = 6 * 60 * kSecond;
};

class AttachDetachController : public Reconciler {
public:
    AttachDetachController(Runtime &runtime, ApiClient &api, AttachDetachTimings timings = {});

private:
    void onStart() override;
    std::vector<std::string> keysFor(const ObjectCache::Change &change) override;
    void reconcile(const ObjectCache &cache, const std::string &key, std::function<void()> done) override;

    AttachDetachTimings m_timings;
    std::map<std::string, Micros> m_unusedSince; // VolumeAttachment name -> when its last holder went
    std::set<std::string> m_reported;            // "<pod uid>/<pv>" Multi-Attach errors already emitted
    std::set<std::string> m_attaching;           // VolumeAttachments whose attach is under way
};

/// True when volumes of this provisioner (CSI driver) are attached to a node before mounting.
bool isAttachableProvisioner(const std::string &provisioner);
/// The CSI driver of a PersistentVolume (spec.csi.driver, else its provisioned-by annotation).
std::string volumeDriver(const Json &pv);
/// The VolumeAttachment name for a volume, driver and node ("csi-" and a hash, as the
/// attach/detach controller names them).
std::string volumeAttachmentName(const std::string &pv, const std::string &driver, const std::string &node);
/// True when `node` has an attached VolumeAttachment for persistent volume `pv`.
bool volumeAttached(const ObjectCache &cache, const std::string &pv, const std::string &node);

} // namespace quorum::cluster
