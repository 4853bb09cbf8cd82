#include "models/community/community_params.hpp"

namespace community {

void register_params(sim::ParamRegistry& reg) {
  reg.integer("groups.count", 20, "groups", 1, 10'000'000, "groups founded at the start");
  reg.integer("groups.initial_size", 30, "members", 2, 100'000,
              "founding members of each group (the founder's friends and their friends)");
  reg.real("members.evening_peak", 2.0, "ratio", 1, 20,
           "activity at the 21:00 peak relative to the daily mean (diurnal rhythm)");
}

Params read_params(const sim::Parameters& p) {
  Params out;
  out.groups = static_cast<int>(p.integer("groups.count"));
  out.initial_size = static_cast<int>(p.integer("groups.initial_size"));
  out.evening_peak = p.real("members.evening_peak");
  return out;
}

}  // namespace community
