#pragma once
// Leaders change (claim C27: "find and grow the next leader; multiple managers"), once a day
// after muting and leaving. A group whose owner left is handed to its longest-serving present
// moderator; with none, under a succession rule, to the rule's best candidate; under `none` it
// stays without an owner. While the owner is present, they keep groups.moderators managers:
// when a moderator leaves, the owner promotes the best candidate by groups.succession —
// `most_active` (most posts per day since joining) or `active_expert` (highest value among
// those who posted in the last 7 days); `none` replaces nobody. Without an owner nobody
// appoints, and a group whose managers are all gone is leaderless: no moderation, no
// programme (C11). With groups.promote_experts = k > 0 the owner also keeps k more: active
// experts (the `active_expert` candidate) promoted to moderator, each recognised on promotion
// (satisfaction moves rewards.recognition of the way to 1) — growing the next leaders (C27).
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

enum class Succession { none, most_active, active_expert };

namespace param::groups {
inline const sim::Key<Succession> succession = sim::choice<Succession>(
    {.path = "groups.succession",
     .value = Succession::most_active,
     .choices = {"none", "most_active", "active_expert"},
     .meaning = "who replaces a manager who left: nobody, the most active member, or the most "
                "valuable recently active member",
     .claim = "C27",
     .scope = sim::ParamScope::group});
}  // namespace param::groups

void hand_on_leadership(World& world, std::size_t group, Tick t);

}  // namespace community
