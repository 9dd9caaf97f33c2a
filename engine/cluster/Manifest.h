#pragma once

// Kubernetes manifests (YAML, one or more documents) -> API objects in JSON, the conversion
// `kubectl apply` makes: plain scalars become numbers, booleans or null when YAML's core schema
// says so, quoted scalars stay strings. Every problem names the file, line and column.

#include "engine/cluster/Object.h"

#include <string>
#include <vector>

namespace quorum::cluster {

struct ManifestProblem {
    std::string file;
    int line = 0;    ///< 1-based; 0 when unknown
    int column = 0;  ///< 1-based
    std::string field;
    std::string message;
    /// "web.yaml:12:3: spec.replicas: must be an integer"
    std::string toString() const;
};

struct ManifestResult {
    std::vector<Json> objects;  ///< in document order; empty documents skipped
    std::vector<ManifestProblem> problems;
    bool ok() const { return problems.empty(); }
};

/// Parses every document. A document whose kind the API does not serve, or without
/// apiVersion, kind or metadata.name, is a problem (and left out). Pure; any thread.
ManifestResult parseManifests(const std::string &text, const std::string &fileName);
/// Reads and parses a file; an unreadable file is one problem naming it.
ManifestResult loadManifestFile(const std::string &path);

} // namespace quorum::cluster
