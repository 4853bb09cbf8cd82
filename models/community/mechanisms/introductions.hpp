#pragma once
// Self-introductions and welcome (C29: "asking every member to introduce themselves raises
// activity and ties"). Under groups.introductions, a newcomer (invited, through the open
// channel or brought by an influx; not a founder, not an ad account, not a member moved by a
// split) posts an introduction in the hour after joining: a thread-opening post on their own
// interest. Readers answer it like any post, with keenness
//
//   reply_rate · activity · members.welcome_pull   (times 1 + members.reply_ties for a friend)
//
// whatever its topic, because a welcome is social. The welcome is what the rule buys: the
// newcomer has spoken once, and each answer is recognition (satisfaction.recognition_value) —
// nothing here adds satisfaction or posting directly.
#include "models/community/world.hpp"
#include "sim/params/consistency.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::groups {
inline const sim::Key<bool> introductions =
    sim::flag({.path = "groups.introductions",
               .value = false,
               .meaning = "newcomers post a self-introduction in the hour after joining, which "
                          "members answer with a welcome (members.welcome_pull)",
               .claim = "C29",
               .scope = sim::ParamScope::group});
}  // namespace param::groups

namespace param::members {
inline const sim::Key<double> welcome_pull = sim::real(
    {.path = "members.welcome_pull",
     .value = 3.0,
     .unit = "ratio",
     .min = 0,
     .max = 100,
     .meaning = "how much a newcomer's self-introduction invites an answer, whatever its topic "
                "(groups.introductions; a welcome is social)",
     .claim = "C29"});
// The welcome is read only where newcomers introduce themselves.
inline const std::size_t welcome_needs_introductions = sim::consistency_rule(
    {{"members.welcome_pull", "groups.introductions"},
     sim::RuleSeverity::warning,
     [](const sim::Parameters& p) -> std::string {
       return p.flag("groups.introductions")
                  ? ""
                  : "has no effect: groups.introductions is false (nobody introduces themselves)";
     }});
}  // namespace param::members

// Queues the newcomer in `slot`'s introduction when the group asks for one and they came by
// `channel`.
void ask_introduction(GroupState& g, std::size_t slot, JoinChannel channel);

}  // namespace community
