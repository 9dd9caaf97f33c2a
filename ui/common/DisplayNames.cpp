#include "ui/common/DisplayNames.h"

#include "engine/model/TopologyYaml.h"

#include <QStringList>

namespace quorum::ui {

using namespace quorum::model;

QString DisplayNames::role(NodeRole role)
{
    switch (role) {
    case NodeRole::ControlPlane: return tr("Control plane");
    case NodeRole::Worker: return tr("Worker");
    case NodeRole::Etcd: return tr("etcd");
    case NodeRole::LoadBalancer: return tr("Load balancer");
    case NodeRole::Storage: return tr("Storage");
    }
    return {};
}

QString DisplayNames::componentShort(Component component)
{
    switch (component) {
    case Component::ApiServer: return tr("apiserver", "short for kube-apiserver");
    case Component::Etcd: return tr("etcd");
    case Component::ControllerManager: return tr("cm", "short for kube-controller-manager");
    case Component::Scheduler: return tr("sched", "short for kube-scheduler");
    case Component::Kubelet: return tr("kubelet");
    case Component::KubeProxy: return tr("proxy", "short for kube-proxy");
    }
    return {};
}

QString DisplayNames::componentLong(Component component)
{
    switch (component) {
    case Component::ApiServer: return tr("kube-apiserver");
    case Component::Etcd: return tr("etcd");
    case Component::ControllerManager: return tr("kube-controller-manager");
    case Component::Scheduler: return tr("kube-scheduler");
    case Component::Kubelet: return tr("kubelet");
    case Component::KubeProxy: return tr("kube-proxy");
    }
    return {};
}

QString DisplayNames::componentLine(const std::vector<Component> &components)
{
    QStringList names;
    for (Component c : components)
        names.append(componentShort(c));
    return names.join(tr(" · ", "separator between component names"));
}

QString DisplayNames::loadBalancerType(LoadBalancerType type)
{
    switch (type) {
    case LoadBalancerType::HAProxy: return tr("HAProxy");
    case LoadBalancerType::Nginx: return tr("NGINX");
    case LoadBalancerType::KeepalivedVip: return tr("keepalived VIP");
    case LoadBalancerType::Cloud: return tr("Cloud load balancer");
    case LoadBalancerType::MetalLB: return tr("MetalLB");
    case LoadBalancerType::IngressController: return tr("Ingress controller");
    }
    return {};
}

QString DisplayNames::storageBackendType(StorageBackendType type)
{
    switch (type) {
    case StorageBackendType::Nfs: return tr("NFS");
    case StorageBackendType::Ceph: return tr("Ceph");
    case StorageBackendType::Longhorn: return tr("Longhorn");
    case StorageBackendType::CloudBlock: return tr("Cloud block storage");
    case StorageBackendType::NodeLocal: return tr("Node-local storage");
    }
    return {};
}

QString DisplayNames::workloadKind(WorkloadKind kind)
{
    switch (kind) {
    case WorkloadKind::Deployment: return tr("Deployment", "Kubernetes kind");
    case WorkloadKind::StatefulSet: return tr("StatefulSet", "Kubernetes kind");
    case WorkloadKind::DaemonSet: return tr("DaemonSet", "Kubernetes kind");
    }
    return {};
}

QString DisplayNames::elementKind(ElementKind kind)
{
    switch (kind) {
    case ElementKind::Cluster: return tr("cluster", "kind of element");
    case ElementKind::Zone: return tr("zone", "kind of element");
    case ElementKind::Node: return tr("node", "kind of element");
    case ElementKind::LoadBalancer: return tr("load balancer", "kind of element");
    case ElementKind::StorageBackend: return tr("storage back end", "kind of element");
    case ElementKind::StorageClass: return tr("storage class", "kind of element");
    case ElementKind::Workload: return tr("workload", "kind of element");
    case ElementKind::Secret: return tr("secret", "kind of element");
    }
    return {};
}

QString DisplayNames::serviceType(ServiceType type)
{
    switch (type) {
    case ServiceType::None: return tr("No service");
    case ServiceType::ClusterIP: return tr("ClusterIP", "Kubernetes service type");
    case ServiceType::NodePort: return tr("NodePort", "Kubernetes service type");
    case ServiceType::LoadBalancer: return tr("LoadBalancer", "Kubernetes service type");
    case ServiceType::Headless: return tr("Headless", "Kubernetes service type");
    }
    return {};
}

QString DisplayNames::severity(Severity severity)
{
    switch (severity) {
    case Severity::Error: return tr("Error");
    case Severity::Warning: return tr("Warning");
    case Severity::Info: return tr("Info");
    }
    return {};
}

QString DisplayNames::capacity(std::int64_t cpuMillis, std::int64_t memoryBytes)
{
    return tr("%1 CPU · %2 RAM")
        .arg(QString::fromStdString(formatCpuMillis(cpuMillis)),
             QString::fromStdString(formatBytes(memoryBytes)));
}

QString DisplayNames::findingMessage(const Finding &finding)
{
    QString text = QCoreApplication::translate(kFindingsTranslationContext, finding.format);
    for (const std::string &arg : finding.args)
        text = text.arg(QString::fromStdString(arg));
    return text;
}

QString elementIdString(const ElementId &id)
{
    return QString::fromStdString(id.toString());
}

std::optional<ElementId> parseElementId(const QString &id)
{
    return ElementId::parse(id.toStdString());
}

QString elementNameOf(const QString &id)
{
    const std::optional<ElementId> parsed = parseElementId(id);
    return parsed ? QString::fromStdString(parsed->name) : QString();
}

} // namespace quorum::ui
