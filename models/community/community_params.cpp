#include "models/community/community_params.hpp"

namespace community {
namespace {

void claim(sim::ParamSpec& s, const char* c) {
  s.claim = c;
}

void register_groups(sim::ParamRegistry& r) {
  r.integer("groups.count", 20, "groups", 1, 10'000'000, "groups founded at the start");
  claim(r.integer("groups.initial_size", 30, "members", 2, 100'000,
                  "founding members: the founder, their friends, friends of friends"),
        "C5");
  claim(r.integer("groups.moderators", 1, "moderators", 0, 1000,
                  "managers who moderate (0 = leaderless: nothing is removed)"),
        "C11");
  claim(
      r.real("groups.strictness", 0.3, "0-1", 0, 1,
             "rule strictness: removes off-topic and (when high) legitimate posts, chills posting"),
      "C12");
  claim(r.choice("groups.entry", "open", {"open", "invite_only", "fee", "task", "screening"},
                 "entry policy for newcomers"),
        "C20");
  claim(r.real("groups.open_channel_per_day", 1.0, "people/day", 0, 1e5,
               "strangers arriving through the public channel (QR code) a day while it is open"),
        "C15");
  claim(r.real("groups.open_ad_share", 0.15, "share", 0, 1,
               "share of open-channel arrivals that are ad accounts"),
        "C15");
  claim(r.real("groups.fee", 0.0, "value units", 0, 1e6,
               "entry fee (fee policy): people join only if willing to pay it"),
        "C20");
  claim(r.integer("groups.task_days", 7, "days", 1, 3650,
                  "task policy: members who have not posted within this many days are removed"),
        "C20");
  claim(r.real("groups.screen_alignment", 0.5, "cosine", -1, 1,
               "screening policy: least interest alignment with the focus to be admitted"),
        "C21");
  claim(r.real("groups.screen_value", 0.0, "value units", 0, 1e6,
               "screening policy: least value (expertise) to be admitted"),
        "C21");
  claim(r.real("groups.founding_value_min", 0.0, "value units", 0, 1e6,
               "founders invite only friends (and friends of friends) with at least this value: "
               "a circle of peers"),
        "C14");
  claim(r.integer("groups.screen_capacity", 10, "applicants/day", 0, 100000,
                  "screening policy: applicants one moderator can screen a day"),
        "C21");
  claim(r.integer("groups.size_cap", 500, "members", 2, 10'000'000, "no joins beyond this size"),
        "C24");
  claim(r.integer("groups.split_at", 0, "members", 0, 10'000'000,
                  "split a group in two by interest when it grows past this size (0 = never)"),
        "C22");
  claim(r.integer("groups.lifetime_hours", 0, "hours", 0, 1'000'000,
                  "flash groups close this many hours after founding (0 = no limit)"),
        "C23");
  claim(r.real("groups.programme_per_day", 0.0, "posts/day", 0, 24,
               "scheduled on-focus posts by the organisers (daily topic, check-in, talk)"),
        "C25");
  claim(r.real("groups.programme_quality", 2.0, "value units", 0, 100,
               "quality of a scheduled post, on the same scale as member value"),
        "C25");
  claim(r.boolean("groups.ads_allowed", false, "ads are tolerated: moderators leave them up"),
        "C28");
  claim(r.real("groups.owner_drift", 0.0, "share", 0, 1,
               "share of the owner's posts that push off-focus topics (promotions)"),
        "C7");
  r.integer("groups.death_window_days", 14, "days", 1, 3650,
            "a group is dead when too few members posted in this many days");
  r.real("groups.death_active_share", 0.05, "share", 0, 1,
         "least share of members posting within the window for a group to count as alive");
  r.integer("groups.min_size", 3, "members", 0, 1000, "a group with fewer members is dead");
}

void register_members(sim::ParamRegistry& r) {
  r.real("members.evening_peak", 2.0, "ratio", 1, 20,
         "activity at the 21:00 peak relative to the daily mean (diurnal rhythm)");
  claim(r.real("members.chat_share", 0.4, "share", 0, 1,
               "share of ordinary members' posts that are idle chat rather than content"),
        "C15");
  claim(r.real("members.topic_pull", 0.4, "0-1", 0, 1,
               "how far a post's topic is pulled from the poster's interest to the current "
               "conversation (conversations drift)"),
        "C10");
  r.real("members.topic_noise", 0.3, "", 0, 10, "randomness of a post's topic");
  claim(r.real("members.conversation_memory", 20, "messages", 1, 1e6,
               "messages over which the running conversation topic is averaged"),
        "C10");
  r.real(
      "members.liveliness_strength", 0.6, "0-1", 0, 1,
      "how much posting depends on recent activity in the group (people talk where others talk)");
  r.real("members.liveliness_half", 0.3, "messages/member/day", 0.001, 1000,
         "recent message rate at which liveliness has its neutral value");
  claim(r.real("members.chill", 0.6, "0-1", 0, 1,
               "how much full strictness suppresses posting (fear of breaking rules)"),
        "C12");
  claim(r.real("members.spammer_share", 0.02, "share", 0, 1, "share of people who are ad accounts"),
        "C15");
  claim(r.real("members.spam_per_day", 3.0, "posts/day", 0, 1000, "ads an ad account posts a day"),
        "C15");
  r.integer("members.max_groups", 8, "groups", 1, 10000,
            "a person joins no more groups than this (attention is shared between them)");
  r.real("members.satisfaction_initial", 0.7, "0-1", 0, 1, "satisfaction on joining");
}

void register_reading(sim::ParamRegistry& r) {
  r.real("reading.read_cost", 0.15, "value units/message", 0, 100,
         "effort of reading one message, paid whatever its worth");
  claim(r.real("reading.chat_value", 0.3, "share", 0, 10,
               "worth of idle chat relative to content of the same relevance"),
        "C15");
  claim(
      r.real("reading.ad_cost", 1.0, "value units/message", 0, 100, "annoyance of reading one ad"),
      "C15");
  r.real("reading.overload_cost", 0.5, "value units/day", 0, 100,
         "cost per day of a feed twice as long as one's attention (scales with the excess)");
  claim(
      r.real("reading.novelty_days", 60, "days", 0.1, 36500,
             "how fast the same voices stop being new: a poster's novelty decays over this tenure"),
      "C13");
  claim(r.real("reading.novelty_floor", 0.25, "share", 0, 1,
               "novelty left in posts by long-standing members"),
        "C13");
  claim(r.real("reading.muted_reading", 0.1, "share", 0, 1,
               "share of the feed a member who muted the group still reads"),
        "C4");
}

void register_satisfaction(sim::ParamRegistry& r) {
  r.real("satisfaction.memory_days", 7, "days", 1, 3650,
         "time constant of satisfaction (how many days of experience it averages)");
  r.real("satisfaction.opportunity_cost", 1.5, "value units/day", -100, 100,
         "net value a day a group must give to be worth staying in");
  claim(r.real("satisfaction.belonging", 1.5, "value units/day", 0, 100,
               "worth of a lively conversation that matches one's interest: adds belonging · "
               "liveliness · (fit - 0.5) to the day's net value (fit: cosine of interest and "
               "conversation topic)"),
        "C10");
  r.real("satisfaction.scale", 1.5, "value units/day", 0.01, 100,
         "net value a day that moves satisfaction from 0.5 to 0.73");
  claim(r.real("satisfaction.rule_cost", 1.0, "value units/day", 0, 100,
               "daily burden of rules at full strictness (many dislike constraints)"),
        "C12");
  claim(r.real("satisfaction.removal_cost", 3.0, "value units/day", 0, 1000,
               "resentment per day when every member was removed (scaled by share removed)"),
        "C12");
  claim(r.real("satisfaction.tie_bonus", 0.15, "0-1", 0, 1,
               "satisfaction added by friends inside the group (saturating)"),
        "C5");
  claim(r.real("satisfaction.fee_bonus", 0.1, "0-1", 0, 1,
               "satisfaction added by having paid to join (commitment)"),
        "C20");
  claim(r.real("satisfaction.mute_below", 0.35, "0-1", 0, 1, "members mute the group below this"),
        "C13");
  r.real("satisfaction.unmute_above", 0.5, "0-1", 0, 1, "muted members come back above this");
  r.real("satisfaction.leave_below", 0.25, "0-1", 0, 1, "members consider leaving below this");
  r.real("satisfaction.leave_hazard", 0.15, "1/day", 0, 1,
         "daily chance of leaving at satisfaction 0 (falls linearly to 0 at leave_below)");
  claim(r.real("satisfaction.lurker_hazard", 0.005, "1/day", 0, 1,
               "daily chance that a member who muted the group leaves"),
        "C22");
}

void register_moderation(sim::ParamRegistry& r) {
  claim(r.real("moderation.capacity", 30, "messages/hour", 0, 1e6,
               "messages one moderator reviews an hour"),
        "C11");
  claim(r.real("moderation.ad_detection", 0.9, "probability", 0, 1,
               "chance that a reviewed ad is recognised (and its account removed)"),
        "C21");
  claim(r.real("moderation.enforcement_full", 0.2, "0-1", 0, 1,
               "strictness from which the no-ads rule is fully enforced (below it, in proportion)"),
        "C21");
  claim(r.real("moderation.offtopic_below", 0.2, "cosine", -1, 1,
               "a post whose topic is less aligned with the focus than this is off-topic"),
        "C10");
  claim(r.real("moderation.false_removal", 0.3, "probability", 0, 1,
               "chance, at full strictness, that a legitimate post is removed"),
        "C12");
  claim(r.integer("moderation.violations_to_remove", 5, "posts", 1, 1000,
                  "removed posts before a member is removed, at zero strictness "
                  "(falls to 1 at full strictness)"),
        "C12");
  r.real("moderation.violation_memory_days", 30, "days", 0.1, 36500,
         "violations fade with this time constant (a removed post is forgiven in time)");
}

void register_recruitment(sim::ParamRegistry& r) {
  r.real("recruitment.invite_above", 0.6, "0-1", 0, 1,
         "members above this satisfaction invite their friends");
  r.real("recruitment.friend_rate", 0.03, "1/day", 0, 1,
         "daily chance that a well-connected, interested friend joins (the saturation level)");
  r.real("recruitment.friends_half", 1.5, "friends", 0.01, 1000,
         "friends inside at which the join chance reaches 63% of its level (concave in friends)");
  claim(r.real("recruitment.value_seeking", 1.0, "exponent", 0, 10,
               "people join to gain: a candidate of value v joins a group of mean value q with "
               "weight min(1, 2q/(q+v))^value_seeking, so experts join less readily than novices"),
        "C14");
  claim(r.real("recruitment.fee_willingness", 3.0, "value units", 0, 1e6,
               "willingness to pay, per unit of interest fit and of the group's mean member value"),
        "C20");
}

}  // namespace

void register_params(sim::ParamRegistry& reg) {
  register_groups(reg);
  register_members(reg);
  register_reading(reg);
  register_satisfaction(reg);
  register_moderation(reg);
  register_recruitment(reg);
  claim(reg.real("metrics.aligned_above", 0.5, "cosine", -1, 1,
                 "members whose interest has at least this alignment with the founding focus "
                 "count as aligned with the purpose (for leave_rate_aligned)"),
        "C10");
  reg.integer("snapshots.every_days", 0, "days", 0, 36500,
              "write per-member snapshots every this many days (0 = never)");
}

Params read_params(const sim::Parameters& p) {
  Params o;
  auto& g = o.groups;
  g.count = static_cast<int>(p.integer("groups.count"));
  g.initial_size = static_cast<int>(p.integer("groups.initial_size"));
  g.moderators = static_cast<int>(p.integer("groups.moderators"));
  g.strictness = p.real("groups.strictness");
  const std::string& entry = p.text("groups.entry");
  g.entry = entry == "invite_only" ? EntryPolicy::invite_only
            : entry == "fee"       ? EntryPolicy::fee
            : entry == "task"      ? EntryPolicy::task
            : entry == "screening" ? EntryPolicy::screening
                                   : EntryPolicy::open;
  g.open_channel_per_day = p.real("groups.open_channel_per_day");
  g.open_ad_share = p.real("groups.open_ad_share");
  g.fee = p.real("groups.fee");
  g.task_days = static_cast<int>(p.integer("groups.task_days"));
  g.screen_alignment = p.real("groups.screen_alignment");
  g.screen_value = p.real("groups.screen_value");
  g.founding_value_min = p.real("groups.founding_value_min");
  g.screen_capacity = static_cast<int>(p.integer("groups.screen_capacity"));
  g.size_cap = static_cast<int>(p.integer("groups.size_cap"));
  g.split_at = static_cast<int>(p.integer("groups.split_at"));
  g.lifetime_hours = static_cast<int>(p.integer("groups.lifetime_hours"));
  g.programme_per_day = p.real("groups.programme_per_day");
  g.programme_quality = p.real("groups.programme_quality");
  g.ads_allowed = p.flag("groups.ads_allowed");
  g.owner_drift = p.real("groups.owner_drift");
  g.death_window_days = static_cast<int>(p.integer("groups.death_window_days"));
  g.death_active_share = p.real("groups.death_active_share");
  g.min_size = static_cast<int>(p.integer("groups.min_size"));

  auto& m = o.members;
  m.evening_peak = p.real("members.evening_peak");
  m.chat_share = p.real("members.chat_share");
  m.topic_pull = p.real("members.topic_pull");
  m.topic_noise = p.real("members.topic_noise");
  m.conversation_memory = p.real("members.conversation_memory");
  m.liveliness_strength = p.real("members.liveliness_strength");
  m.liveliness_half = p.real("members.liveliness_half");
  m.chill = p.real("members.chill");
  m.spammer_share = p.real("members.spammer_share");
  m.spam_per_day = p.real("members.spam_per_day");
  m.max_groups = static_cast<int>(p.integer("members.max_groups"));
  m.satisfaction_initial = p.real("members.satisfaction_initial");

  auto& rd = o.reading;
  rd.read_cost = p.real("reading.read_cost");
  rd.chat_value = p.real("reading.chat_value");
  rd.ad_cost = p.real("reading.ad_cost");
  rd.overload_cost = p.real("reading.overload_cost");
  rd.novelty_days = p.real("reading.novelty_days");
  rd.novelty_floor = p.real("reading.novelty_floor");
  rd.muted_reading = p.real("reading.muted_reading");

  auto& s = o.satisfaction;
  s.memory_days = p.real("satisfaction.memory_days");
  s.opportunity_cost = p.real("satisfaction.opportunity_cost");
  s.belonging = p.real("satisfaction.belonging");
  s.scale = p.real("satisfaction.scale");
  s.rule_cost = p.real("satisfaction.rule_cost");
  s.removal_cost = p.real("satisfaction.removal_cost");
  s.tie_bonus = p.real("satisfaction.tie_bonus");
  s.fee_bonus = p.real("satisfaction.fee_bonus");
  s.mute_below = p.real("satisfaction.mute_below");
  s.unmute_above = p.real("satisfaction.unmute_above");
  s.leave_below = p.real("satisfaction.leave_below");
  s.leave_hazard = p.real("satisfaction.leave_hazard");
  s.lurker_hazard = p.real("satisfaction.lurker_hazard");

  auto& md = o.moderation;
  md.capacity = p.real("moderation.capacity");
  md.ad_detection = p.real("moderation.ad_detection");
  md.enforcement_full = p.real("moderation.enforcement_full");
  md.offtopic_below = p.real("moderation.offtopic_below");
  md.false_removal = p.real("moderation.false_removal");
  md.violations_to_remove = static_cast<int>(p.integer("moderation.violations_to_remove"));
  md.violation_memory_days = p.real("moderation.violation_memory_days");

  auto& rc = o.recruitment;
  rc.invite_above = p.real("recruitment.invite_above");
  rc.friend_rate = p.real("recruitment.friend_rate");
  rc.friends_half = p.real("recruitment.friends_half");
  rc.fee_willingness = p.real("recruitment.fee_willingness");
  rc.value_seeking = p.real("recruitment.value_seeking");

  o.snapshot_every_days = static_cast<int>(p.integer("snapshots.every_days"));
  o.aligned_above = p.real("metrics.aligned_above");
  return o;
}

}  // namespace community
