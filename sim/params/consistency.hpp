#pragma once
// Rules over several parameters at once: a value another setting contradicts (refused before
// anything runs) or makes irrelevant (reported as a warning naming both keys). Each rule is
// declared once, beside the parameters it relates (sim::consistency_rule, like sim::real), and
// checked on the resolved parameters of every run a plan holds — the base file, each arm, each
// sweep point — so a contradiction that only an arm or a point makes is caught too.
#include <functional>
#include <string>
#include <vector>

#include "sim/params/parameters.hpp"

namespace sim {

enum class RuleSeverity { error, warning };

struct ConsistencyRule {
  // Every key the rule reads; the message names each with where it was set. A warning is
  // raised only when the first key was set by the user (a default is never "ignored").
  std::vector<std::string> keys;
  RuleSeverity severity = RuleSeverity::error;
  // What is wrong and what would be consistent, or "" when the values agree.
  std::function<std::string(const Parameters&)> check;
};

// Declares a rule; call it to initialise a namespace-scope constant. Returns its number.
std::size_t consistency_rule(ConsistencyRule rule);

struct ConsistencyReport {
  std::vector<std::string> errors, warnings;
};

// Every rule whose keys are all registered, on `params`.
ConsistencyReport check_consistency(const Parameters& params);

// The machine's physical memory in bytes (0 when unknown), for rules that check a plan's sizes
// before anything is allocated.
std::uint64_t physical_memory_bytes();

// "12.5 GiB": a byte count for messages.
std::string bytes_text(double bytes);

// Throws InputError listing every error (each line prefixed by `context` when not empty);
// returns the warnings, likewise prefixed.
std::vector<std::string> require_consistent(const Parameters& params, const std::string& context);

}  // namespace sim
