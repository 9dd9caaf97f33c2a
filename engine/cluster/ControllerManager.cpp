#include "engine/cluster/ControllerManager.h"

namespace quorum::cluster {

ControllerManager::ControllerManager(Runtime &runtime, ApiClient &api, ControllerManagerConfig config)
    : m_elector(runtime, api, "kube-controller-manager", config.identity, config.election,
                [this] { startControllers(); }, [this] { stopControllers(); })
    , m_nodeLifecycle(runtime, api, config.nodeLifecycle)
    , m_replicaSets(runtime, api)
    , m_deployments(runtime, api)
    , m_endpoints(runtime, api)
    , m_statefulSets(runtime, api)
    , m_daemonSets(runtime, api)
    , m_volumes(runtime, api)
    , m_attachDetach(runtime, api)
    , m_controllers{&m_nodeLifecycle, &m_replicaSets, &m_deployments, &m_endpoints, &m_statefulSets, &m_daemonSets, &m_volumes,
                    &m_attachDetach}
{
}

void ControllerManager::start()
{
    m_elector.start();
}

void ControllerManager::stop()
{
    m_elector.stop(); // calls stopControllers if leading
    stopControllers();
}

void ControllerManager::startControllers()
{
    for (Component *c : m_controllers)
        c->start();
}

void ControllerManager::stopControllers()
{
    for (Component *c : m_controllers)
        c->stop();
}

} // namespace quorum::cluster
