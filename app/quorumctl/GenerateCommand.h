#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace quorum::ctl {

/// `quorumctl generate TOPOLOGY --out DIR [--kubernetes-version X.Y] [--ingress-namespace NS]`:
/// writes every artifact family of the design under DIR and prints the written paths.
/// Notes (a withheld secret value, a skipped Ingress, ...) go to `err`. Returns 0 on success,
/// 1 when the files cannot be generated or written, 2 on bad arguments or an unreadable design.
int runGenerate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace quorum::ctl
