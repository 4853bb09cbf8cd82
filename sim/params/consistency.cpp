#include "sim/params/consistency.hpp"

#include <unistd.h>

#include <cstdio>

#include "sim/core/input_error.hpp"

namespace sim {

namespace {

std::vector<ConsistencyRule>& rules() {
  static std::vector<ConsistencyRule> all;  // filled during static initialisation
  return all;
}

// "key 'a' (s.toml:3:1) and key 'b' (default)": each key with where its value came from.
std::string keys_text(const Parameters& p, const std::vector<std::string>& keys) {
  std::string out;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (k > 0) out += k + 1 == keys.size() ? " and " : ", ";
    out += "key '" + keys[k] + "' (" + p.origin(keys[k]) + ")";
  }
  return out;
}

}  // namespace

std::uint64_t physical_memory_bytes() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0
             ? static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(page)
             : 0;
}

std::string bytes_text(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return buf;
}

std::size_t consistency_rule(ConsistencyRule rule) {
  rules().push_back(std::move(rule));
  return rules().size() - 1;
}

ConsistencyReport check_consistency(const Parameters& params) {
  ConsistencyReport report;
  for (const auto& rule : rules()) {
    bool known = true;
    for (const auto& k : rule.keys) known = known && params.registry().find(k) != nullptr;
    if (!known) continue;  // a registry without these keys (a test of the engine alone)
    if (rule.severity == RuleSeverity::warning && params.origin(rule.keys.front()) == "default")
      continue;
    const std::string problem = rule.check(params);
    if (problem.empty()) continue;
    (rule.severity == RuleSeverity::error ? report.errors : report.warnings)
        .push_back(keys_text(params, rule.keys) + ": " + problem);
  }
  return report;
}

std::vector<std::string> require_consistent(const Parameters& params, const std::string& context) {
  auto report = check_consistency(params);
  const std::string prefix = context.empty() ? "" : context + ": ";
  if (!report.errors.empty()) {
    std::string msg =
        report.errors.size() == 1 ? "contradictory settings: " : "contradictory settings:\n  ";
    for (std::size_t i = 0; i < report.errors.size(); ++i)
      msg += (i ? "\n  " : "") + prefix + report.errors[i];
    throw InputError(msg);
  }
  for (auto& w : report.warnings) w = prefix + w;
  return report.warnings;
}

}  // namespace sim
