#pragma once

// The design a quorumctl command works on: a topology YAML or a .quorum project (its topology).

#include "engine/model/TopologyYaml.h"

#include <string>

namespace quorum::ctl {

/// Loads the topology of `path`: a .quorum project when the file starts with SQLite's header
/// (whatever its name), else topology YAML. Diagnostics name the file either way.
model::LoadResult loadDesignFile(const std::string &path);

} // namespace quorum::ctl
