#pragma once
// Checks a scenario's [signature] (sim/compare/signature.hpp) against the finished runs of a
// comparison: every [[signature.check]], and, when the mode is one of the model's documented
// failure modes with a diagnosis rule, that `commsim diagnose` names it in at least half of
// the failure arm's replicates and names nothing in at least half of the control's.
#include <filesystem>

#include "sim/batch/run_plan.hpp"
#include "sim/compare/signature.hpp"

namespace community {

// The signature of the plan's (single) scenario file, validated against its arms and the
// model's daily metrics; nullopt when the file has none. InputError before anything runs.
std::optional<sim::compare::Signature> plan_signature(const sim::batch::RunPlan& plan);

// Evaluates it on the run files in `dir`.
sim::compare::SignatureResult check_signature(const sim::compare::Signature& signature,
                                              const sim::batch::RunPlan& plan,
                                              const std::filesystem::path& dir);

}  // namespace community
