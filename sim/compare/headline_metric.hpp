#pragma once
// A headline metric: one number per run, computed from its run file. Models define their
// own list (e.g. models/community/headline_metrics.hpp); `commsim compare` summarizes each
// over replicates and compares arms on it, without knowing what it measures.
#include <functional>
#include <string>
#include <vector>

#include "sim/output/run_reader.hpp"

namespace sim::compare {

struct HeadlineMetric {
  std::string name;  // a column name: letters, digits and '_'
  std::string unit;
  std::string description;                          // one line: what it is and how it is computed
  std::function<double(const RunReader&)> compute;  // NaN when undefined for the run
};

using HeadlineMetrics = std::vector<HeadlineMetric>;

}  // namespace sim::compare
