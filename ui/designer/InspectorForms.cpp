// The inspector's forms, one per kind of element: which fields, how each reads its value
// from the design and how it writes a new one (validated, with the reason when refused).

#include "ui/designer/Inspector.h"

#include "engine/model/Edits.h"
#include "engine/model/TopologyYaml.h"
#include "ui/common/DisplayNames.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <functional>

namespace quorum::ui {

using namespace quorum::model;

namespace {

using Outcome = Inspector::Outcome;

QString tr(const char *text)
{
    // The context lupdate files these texts under: a tr() outside a class takes its namespace's.
    return QCoreApplication::translate("quorum::ui", text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

template <typename T> T *find(std::vector<T> &elements, const std::string &name)
{
    const auto it = std::find_if(elements.begin(), elements.end(), [&](const T &e) { return e.name == name; });
    return it == elements.end() ? nullptr : &*it;
}

/// The element a form field reads or writes. The inspector refreshes a form only while its
/// element exists, so a missing one is a broken invariant.
template <typename T> T &existing(T *element)
{
    if (!element) {
        spdlog::critical("The inspector's element is gone");
        std::abort();
    }
    return *element;
}

/// Choices of an enum: its YAML spelling as value, shown through `display`.
template <typename E> QList<QPair<QString, QString>> choicesOf(QString (*display)(E) = nullptr)
{
    QList<QPair<QString, QString>> choices;
    for (E v : allValues<E>())
        choices.append({QString::fromLatin1(toString(v)), display ? display(v) : QString::fromLatin1(toString(v))});
    return choices;
}

template <typename E> Outcome setEnum(E &target, const QString &value)
{
    if (const std::optional<E> parsed = parseEnum<E>(value.toStdString())) {
        target = *parsed;
        return std::nullopt;
    }
    return tr("'%1' is not one of the choices").arg(value);
}

QString joinNames(const std::vector<std::string> &names)
{
    QStringList out;
    for (const std::string &n : names)
        out << q(n);
    return out.join(QStringLiteral(", "));
}

std::vector<std::string> splitNames(const QString &text)
{
    std::vector<std::string> names;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            names.push_back(part.trimmed().toStdString());
    return names;
}

/// A list of node names; each must be a node of the design.
Outcome setNodeList(const Topology &t, std::vector<std::string> &target, const QString &text, bool workloadsToo)
{
    std::vector<std::string> names = splitNames(text);
    for (const std::string &name : names)
        if (!t.findNode(name) && !(workloadsToo && t.findWorkload(name)))
            return workloadsToo ? tr("there is no node or workload called '%1'").arg(q(name))
                                : tr("there is no node called '%1'").arg(q(name));
    target = std::move(names);
    return std::nullopt;
}

QString labelsText(const std::map<std::string, std::string> &labels)
{
    QStringList out;
    for (const auto &[k, v] : labels)
        out << q(k) + QLatin1Char('=') + q(v);
    return out.join(QStringLiteral(", "));
}

Outcome setLabels(std::map<std::string, std::string> &target, const QString &text)
{
    std::map<std::string, std::string> labels;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return tr("'%1' is not key=value").arg(item);
        labels[item.left(eq).trimmed().toStdString()] = item.mid(eq + 1).trimmed().toStdString();
    }
    target = std::move(labels);
    return std::nullopt;
}

QString taintsText(const std::vector<Taint> &taints)
{
    QStringList out;
    for (const Taint &taint : taints)
        out << q(taint.key) + (taint.value.empty() ? QString() : QLatin1Char('=') + q(taint.value)) + QLatin1Char(':') +
                QString::fromLatin1(toString(taint.effect));
    return out.join(QStringLiteral(", "));
}

Outcome setTaints(std::vector<Taint> &target, const QString &text)
{
    std::vector<Taint> taints;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype colon = item.lastIndexOf(QLatin1Char(':'));
        const std::optional<TaintEffect> effect =
            colon > 0 ? parseEnum<TaintEffect>(item.mid(colon + 1).trimmed().toStdString()) : std::nullopt;
        if (!effect)
            return tr("'%1' is not key[=value]:NoSchedule|PreferNoSchedule|NoExecute").arg(item);
        const QString keyValue = item.left(colon);
        const qsizetype eq = keyValue.indexOf(QLatin1Char('='));
        Taint taint;
        taint.key = (eq < 0 ? keyValue : keyValue.left(eq)).trimmed().toStdString();
        taint.value = eq < 0 ? std::string() : keyValue.mid(eq + 1).trimmed().toStdString();
        taint.effect = *effect;
        taints.push_back(taint);
    }
    target = std::move(taints);
    return std::nullopt;
}

Outcome setCpu(std::int64_t &target, const QString &text, bool zeroAllowed)
{
    const std::optional<std::int64_t> v = parseCpuMillis(text.toStdString());
    if (!v || (*v == 0 && !zeroAllowed))
        return tr("'%1' is not a CPU quantity (for example 4, 0.5 or 500m)").arg(text);
    target = *v;
    return std::nullopt;
}

Outcome setBytes(std::int64_t &target, const QString &text, bool zeroAllowed)
{
    const std::optional<std::int64_t> v = parseBytes(text.toStdString());
    if (!v || (*v == 0 && !zeroAllowed))
        return tr("'%1' is not a memory quantity (for example 16Gi or 512Mi)").arg(text);
    target = *v;
    return std::nullopt;
}

Outcome setDuration(std::int64_t &target, const QString &text)
{
    const std::optional<std::int64_t> v = parseDurationMs(text.toStdString());
    if (!v || *v <= 0)
        return tr("'%1' is not a duration (for example 100ms, 40s or 5m)").arg(text);
    target = *v;
    return std::nullopt;
}

QString cpuText(std::int64_t millis) { return millis == 0 ? QString() : q(formatCpuMillis(millis)); }
QString bytesText(std::int64_t bytes) { return bytes == 0 ? QString() : q(formatBytes(bytes)); }

// Each form edits one element, found again by name in the design it is given.

void clusterForm(Inspector &in)
{
    in.addText(QStringLiteral("name"), tr("Name"), [](const Topology &t) { return q(t.name); },
               [](Topology &t, const QString &v) -> Outcome {
                   if (auto error = renameElement(t, {ElementKind::Cluster, {}}, v.toStdString()))
                       return q(*error);
                   return std::nullopt;
               });
    in.addText(QStringLiteral("description"), tr("Description"), [](const Topology &t) { return q(t.description); },
               [](Topology &t, const QString &v) -> Outcome { t.description = v.toStdString(); return std::nullopt; });
    in.addChoice(QStringLiteral("profile"), tr("Profile"), choicesOf<Profile>(), [](const Topology &t) { return QString::fromLatin1(toString(t.profile)); },
                 [](Topology &t, const QString &v) { return setEnum(t.profile, v); });
    QList<QPair<QString, QString>> versions;
    for (const char *v : {"1.28", "1.29", "1.30", "1.31", "1.32", "1.33"})
        versions.append({QString::fromLatin1(v), QString::fromLatin1(v)});
    in.addChoice(QStringLiteral("kubernetesVersion"), tr("Kubernetes version"), versions,
                 [](const Topology &t) { return q(t.kubernetesVersion); },
                 [](Topology &t, const QString &v) -> Outcome { t.kubernetesVersion = v.toStdString(); return std::nullopt; });
    in.addChoice(QStringLiteral("etcdMode"), tr("etcd placement"), choicesOf<EtcdMode>(),
                 [](const Topology &t) { return QString::fromLatin1(toString(t.etcdMode)); },
                 [](Topology &t, const QString &v) -> Outcome {
                     const Outcome o = setEnum(t.etcdMode, v);
                     // Control-plane nodes run etcd exactly when it is stacked.
                     for (Node &n : t.nodes)
                         if (n.role == NodeRole::ControlPlane)
                             n.components = defaultComponents(n.role, t.etcdMode);
                     return o;
                 });
    in.addSection(tr("Timings"));
    struct Timing {
        const char *field;
        const char *label;
        std::int64_t Timings::*member;
    };
    static const Timing kTimings[] = {
        {"etcdHeartbeat", QT_TRANSLATE_NOOP("quorum::ui", "etcd heartbeat"), &Timings::etcdHeartbeatMs},
        {"etcdElectionTimeout", QT_TRANSLATE_NOOP("quorum::ui", "etcd election timeout"), &Timings::etcdElectionTimeoutMs},
        {"leaseDuration", QT_TRANSLATE_NOOP("quorum::ui", "Lease duration"), &Timings::leaseDurationMs},
        {"renewDeadline", QT_TRANSLATE_NOOP("quorum::ui", "Renew deadline"), &Timings::renewDeadlineMs},
        {"retryPeriod", QT_TRANSLATE_NOOP("quorum::ui", "Retry period"), &Timings::retryPeriodMs},
        {"nodeStatusUpdate", QT_TRANSLATE_NOOP("quorum::ui", "Node status update"), &Timings::nodeStatusUpdateMs},
        {"nodeMonitorPeriod", QT_TRANSLATE_NOOP("quorum::ui", "Node monitor period"), &Timings::nodeMonitorPeriodMs},
        {"nodeMonitorGracePeriod", QT_TRANSLATE_NOOP("quorum::ui", "Node monitor grace period"), &Timings::nodeMonitorGracePeriodMs},
        {"nodeStartupGracePeriod", QT_TRANSLATE_NOOP("quorum::ui", "Node startup grace period"), &Timings::nodeStartupGracePeriodMs},
        {"evictionToleration", QT_TRANSLATE_NOOP("quorum::ui", "Eviction after (tolerationSeconds)"), &Timings::evictionTolerationMs},
    };
    for (const Timing &timing : kTimings) {
        const auto member = timing.member;
        in.addText(QString::fromLatin1(timing.field), tr(timing.label),
                   [member](const Topology &t) { return q(formatDurationMs(t.timings.*member)); },
                   [member](Topology &t, const QString &v) { return setDuration(t.timings.*member, v); },
                   tr("a duration, e.g. 40s"));
    }
    in.addSection(tr("Networking"));
    in.addText(QStringLiteral("podSubnet"), tr("Pod subnet"), [](const Topology &t) { return q(t.networking.podSubnet); },
               [](Topology &t, const QString &v) -> Outcome { t.networking.podSubnet = v.toStdString(); return std::nullopt; });
    in.addText(QStringLiteral("serviceSubnet"), tr("Service subnet"), [](const Topology &t) { return q(t.networking.serviceSubnet); },
               [](Topology &t, const QString &v) -> Outcome { t.networking.serviceSubnet = v.toStdString(); return std::nullopt; });
}

/// The name field every element has: a rename that follows every reference.
void nameField(Inspector &in, ElementKind kind, const std::string &name)
{
    in.addText(QStringLiteral("name"), tr("Name"), [name](const Topology &) { return q(name); },
               [kind, name](Topology &t, const QString &v) -> Outcome {
                   if (auto error = renameElement(t, {kind, name}, v.toStdString()))
                       return q(*error).remove(QRegularExpression(QStringLiteral("^name: ")));  // the label says it
                   return std::nullopt;
               },
               tr("lower-case letters, digits and '-'"));
}

void nodeForm(Inspector &in, const Topology &design, const std::string &name)
{
    // Reads look the node up by its name at the time of reading; a rename rebuilds the form.
    auto node = [name](const Topology &t) -> const Node & { return existing(t.findNode(name)); };
    auto edit = [name](Topology &t) -> Node & { return existing(find(t.nodes, name)); };
    nameField(in, ElementKind::Node, name);
    in.addChoice(QStringLiteral("role"), tr("Role"), choicesOf<NodeRole>(&DisplayNames::role),
                 [node](const Topology &t) { return QString::fromLatin1(toString(node(t).role)); },
                 [edit](Topology &t, const QString &v) -> Outcome {
                     Node &n = edit(t);
                     const Outcome o = setEnum(n.role, v);
                     n.components = defaultComponents(n.role, t.etcdMode);
                     return o;
                 });
    QList<QPair<QString, QString>> zones{{QString(), tr("(no zone)")}};
    for (const Zone &z : design.zones)
        zones.append({q(z.name), q(z.name)});
    in.addChoice(QStringLiteral("zone"), tr("Zone"), zones, [node](const Topology &t) { return q(node(t).zone); },
                 [edit](Topology &t, const QString &v) -> Outcome { edit(t).zone = v.toStdString(); return std::nullopt; });
    in.addText(QStringLiteral("address"), tr("Address"), [node](const Topology &t) { return q(node(t).address); },
               [edit](Topology &t, const QString &v) -> Outcome { edit(t).address = v.toStdString(); return std::nullopt; },
               tr("IP address, optional"));
    in.addText(QStringLiteral("cpu"), tr("CPU"), [node](const Topology &t) { return cpuText(node(t).cpuMillis); },
               [edit](Topology &t, const QString &v) { return setCpu(edit(t).cpuMillis, v, false); }, tr("e.g. 4 or 500m"));
    in.addText(QStringLiteral("memory"), tr("Memory"), [node](const Topology &t) { return bytesText(node(t).memoryBytes); },
               [edit](Topology &t, const QString &v) { return setBytes(edit(t).memoryBytes, v, false); }, tr("e.g. 16Gi"));
    in.addNumber(QStringLiteral("maxPods"), tr("Max pods"), 1, 1000, [node](const Topology &t) { return static_cast<int>(node(t).maxPods); },
                 [edit](Topology &t, int v) { edit(t).maxPods = v; });
    in.addText(QStringLiteral("labels"), tr("Labels"), [node](const Topology &t) { return labelsText(node(t).labels); },
               [edit](Topology &t, const QString &v) { return setLabels(edit(t).labels, v); }, tr("key=value, key2=value2"));
    in.addText(QStringLiteral("taints"), tr("Taints"), [node](const Topology &t) { return taintsText(node(t).taints); },
               [edit](Topology &t, const QString &v) { return setTaints(edit(t).taints, v); }, tr("key=value:NoSchedule, ..."));
    in.addSection(tr("Components"));
    for (Component c : allValues<Component>())
        in.addFlag(QStringLiteral("component-") + QString::fromLatin1(toString(c)), DisplayNames::componentLong(c),
                   [node, c](const Topology &t) { return node(t).runs(c); },
                   [edit, c](Topology &t, bool on) {
                       std::vector<Component> &cs = edit(t).components;
                       cs.erase(std::remove(cs.begin(), cs.end(), c), cs.end());
                       if (on)
                           cs.push_back(c);
                       std::sort(cs.begin(), cs.end());
                   });
}

void zoneForm(Inspector &in, const std::string &name)
{
    nameField(in, ElementKind::Zone, name);
    in.addText(QStringLiteral("region"), tr("Region"), [name](const Topology &t) { return q(existing(t.findZone(name)).region); },
               [name](Topology &t, const QString &v) -> Outcome { existing(find(t.zones, name)).region = v.toStdString(); return std::nullopt; });
}

void loadBalancerForm(Inspector &in, const std::string &name)
{
    auto lb = [name](const Topology &t) -> const LoadBalancer & { return existing(t.findLoadBalancer(name)); };
    auto edit = [name](Topology &t) -> LoadBalancer & { return existing(find(t.loadBalancers, name)); };
    nameField(in, ElementKind::LoadBalancer, name);
    in.addChoice(QStringLiteral("type"), tr("Type"), choicesOf<LoadBalancerType>(&DisplayNames::loadBalancerType),
                 [lb](const Topology &t) { return QString::fromLatin1(toString(lb(t).type)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).type, v); });
    in.addText(QStringLiteral("hosts"), tr("Hosts"), [lb](const Topology &t) { return joinNames(lb(t).hosts); },
               [edit](Topology &t, const QString &v) { return setNodeList(t, edit(t).hosts, v, false); }, tr("node names, comma-separated"));
    in.addText(QStringLiteral("vip"), tr("Virtual IP"), [lb](const Topology &t) { return q(lb(t).vip); },
               [edit](Topology &t, const QString &v) -> Outcome { edit(t).vip = v.toStdString(); return std::nullopt; });
    in.addText(QStringLiteral("vipInterface"), tr("VIP interface"), [lb](const Topology &t) { return q(lb(t).vipInterface); },
               [edit](Topology &t, const QString &v) -> Outcome {
                   if (!isInterfaceName(v.toStdString()))
                       return tr("'%1' is not a network interface name (1 to 15 characters, no '/', ':' or spaces)").arg(v);
                   edit(t).vipInterface = v.toStdString();
                   return std::nullopt;
               },
               tr("the hosts' network interface that carries the VIP (keepalived)"));
    in.addNumber(QStringLiteral("port"), tr("Port"), 1, 65535, [lb](const Topology &t) { return lb(t).port; },
                 [edit](Topology &t, int v) { edit(t).port = v; });
    in.addText(QStringLiteral("targets"), tr("Targets"), [lb](const Topology &t) { return joinNames(lb(t).targets); },
               [edit](Topology &t, const QString &v) { return setNodeList(t, edit(t).targets, v, true); },
               tr("API server nodes or workloads, comma-separated"));
    in.addNumber(QStringLiteral("targetPort"), tr("Target port"), 1, 65535, [lb](const Topology &t) { return lb(t).targetPort; },
                 [edit](Topology &t, int v) { edit(t).targetPort = v; });
    QList<QPair<QString, QString>> algorithms;
    for (const char *a : {"roundrobin", "leastconn", "source"})
        algorithms.append({QString::fromLatin1(a), QString::fromLatin1(a)});
    in.addChoice(QStringLiteral("algorithm"), tr("Algorithm"), algorithms, [lb](const Topology &t) { return q(lb(t).algorithm); },
                 [edit](Topology &t, const QString &v) -> Outcome { edit(t).algorithm = v.toStdString(); return std::nullopt; });
    in.addSection(tr("Health check"));
    in.addText(QStringLiteral("healthPath"), tr("HTTP path"), [lb](const Topology &t) { return q(lb(t).healthCheck.path); },
               [edit](Topology &t, const QString &v) -> Outcome { edit(t).healthCheck.path = v.toStdString(); return std::nullopt; },
               tr("empty: a TCP check"));
    in.addText(QStringLiteral("healthInterval"), tr("Interval"), [lb](const Topology &t) { return q(formatDurationMs(lb(t).healthCheck.intervalMs)); },
               [edit](Topology &t, const QString &v) { return setDuration(edit(t).healthCheck.intervalMs, v); });
    in.addNumber(QStringLiteral("healthFall"), tr("Fall"), 1, 100, [lb](const Topology &t) { return lb(t).healthCheck.fall; },
                 [edit](Topology &t, int v) { edit(t).healthCheck.fall = v; });
    in.addNumber(QStringLiteral("healthRise"), tr("Rise"), 1, 100, [lb](const Topology &t) { return lb(t).healthCheck.rise; },
                 [edit](Topology &t, int v) { edit(t).healthCheck.rise = v; });
}

void storageForm(Inspector &in, const std::string &name)
{
    auto b = [name](const Topology &t) -> const StorageBackend & { return existing(t.findStorageBackend(name)); };
    auto edit = [name](Topology &t) -> StorageBackend & { return existing(find(t.storageBackends, name)); };
    nameField(in, ElementKind::StorageBackend, name);
    in.addChoice(QStringLiteral("type"), tr("Type"), choicesOf<StorageBackendType>(&DisplayNames::storageBackendType),
                 [b](const Topology &t) { return QString::fromLatin1(toString(b(t).type)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).type, v); });
    in.addText(QStringLiteral("endpoint"), tr("Endpoint"), [b](const Topology &t) { return q(b(t).endpoint); },
               [edit](Topology &t, const QString &v) -> Outcome { edit(t).endpoint = v.toStdString(); return std::nullopt; });
    in.addText(QStringLiteral("nodes"), tr("Storage nodes"), [b](const Topology &t) { return joinNames(b(t).nodes); },
               [edit](Topology &t, const QString &v) { return setNodeList(t, edit(t).nodes, v, false); });
}

void storageClassForm(Inspector &in, const Topology &design, const std::string &name)
{
    auto c = [name](const Topology &t) -> const StorageClass & { return existing(t.findStorageClass(name)); };
    auto edit = [name](Topology &t) -> StorageClass & { return existing(find(t.storageClasses, name)); };
    nameField(in, ElementKind::StorageClass, name);
    QList<QPair<QString, QString>> backends;
    for (const StorageBackend &backend : design.storageBackends)
        backends.append({q(backend.name), q(backend.name)});
    in.addChoice(QStringLiteral("backend"), tr("Back end"), backends, [c](const Topology &t) { return q(c(t).backend); },
                 [edit](Topology &t, const QString &v) -> Outcome { edit(t).backend = v.toStdString(); return std::nullopt; });
    in.addFlag(QStringLiteral("default"), tr("Default class"), [c](const Topology &t) { return c(t).isDefault; },
               [name](Topology &t, bool on) {
                   for (StorageClass &other : t.storageClasses)  // one default at most
                       other.isDefault = on ? other.name == name : (other.name == name ? false : other.isDefault);
               });
    in.addChoice(QStringLiteral("reclaimPolicy"), tr("Reclaim policy"), choicesOf<ReclaimPolicy>(),
                 [c](const Topology &t) { return QString::fromLatin1(toString(c(t).reclaimPolicy)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).reclaimPolicy, v); });
    in.addChoice(QStringLiteral("bindingMode"), tr("Volume binding"), choicesOf<VolumeBindingMode>(),
                 [c](const Topology &t) { return QString::fromLatin1(toString(c(t).bindingMode)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).bindingMode, v); });
    in.addFlag(QStringLiteral("allowExpansion"), tr("Allow volume expansion"), [c](const Topology &t) { return c(t).allowExpansion; },
               [edit](Topology &t, bool on) { edit(t).allowExpansion = on; });
}

/// The workload's autoscaling, turned on with defaults when an autoscaling field is first set:
/// from its replicas (at least 1) to twice that, by Kubernetes' default target of 80 % CPU.
Autoscaling &autoscalingOf(Workload &w)
{
    if (!w.autoscaling) {
        const int from = std::max(1, w.replicas);
        w.autoscaling = Autoscaling{from, 2 * from, 80, std::nullopt};
    }
    return *w.autoscaling;
}

/// Min and max replicas and the utilisation targets of a Deployment's or StatefulSet's
/// HorizontalPodAutoscaler; -1 ("none") turns autoscaling (min replicas) or a target off.
void autoscalingFields(Inspector &in, const std::function<const Workload &(const Topology &)> &w,
                       const std::function<Workload &(Topology &)> &edit)
{
    const QString none = tr("none");
    // A DaemonSet runs one pod per node; the form of one has no autoscaling, but the kind can
    // change while the form is shown.
    auto scalable = [](const Workload &wl) -> Outcome {
        if (wl.kind == WorkloadKind::DaemonSet)
            return tr("a DaemonSet runs one pod per node and cannot be autoscaled");
        return std::nullopt;
    };
    in.addSection(tr("Autoscaling (HorizontalPodAutoscaler)"));
    in.addCheckedNumber(
        QStringLiteral("autoscaleMinReplicas"), tr("Autoscale min replicas"), -1, 1000,
        [w](const Topology &t) { return w(t).autoscaling ? w(t).autoscaling->minReplicas : -1; },
        [edit, scalable](Topology &t, int v) -> Outcome {
            Workload &wl = edit(t);
            if (v < 0) {
                wl.autoscaling.reset();
                return std::nullopt;
            }
            if (Outcome refused = scalable(wl))
                return refused;
            if (v == 0)
                return tr("the autoscaler keeps at least 1 replica (none turns autoscaling off)");
            const bool on = wl.autoscaling.has_value();
            Autoscaling &a = autoscalingOf(wl);
            if (!on)
                a.maxReplicas = std::max(a.maxReplicas, 2 * v);
            else if (v > a.maxReplicas)
                return tr("%1 is more than the maximum of %2 replicas").arg(v).arg(a.maxReplicas);
            a.minReplicas = v;
            return std::nullopt;
        },
        none, tr("none: no autoscaling"));
    in.addCheckedNumber(
        QStringLiteral("autoscaleMaxReplicas"), tr("Autoscale max replicas"), -1, 1000,
        [w](const Topology &t) { return w(t).autoscaling ? w(t).autoscaling->maxReplicas : -1; },
        [edit, scalable](Topology &t, int v) -> Outcome {
            Workload &wl = edit(t);
            if (v < 0 && !wl.autoscaling)
                return std::nullopt;
            if (Outcome refused = scalable(wl))
                return refused;
            if (v < 1)
                return tr("the autoscaler needs a maximum of at least 1 (set min replicas to none to turn it off)");
            const bool on = wl.autoscaling.has_value();
            Autoscaling &a = autoscalingOf(wl);
            if (!on)
                a.minReplicas = std::min(a.minReplicas, v);
            else if (v < a.minReplicas)
                return tr("%1 is fewer than the minimum of %2 replicas").arg(v).arg(a.minReplicas);
            a.maxReplicas = v;
            return std::nullopt;
        },
        none);
    struct Target {
        const char *field;
        const char *label;
        std::optional<int> Autoscaling::*member;
        std::optional<int> Autoscaling::*other;
    };
    static const Target kTargets[] = {
        {"autoscaleCpuTarget", QT_TRANSLATE_NOOP("quorum::ui", "Autoscale CPU target"),
         &Autoscaling::targetCpuUtilization, &Autoscaling::targetMemoryUtilization},
        {"autoscaleMemoryTarget", QT_TRANSLATE_NOOP("quorum::ui", "Autoscale memory target"),
         &Autoscaling::targetMemoryUtilization, &Autoscaling::targetCpuUtilization},
    };
    for (const Target &target : kTargets) {
        const auto member = target.member;
        const auto other = target.other;
        in.addCheckedNumber(
            QString::fromLatin1(target.field), tr(target.label), -1, 1000,
            [w, member](const Topology &t) { return w(t).autoscaling ? ((*w(t).autoscaling).*member).value_or(-1) : -1; },
            [edit, scalable, member, other](Topology &t, int v) -> Outcome {
                Workload &wl = edit(t);
                if (v < 0) {
                    if (!wl.autoscaling)
                        return std::nullopt;
                    if (!((*wl.autoscaling).*other))
                        return tr("the autoscaler needs a CPU or a memory target (set min replicas to none to turn it off)");
                    ((*wl.autoscaling).*member).reset();
                    return std::nullopt;
                }
                if (Outcome refused = scalable(wl))
                    return refused;
                if (v == 0)
                    return tr("a target is a percentage of the request, at least 1");
                const bool on = wl.autoscaling.has_value();
                Autoscaling &a = autoscalingOf(wl);
                if (!on)
                    (a.*other).reset();  // turned on by this target: it is the only one
                a.*member = v;
                return std::nullopt;
            },
            none, tr("percent of the request; none: not a target"));
    }
}

void workloadForm(Inspector &in, const Topology &design, const std::string &name)
{
    auto w = [name](const Topology &t) -> const Workload & { return existing(t.findWorkload(name)); };
    auto edit = [name](Topology &t) -> Workload & { return existing(find(t.workloads, name)); };
    nameField(in, ElementKind::Workload, name);
    in.addChoice(QStringLiteral("kind"), tr("Kind"), choicesOf<WorkloadKind>(&DisplayNames::workloadKind),
                 [w](const Topology &t) { return QString::fromLatin1(toString(w(t).kind)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).kind, v); });
    in.addText(QStringLiteral("namespace"), tr("Namespace"), [w](const Topology &t) { return q(w(t).namespaceName); },
               [edit](Topology &t, const QString &v) -> Outcome {
                   if (!isDnsLabel(v.toStdString()))
                       return tr("'%1' is not a valid namespace name").arg(v);
                   edit(t).namespaceName = v.toStdString();
                   return std::nullopt;
               });
    in.addNumber(QStringLiteral("replicas"), tr("Replicas"), 0, 1000, [w](const Topology &t) { return w(t).replicas; },
                 [edit](Topology &t, int v) { edit(t).replicas = v; });
    in.addText(QStringLiteral("image"), tr("Image"), [w](const Topology &t) { return q(w(t).image); },
               [edit](Topology &t, const QString &v) -> Outcome {
                   if (v.isEmpty())
                       return tr("a workload needs an image");
                   edit(t).image = v.toStdString();
                   return std::nullopt;
               });
    in.addSection(tr("Resources"));
    in.addText(QStringLiteral("cpuRequest"), tr("CPU request"), [w](const Topology &t) { return cpuText(w(t).resources.cpuRequestMillis); },
               [edit](Topology &t, const QString &v) { return setCpu(edit(t).resources.cpuRequestMillis, v, true); });
    in.addText(QStringLiteral("memoryRequest"), tr("Memory request"), [w](const Topology &t) { return bytesText(w(t).resources.memoryRequestBytes); },
               [edit](Topology &t, const QString &v) { return setBytes(edit(t).resources.memoryRequestBytes, v, true); });
    in.addText(QStringLiteral("cpuLimit"), tr("CPU limit"), [w](const Topology &t) { return cpuText(w(t).resources.cpuLimitMillis); },
               [edit](Topology &t, const QString &v) { return v.isEmpty() ? (edit(t).resources.cpuLimitMillis = 0, Outcome()) : setCpu(edit(t).resources.cpuLimitMillis, v, true); },
               tr("empty: no limit"));
    in.addText(QStringLiteral("memoryLimit"), tr("Memory limit"), [w](const Topology &t) { return bytesText(w(t).resources.memoryLimitBytes); },
               [edit](Topology &t, const QString &v) { return v.isEmpty() ? (edit(t).resources.memoryLimitBytes = 0, Outcome()) : setBytes(edit(t).resources.memoryLimitBytes, v, true); },
               tr("empty: no limit"));
    in.addSection(tr("Exposure and placement"));
    in.addChoice(QStringLiteral("serviceType"), tr("Service"), choicesOf<ServiceType>(&DisplayNames::serviceType),
                 [w](const Topology &t) { return QString::fromLatin1(toString(w(t).service.type)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).service.type, v); });
    in.addNumber(QStringLiteral("servicePort"), tr("Service port"), 0, 65535, [w](const Topology &t) { return w(t).service.port; },
                 [edit](Topology &t, int v) { edit(t).service.port = v; });
    in.addFlag(QStringLiteral("ingress"), tr("Exposed through the ingress"), [w](const Topology &t) { return w(t).ingress.enabled; },
               [edit](Topology &t, bool on) { edit(t).ingress.enabled = on; });
    in.addChoice(QStringLiteral("antiAffinity"), tr("Anti-affinity"), choicesOf<AntiAffinity>(),
                 [w](const Topology &t) { return QString::fromLatin1(toString(w(t).placement.antiAffinity)); },
                 [edit](Topology &t, const QString &v) { return setEnum(edit(t).placement.antiAffinity, v); });
    in.addFlag(QStringLiteral("spreadZones"), tr("Spread across zones"), [w](const Topology &t) { return w(t).placement.spreadZones; },
               [edit](Topology &t, bool on) { edit(t).placement.spreadZones = on; });
    in.addNumber(QStringLiteral("minAvailable"), tr("PodDisruptionBudget min available"), -1, 1000,
                 [w](const Topology &t) { return w(t).minAvailable.value_or(-1); },
                 [edit](Topology &t, int v) { edit(t).minAvailable = v < 0 ? std::nullopt : std::optional<int>(v); });
    if (existing(design.findWorkload(name)).kind != WorkloadKind::DaemonSet)
        autoscalingFields(in, w, edit);
}

void secretForm(Inspector &in, const std::string &name)
{
    nameField(in, ElementKind::Secret, name);
    in.addText(QStringLiteral("keys"), tr("Keys"), [name](const Topology &t) { return joinNames(existing(t.findSecret(name)).keys); },
               [name](Topology &t, const QString &v) -> Outcome { existing(find(t.secrets, name)).keys = splitNames(v); return std::nullopt; },
               tr("names only: values never enter the design"));
}

} // namespace

bool buildInspectorForm(Inspector &inspector, const Topology &topology, const ElementId &id)
{
    if (id.kind != ElementKind::Cluster && !topology.contains(id))
        return false;
    switch (id.kind) {
    case ElementKind::Cluster: clusterForm(inspector); break;
    case ElementKind::Zone: zoneForm(inspector, id.name); break;
    case ElementKind::Node: nodeForm(inspector, topology, id.name); break;
    case ElementKind::LoadBalancer: loadBalancerForm(inspector, id.name); break;
    case ElementKind::StorageBackend: storageForm(inspector, id.name); break;
    case ElementKind::StorageClass: storageClassForm(inspector, topology, id.name); break;
    case ElementKind::Workload: workloadForm(inspector, topology, id.name); break;
    case ElementKind::Secret: secretForm(inspector, id.name); break;
    }
    return true;
}

} // namespace quorum::ui
