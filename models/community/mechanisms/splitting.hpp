#pragma once
// Splitting an over-large group (claims C22, C24): when a group grows past split_at members
// its members are divided by interest (two-means on interest vectors, starting from the
// focus and the member least aligned with it). Those more aligned with the second centre
// than with the parent's focus move to a new
// group whose focus is that centre, owned by its highest-value member, with the same rules.
// Moving is neither a departure nor a join.
#include "models/community/world.hpp"

namespace community {

void split_large_groups(World& world, Tick t);

}  // namespace community
