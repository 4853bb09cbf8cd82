#include "models/community/world_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "models/community/initial_groups.hpp"
#include "models/community/mechanisms/founding.hpp"
#include "models/community/mechanisms/interventions.hpp"
#include "models/community/platform_rules.hpp"
#include "models/community/stream_purposes.hpp"
#include "sim/graph/graph_from_params.hpp"

namespace community {

using namespace param;
namespace {

// The run's group types (C3): the scenario's [group_types.NAME] tables in file order, each the
// world's values with its settings applied; without any, the one type `default`.
std::vector<GroupType> group_types(const sim::Scenario& scenario, const sim::ParamValues& world) {
  const auto initial = initial_group_counts(scenario);
  if (scenario.group_types.empty())
    return {{"default", std::make_shared<sim::ParamValues>(world), initial[0], 0.0, -1}};
  std::vector<GroupType> types;
  for (std::size_t i = 0; i < scenario.group_types.size(); ++i) {
    const auto& spec = scenario.group_types[i];
    auto rules = std::make_shared<sim::ParamValues>(world);
    for (const auto& s : spec.settings) {
      const auto slot = sim::ParamValues::slot_of(s.path);
      rules->set(sim::declared_params().at(static_cast<std::size_t>(slot)),
                 static_cast<std::uint32_t>(slot), s.value);
    }
    types.push_back({spec.name, std::move(rules), initial[i], spec.per_day, spec.hour});
  }
  return types;
}

}  // namespace

std::vector<double> diurnal_profile(double evening_peak) {
  std::vector<double> w(24);
  double sum = 0;
  for (int h = 0; h < 24; ++h) {
    w[h] = std::pow(evening_peak, std::cos(2 * M_PI * (h - 21) / 24.0));
    sum += w[h];
  }
  for (double& x : w) x *= 24 / sum;
  return w;
}

World build_world(const sim::Scenario& scenario, std::uint64_t seed) {
  World w;
  w.seed = seed;
  w.rules = sim::ParamValues(scenario.params);
  w.logging = w.rules[output::events];
  w.people = sim::draw_population(scenario.params, seed);
  w.friends = sim::build_graph(scenario, seed);
  w.diurnal = diurnal_profile(w.rules[members::evening_peak]);
  w.groups_joined.assign(w.people.size, 0);
  w.is_spammer.assign(w.people.size, 0);
  for (PersonId p = 0; p < w.people.size; ++p) {
    sim::RandomStream rng(seed, purpose::spammers, p, 0);
    if (rng.uniform() < w.rules[members::spammer_share]) {
      w.is_spammer[p] = 1;
      w.spammers.push_back(p);
    }
  }
  w.types = group_types(scenario, w.rules);
  std::size_t initial = 0;
  for (const auto& t : w.types) initial += t.initial;
  w.groups.reserve(initial);
  // Types in file order, each type's groups in a row: group:N in an event is the N-th of these.
  for (std::uint16_t type = 0; type < w.types.size(); ++type)
    for (std::uint32_t k = 0; k < w.types[type].initial; ++k)
      found_populated_group(w, type, 0, w.groups.size());
  schedule_interventions(w, scenario.events);
  return w;
}

}  // namespace community
