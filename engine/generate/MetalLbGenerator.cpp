// MetalLB (metallb.io/v1beta1): an IPAddressPool holding each MetalLB load balancer's address
// and an L2Advertisement announcing it. Services of type LoadBalancer that the load balancer
// targets ask for that pool by annotation (see ManifestGenerator.cpp).

#include "engine/generate/Context.h"

namespace quorum::generate {

using namespace quorum::model;

void generateMetalLb(Context &ctx)
{
    std::vector<Yaml> docs;
    for (const LoadBalancer &lb : ctx.topology().loadBalancers) {
        if (lb.type != LoadBalancerType::MetalLB)
            continue;
        if (lb.vip.empty()) {
            ctx.note("loadbalancer/" + lb.name, "MetalLB load balancer without an address (vip): no IPAddressPool generated");
            continue;
        }
        const std::string range = lb.vip.find('/') != std::string::npos ? lb.vip
                                  : lb.vip.find(':') != std::string::npos ? lb.vip + "/128"
                                                                          : lb.vip + "/32";
        Yaml pool = Yaml::map();
        pool.set("apiVersion", "metallb.io/v1beta1");
        pool.set("kind", "IPAddressPool");
        pool.set("metadata", objectMeta(ctx, lb.name, "metallb-system"));
        pool["spec"].set("addresses", Yaml::strings({range}));
        docs.push_back(std::move(pool));
        Yaml l2 = Yaml::map();
        l2.set("apiVersion", "metallb.io/v1beta1");
        l2.set("kind", "L2Advertisement");
        l2.set("metadata", objectMeta(ctx, lb.name, "metallb-system"));
        l2["spec"].set("ipAddressPools", Yaml::strings({lb.name}));
        docs.push_back(std::move(l2));
    }
    if (!docs.empty())
        ctx.addFile("metallb/metallb-pools.yaml",
                    toYamlStream(docs, ctx.header("MetalLB address pools; apply after installing MetalLB "
                                                  "(namespace metallb-system).")));
}

} // namespace quorum::generate
