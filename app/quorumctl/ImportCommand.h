#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl import FILE... [--into TOPOLOGY] [--out FILE] [--quiet]`: reads Kubernetes
/// manifests, kind configs and kubeadm configs (recognised by apiVersion), merges them into the
/// design of --into (or a new one) and writes topology YAML to --out or `out`. Diagnostics, with
/// file, line, column and field, go to `err` (--quiet: errors and warnings only).
/// Returns 0 when imported, 1 when a file has errors (nothing is written), 2 on bad arguments.
int runImport(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
