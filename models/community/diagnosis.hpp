#pragma once
// Naming failure modes from a run's daily series alone (`commsim diagnose RUN.h5`): for each
// group founded on day 0, which documented failure modes its trajectory shows, and the
// evidence. The rules are data: each mode's [signature.diagnosis] table in its scenario file
// (scenarios/failure/*.toml, compiled in; models/community/failure_modes.hpp). A rule's
// conditions are series expressions over the group's life (sim/measure/series_expr.hpp);
// when they all hold, the mode is shown, unless a mode the rule names in `unless` is shown
// too (the cause is named, not its consequence). The rules read only the recorded series,
// never the parameters, so they apply to any run laid out the same way.
#include <string>
#include <vector>

#include "sim/compare/signature.hpp"
#include "sim/output/run_reader.hpp"

namespace community {

using FailureMode = sim::compare::Signature;  // key, mode (name), claim, diagnosis rule

struct Finding {
  const FailureMode* mode = nullptr;
  std::vector<std::string> evidence;  // one sentence per piece of evidence
};

struct GroupDiagnosis {
  std::size_t group = 0;
  std::size_t last_alive_day = 0;
  bool died = false;
  std::vector<Finding> findings;  // empty: no failure mode shown
};

struct RunDiagnosis {
  std::string run;
  std::vector<GroupDiagnosis> groups;
  // Modes shown by at least half of the groups founded on day 0: the run's verdict.
  std::vector<const FailureMode*> verdict;
};

RunDiagnosis diagnose_run(const sim::RunReader& run);

// The verdict's mode keys, comma-separated ("" when none).
std::string verdict_keys(const RunDiagnosis& d);

}  // namespace community
