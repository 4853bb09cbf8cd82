#pragma once
// Groups compete for their members' activity (F3: one person is in 100+ groups, follows fewer
// than 10, is active in fewer than 5; most groups fall silent). With members.activity_split = c,
// a member posts and answers in group g at
//
//   a_g = (1 − c) + c · s_g^f / Σ_k s_k^f
//
// of their activity, s_k their satisfaction in each group k they are in and f =
// members.activity_focus (f = 0: shared equally; f = 1: in proportion to satisfaction; larger:
// one posts mostly where one cares most); a member of one group keeps all of it. c = 0: every group
// gets one's whole activity (attention for reading is shared equally in any case, reading.cpp). The
// sums are taken at the end of each day (whole-world step "attention"); a membership begun since
// then counts its own satisfaction in the sum.
#include "models/community/world.hpp"
#include "sim/params/consistency.hpp"
#include "sim/params/key.hpp"

namespace community {

namespace param::members {
inline const sim::Key<double> activity_split = sim::real(
    {.path = "members.activity_split",
     .value = 0.0,
     .unit = "0-1",
     .min = 0,
     .max = 1,
     .meaning = "how far a member's activity is shared between their groups by satisfaction "
                "(0: each group gets all of it; 1: in proportion to satisfaction)",
     .claim = "F3"});
inline const sim::Key<double> activity_focus = sim::real(
    {.path = "members.activity_focus",
     .value = 1.0,
     .unit = "exponent",
     .min = 0,
     .max = 20,
     .meaning = "how strongly a member's shared activity goes to the groups they are most "
                "satisfied with (members.activity_split > 0)",
     .claim = "F3"});
// The focus shapes only the shared part: with no sharing it has no effect.
inline const std::size_t focus_needs_split = sim::consistency_rule(
    {{"members.activity_focus", "members.activity_split"},
     sim::RuleSeverity::warning,
     [](const sim::Parameters& p) -> std::string {
       return p.real("members.activity_split") > 0
                  ? ""
                  : "has no effect: members.activity_split is 0 (activity is not shared)";
     }});
}  // namespace param::members

// a_g of the member in `slot` of `g`.
double activity_share(const World& w, const GroupState& g, std::size_t slot);

// Whole-world daily step "attention": each person's s^f summed over their groups.
void sum_satisfaction(World& w, Tick t);

}  // namespace community
