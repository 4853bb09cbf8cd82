#pragma once
// summary.md of `commsim compare`, for people: the method, the arms and their settings, the
// results, the metrics' definitions. Arms only: one table of metric x arm. With a sweep (a
// dose-response): a table per metric of sweep value x arm, mean [CI] and difference [CI]
// from the reference, which the text names.
#include <string>

#include "sim/compare/compare_summary.hpp"

namespace sim::compare {

std::string summary_markdown(const CompareSummary& s);

}  // namespace sim::compare
