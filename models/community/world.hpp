#pragma once
// The state of the community model: people (engine population + graph), the groups and,
// inside each group, its memberships as a structure of arrays.
#include <cstdint>
#include <vector>

#include "models/community/community_params.hpp"
#include "sim/graph/social_graph.hpp"
#include "sim/population/population.hpp"

namespace community {

using sim::PersonId;

struct GroupState {
  std::uint32_t id = 0;
  // Memberships, one slot per member (structure of arrays, same index everywhere).
  std::vector<PersonId> person;
  std::vector<std::uint32_t> last_post_tick;  // UINT32_MAX = never posted
  std::vector<std::uint32_t> posts;
  // Counters reset at the start of each day.
  std::uint32_t messages_today = 0;

  std::size_t size() const { return person.size(); }
};

struct World {
  std::uint64_t seed = 0;
  Params params;
  sim::Population people;
  sim::SocialGraph friends;
  std::vector<GroupState> groups;
  std::vector<double> diurnal;  // 24 hourly multipliers, mean 1
};

}  // namespace community
