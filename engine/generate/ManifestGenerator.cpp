// manifests/: numbered files (000-002 cluster-wide, 100+ one per workload) so that `kubectl apply -f manifests/` creates them in order —
// namespaces, storage classes, default network policies, then one file per workload.
// secrets/README.md says which Secrets to create first.

#include "engine/generate/Manifests.h"

#include "engine/model/Topology.h"

namespace quorum::generate {

using namespace quorum::model;

void generateManifests(Context &ctx)
{
    const Topology &t = ctx.topology();
    if (!t.workloads.empty()) {
        ctx.addFile("manifests/000-namespaces.yaml",
                    toYamlStream(namespaceObjects(ctx), ctx.header("Namespaces, with restricted pod security.")));
        ctx.addFile("manifests/002-network-policies.yaml",
                    toYamlStream(defaultNetworkPolicies(ctx),
                                 ctx.header("Default deny in every namespace; DNS and same-namespace traffic allowed.")));
    }
    const std::vector<Yaml> classes = storageClassObjects(ctx);
    if (!classes.empty())
        ctx.addFile("manifests/001-storage-classes.yaml", toYamlStream(classes, ctx.header("StorageClasses.")));

    // Numbered in design order, so `kubectl apply -f manifests/` and an import keep that order.
    int number = 100;
    for (const Workload &w : t.workloads) {
        std::vector<Yaml> docs = rbacObjects(ctx, w);
        for (Yaml &pvc : standaloneClaims(ctx, w))
            docs.push_back(std::move(pvc));
        for (Yaml &svc : serviceObjects(ctx, w))
            docs.push_back(std::move(svc));
        docs.push_back(workloadController(ctx, w));
        if (auto ing = ingressObject(ctx, w))
            docs.push_back(std::move(*ing));
        if (auto pdb = disruptionBudget(ctx, w))
            docs.push_back(std::move(*pdb));
        if (auto hpa = horizontalPodAutoscaler(ctx, w))
            docs.push_back(std::move(*hpa));
        docs.push_back(networkPolicy(ctx, w));
        ctx.addFile("manifests/" + std::to_string(number++) + "-" + w.namespaceName + "-" + w.name + ".yaml",
                    toYamlStream(docs, ctx.header(std::string(toString(w.kind)) + " " + w.namespaceName + "/" + w.name +
                                                  " and the objects around it.")));
    }
    ctx.addFile("secrets/README.md", secretsReadme(ctx));
}

} // namespace quorum::generate
