#pragma once
// Naming failure modes from a run's daily series alone (`commsim diagnose RUN.h5`): for each
// group, which of the five documented failure modes (claims C10-C14, with C15 inside
// leaderless drift) its trajectory shows, and the evidence — which metric moved how much,
// between which days. The rules read only the recorded series, never the parameters, so
// the same rules apply to any run, including real data laid out the same way.
//
// A group's life is days 0..L (L = its last day alive). "Early" is days 0..min(20, L),
// "late" is its last 30 days alive. The thresholds below were set on the five scenarios in
// scenarios/failure/ (control vs failure) and are listed in docs/ODD.md, "Diagnosis".
#include <string>
#include <vector>

#include "sim/output/run_reader.hpp"

namespace community {

enum class FailureMode {
  focus_loss,
  leaderless_drift,
  over_strict_rules,
  boredom,
  value_evaporation
};

const char* mode_name(FailureMode mode);   // "loss of focus", ...
const char* mode_key(FailureMode mode);    // "focus_loss", ...
const char* mode_claim(FailureMode mode);  // "C10", ...

struct Finding {
  FailureMode mode;
  std::vector<std::string> evidence;  // one sentence per metric that moved
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
  std::vector<FailureMode> verdict;
};

RunDiagnosis diagnose_run(const sim::RunReader& run);

}  // namespace community
