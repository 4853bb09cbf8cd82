#pragma once
// Moderation with limited capacity (claims C11, C12, C21): the group's present moderators
// review up to moderators × capacity messages an hour, in order. An ad is recognised with
// probability ad_detection · min(1, strictness / enforcement_full) — with no rules nobody
// acts on ads — and removed with its account (unless ads are allowed, C28). A post whose topic is
// off the focus is removed with probability strictness; a legitimate one with probability
// false_removal · strictness². Each removed post is a violation; a member with
// ceil(violations_to_remove · (1 - strictness)) of them (at least 1) is removed, the owner
// excepted. Without moderators nothing is removed (C11).
#include "models/community/world.hpp"

namespace community {

int violations_allowed(const sim::ParamValues& rules, double strictness);

// How consistently the no-ads rule is enforced: min(1, strictness / enforcement_full).
double enforcement(const sim::ParamValues& rules, double strictness);

void moderate(World& world, std::size_t group, Tick t);

}  // namespace community
