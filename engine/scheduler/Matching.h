#pragma once

// Matching rules shared by the filters, the scores and the cluster indexes: label selectors,
// node selector requirements (with Gt/Lt), node affinity and taint tolerations, each as
// Kubernetes defines it (k8s.io/apimachinery labels, component-helpers nodeaffinity,
// core/v1 Toleration.ToleratesTaint). Pure functions; safe from any thread.

#include "engine/scheduler/Types.h"

#include <string_view>
#include <vector>

namespace quorum::scheduler {

/// True if `labels` satisfy the requirement. NotIn and DoesNotExist match a missing key; Gt/Lt
/// need a label whose value and the single requirement value both parse as 64-bit integers.
bool matchesRequirement(const Requirement &requirement, const Labels &labels);

/// True if `labels` satisfy every matchLabels entry and matchExpression. Gt/Lt are not label
/// selector operators: a selector using them matches nothing (Kubernetes rejects it).
bool matchesSelector(const LabelSelector &selector, const Labels &labels);

/// True if the term's expressions all hold (an empty term matches nothing).
bool matchesTerm(const NodeSelectorTerm &term, const Labels &labels);

/// True if any term matches (terms are ORed, expressions ANDed; an empty term matches nothing).
bool matchesAnyTerm(const std::vector<NodeSelectorTerm> &terms, const Labels &labels);

/// The pod's nodeSelector and required node affinity both hold for a node with `labels`.
bool matchesRequiredNodeAffinity(const PodSpec &pod, const Labels &labels);

/// core/v1 Toleration.ToleratesTaint: an empty effect matches every effect, an empty key
/// (operator Exists) matches every key, Exists ignores the value, Equal compares it.
bool tolerates(const Toleration &toleration, const Taint &taint);

/// True if any toleration tolerates the taint.
bool toleratedByAny(const std::vector<Toleration> &tolerations, const Taint &taint);

/// Index of the first NoSchedule or NoExecute taint no toleration tolerates, or -1.
int firstUntoleratedHardTaint(const std::vector<Taint> &taints, const std::vector<Toleration> &tolerations);

/// PodAffinityTerm.Matches: the pod's namespace is in `namespaces` (already defaulted to the
/// term owner's namespace when empty) and its labels match the selector.
bool termMatchesPod(const std::vector<std::string> &namespaces, const LabelSelector &selector,
                    std::string_view podNamespace, const Labels &podLabels);

/// Appends a canonical spelling of the selector (equal selectors spell the same) to `out`:
/// the key of the caches that group identical selectors and terms.
void appendCanonical(const LabelSelector &selector, std::string *out);

std::string_view toString(TaintEffect effect);
std::string_view toString(Operator op);

} // namespace quorum::scheduler
