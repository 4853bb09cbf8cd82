// The tick order of the community model, in one place. Every hour: the scenario's interventions
// and the founding of new groups (whole world), then per group (in parallel): programme,
// posting, moderation, reading, group life. At the end of each day: satisfaction,
// rewards, muting and leaving, succession, recruitment (per group), then admission and splitting
// (whole world, in group order), housekeeping (per group) and release of ended memberships (whole
// world), and each person's satisfaction summed over their groups (attention, whole world).
#include "models/community/community_model.hpp"
#include "models/community/mechanisms/admission.hpp"
#include "models/community/mechanisms/attention.hpp"
#include "models/community/mechanisms/departures.hpp"
#include "models/community/mechanisms/founding.hpp"
#include "models/community/mechanisms/group_life.hpp"
#include "models/community/mechanisms/housekeeping.hpp"
#include "models/community/mechanisms/interventions.hpp"
#include "models/community/mechanisms/moderation.hpp"
#include "models/community/mechanisms/posting.hpp"
#include "models/community/mechanisms/programme.hpp"
#include "models/community/mechanisms/reading.hpp"
#include "models/community/mechanisms/recruitment.hpp"
#include "models/community/mechanisms/rewards.hpp"
#include "models/community/mechanisms/satisfaction.hpp"
#include "models/community/mechanisms/splitting.hpp"
#include "models/community/mechanisms/succession.hpp"

namespace community {

sim::Schedule<World> tick_order() {
  sim::Schedule<World> s;
  s.whole_world("interventions", apply_interventions)
      .whole_world("founding", found_new_groups)
      .per_group("programme", run_programme)
      .per_group("posting", post_messages)
      .per_group("moderation", moderate)
      .per_group("reading", read_messages)
      .per_group("group life", check_group_life)
      .per_group_daily("satisfaction", update_satisfaction)
      .per_group_daily("rewards", grant_rewards)
      .per_group_daily("muting and leaving", mute_and_leave)
      .per_group_daily("succession", hand_on_leadership)
      .per_group_daily("recruitment", recruit)
      .whole_world_daily("admission", admit_applicants)
      .whole_world_daily("splitting", split_large_groups)
      .per_group_daily("housekeeping", tidy_group)
      .whole_world_daily("release", release_memberships)
      .whole_world_daily("attention", sum_satisfaction);
  return s;
}

}  // namespace community
