#pragma once

// The kubelet of one node: registers the Node, renews its Lease in kube-node-lease every
// leaseRenew (10 s), reports node status when it changes (and at least every 5 minutes, as the
// kubelet's nodeStatusReportFrequency), and runs the pods bound to the node with simulated
// containers: Pending/ContainerCreating (image pull time) -> Running; readiness probes make
// the pod Ready after the first successful probe; a container told to exit (annotation
// sim.quorum.studio/exit-after) restarts with CrashLoopBackOff (10 s doubling up to 5 min);
// a container that stops answering its probes (annotation sim.quorum.studio/unhealthy-after)
// goes NotReady after the readiness probe's failureThreshold and is killed and restarted after
// the liveness probe's (periodSeconds default 10 s, failureThreshold default 3, probes on a
// fixed period from the container's start); pods marked for deletion are stopped and then
// deleted. A kubelet whose process stops (stopProcess) leaves its containers running and
// serving, unsupervised, and adopts them when it starts again.

#include "engine/cluster/Component.h"

#include <map>
#include <set>

namespace quorum::cluster {

struct KubeletConfig {
    std::string nodeName;
    Json nodeTemplate;                 ///< the Node object to register (labels, taints, capacity)
    Micros leaseRenew = 10 * kSecond;  ///< node lease renew interval (kubelet: 0.25 x 40 s)
    Micros statusUpdate = 10 * kSecond;
    Micros statusReport = 5 * 60 * kSecond;
    Micros imagePullMin = 1 * kSecond; ///< first pull of an image on this node
    Micros imagePullMax = 4 * kSecond;
    Micros containerStart = 300 * kMs; ///< sandbox + container start when the image is present
    Micros stopGrace = 1 * kSecond;    ///< time the simulated containers take to stop
    int podCidrIndex = 0;              ///< pod IPs are 10.244.<index>.<n>
};

class Kubelet : public Component {
public:
    Kubelet(Runtime &runtime, ApiClient &api, KubeletConfig config);

    const std::string &nodeName() const { return m_config.nodeName; }
    /// Pods whose containers run on this node right now (running and serving or not).
    std::size_t runningPods() const;
    /// True when the pod's containers run here and answer (Running, last seen Ready).
    bool serving(const std::string &podKey) const;
    /// The kubelet process dies while the node stays up: its containers keep running.
    /// (stop() is the node going down: its containers die with it.)
    void stopProcess();

private:
    enum class Stage { Creating, Running, BackOff, Stopping };
    struct LocalPod {
        std::string uid;
        std::string ref; // "pod/<ns>/<name>"
        Stage stage = Stage::Creating;
        int restarts = 0;
        bool ready = false;
        Micros startedAt = 0;
        std::uint64_t life = 0; // bumps when the container (re)starts or stops
        std::string ip;
        bool healthy = true;    // answers its probes
        Micros readinessPhase = 0; // probe jitter of this container's prober workers
        Micros livenessPhase = 0;
        Micros waitingSince = -1;         // waiting for its volumes since
        bool mountTimeoutReported = false;
    };

    void onStart() override;
    void onStop() override;
    void registerNode();
    void renewLease();
    void updateStatus(bool force);
    void syncPod(const std::string &key);
    void syncAll();
    void startContainer(const std::string &key, const Json &pod, bool restart);
    void containerStarted(const std::string &key, std::uint64_t life);
    void containerExited(const std::string &key, std::uint64_t life);
    void probeReady(const std::string &key, std::uint64_t life);
    /// The container stopped answering: schedules the readiness and liveness failures.
    void becameUnhealthy(const std::string &key, std::uint64_t life);
    void livenessKill(const std::string &key, std::uint64_t life);
    void restartWithBackOff(const std::string &key);
    void stopPod(const std::string &key, const Json &pod);
    void writeStatus(const std::string &key);
    Json podStatus(const Json &pod, const LocalPod &local) const;

    KubeletConfig m_config;
    std::map<std::string, LocalPod> m_pods;      // by pod key
    std::set<std::string> m_images;              // pulled images (survive restarts: on disk)
    std::set<std::string> m_statusInFlight;
    std::set<std::string> m_statusDirty;
    int m_subscription = 0;
    int m_nextIp = 2;
    bool m_leaseInFlight = false;
    bool m_nodeInFlight = false;
    Micros m_lastReport = -1;
    bool m_orphaned = false; // the process stopped, its containers did not
};

/// The Ready condition's status of a Node ("True", "False", "Unknown"), or "" if missing.
std::string nodeReadyStatus(const Json &node);
/// The pod's Ready condition is "True".
bool podReady(const Json &pod);
/// status.phase, or "Pending" when missing.
std::string podPhase(const Json &pod);
/// The same without a copy; valid as long as `pod` is.
std::string_view podPhaseView(const Json &pod);

} // namespace quorum::cluster
