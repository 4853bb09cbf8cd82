#pragma once
// Founding groups (C1, C3; F3: groups are born every day). A founder not in too many groups and
// of at least the type's groups.founding_value_min is drawn at random; the founder passes the
// invitation to friends, they to theirs (breadth first), and each joins with probability
// ((1 + fit)/2)^recruitment.topic_selectivity (fit: cosine of their interest with the purpose)
// until groups.initial_size have joined. The purpose is the centre of the founder's community.
// The founder owns the group; the next groups.moderators − 1 highest-value founders moderate;
// the top value decile are its founding experts (their retention is tracked, C14).
//
// During the run, every hour, each group type founds a Poisson number of groups: mean per_day
// at its founding hour, or per_day × (that hour's share of members' activity) when it has none.
#include <cstdint>

#include "models/community/world.hpp"

namespace community {

// An empty group of type `type` (its rules the type's), its id the next free index.
GroupState& found_group(World& world, const Eigen::VectorXf& focus, Tick t, std::uint16_t type);

// Founds one group of `type` at `t` with founders from the social graph as above; `draw` keys
// its random stream. Returns its index (the group is dissolved at once when nobody qualifies).
std::size_t found_populated_group(World& world, std::uint16_t type, Tick t, std::uint64_t draw);

// The owner (the first member), moderators and founding experts of a group just filled.
void assign_founding_roles(const World& world, GroupState& g);

// The groups each type founds this hour (whole-world step "founding").
void found_new_groups(World& world, Tick t);

}  // namespace community
