#pragma once
// Admission, once a day, over the whole world in group order (people may apply to several
// groups at once, and a person's count of groups is shared): each group's applicants are let
// in, in order, while the group is under its size cap and the person under max_groups.
#include "models/community/world.hpp"

namespace community {

void admit_applicants(World& world, Tick t);

}  // namespace community
