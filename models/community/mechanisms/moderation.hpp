#pragma once
// Moderation with limited capacity (claims C10, C11, C12, C21, C28): the group's present
// moderators review up to moderators × capacity messages an hour, in order, programme posts
// included. An ad is recognised with probability ad_detection · min(1, strictness /
// enforcement_full) — with no rules nobody acts on ads — and removed with its account (unless
// ads are allowed, C28). Under an on-topic rule (groups.offtopic_rule) a post whose topic is
// off the focus is removed with probability strictness; any post with probability
// false_removal · strictness² (the stricter, the more legitimate posts go, C12). Each removed
// post but idle chat (curbed, not punished) is a violation; a member with ceil(violations_to_remove
// · (1 - strictness)) of them (at least 1) is removed, the owner excepted. Without moderators
// nothing is removed (C11).
//
// Removals as experienced (C12): the poster of a removed post pays removal_cost and grows
// wary (wariness += wariness_gain · (1 - wariness): they post and answer less, posting.hpp);
// each of their friends in the group pays friend_removal_cost and grows wary by
// friend_wariness, and so do the friends of a member removed from the group. Wariness is felt
// every day it lasts (satisfaction.hpp: the constraint one lives under, C12). A removal provokes a
// complaint from its poster in the next hour with probability dispute_rate · max(0, cos(post,
// focus)) — the more on-topic the removed post, the more unjust it feels — or makes them leave at
// once in protest, with probability protest_exit · max(0, cos) · (1 - satisfaction); resentment
// and wariness scale by the same max(0, cos) (an off-topic post removed is no injustice);
// complaints and the replies that take sides are disputes (posting.hpp, reading.hpp), off-topic
// themselves, so strict rules remove them too and draw more complaints: "the stricter the rules,
// the more disputes".
#include "models/community/world.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::groups {
inline const sim::Key<bool> offtopic_rule =
    sim::flag({.path = "groups.offtopic_rule",
               .value = true,
               .meaning = "moderators remove off-topic posts (a stated, enforced purpose)",
               .claim = "C10",
               .scope = sim::ParamScope::group});
}  // namespace param::groups

namespace param::moderation {
inline const sim::Key<double> dispute_rate =
    sim::real({.path = "moderation.dispute_rate",
               .value = 0.3,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "chance that removing a fully on-topic post provokes a complaint from "
                          "its poster (times max(0, cos): less for posts less on topic)",
               .claim = "C12"});
}  // namespace param::moderation

namespace param::satisfaction {
inline const sim::Key<double> removal_cost =
    sim::real({.path = "satisfaction.removal_cost",
               .value = 2.0,
               .unit = "value units",
               .min = 0,
               .max = 1000,
               .meaning = "resentment of having one's post removed",
               .claim = "C12"});
inline const sim::Key<double> friend_removal_cost =
    sim::real({.path = "satisfaction.friend_removal_cost",
               .value = 1.0,
               .unit = "value units",
               .min = 0,
               .max = 1000,
               .meaning = "resentment of seeing a friend's post, or the friend, removed",
               .claim = "C12"});
}  // namespace param::satisfaction

namespace param::members {
inline const sim::Key<double> wariness_gain =
    sim::real({.path = "members.wariness_gain",
               .value = 0.3,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "wariness a removal of one's post adds (a share of the way to 1)",
               .claim = "C12"});
inline const sim::Key<double> protest_exit =
    sim::real({.path = "members.protest_exit",
               .value = 0.5,
               .unit = "probability",
               .min = 0,
               .max = 1,
               .meaning = "chance that having a fully on-topic post removed makes a fully "
                          "dissatisfied member leave at once (times max(0, cos) and 1 - s)",
               .claim = "C12"});
inline const sim::Key<double> wariness_silence =
    sim::real({.path = "members.wariness_silence",
               .value = 0.5,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "how much full wariness holds a member back from posting and answering "
                          "(posting and answering times 1 - this · wariness)",
               .claim = "C12"});
inline const sim::Key<double> friend_wariness =
    sim::real({.path = "members.friend_wariness",
               .value = 0.1,
               .unit = "0-1",
               .min = 0,
               .max = 1,
               .meaning = "wariness seeing a friend's post, or the friend, removed adds",
               .claim = "C12"});
}  // namespace param::members

int violations_allowed(const sim::ParamValues& rules, double strictness);

// How consistently the no-ads rule is enforced: min(1, strictness / enforcement_full).
double enforcement(const sim::ParamValues& rules, double strictness);

void moderate(World& world, std::size_t group, Tick t);

}  // namespace community
