#pragma once
// The community model's parameters, declared once (with unit, range and the claim each
// implements; docs/ODD.md explains each) and read into plain structs before the run so the
// hot loop never looks a parameter up by name.
#include "sim/params/param_registry.hpp"
#include "sim/params/parameters.hpp"

namespace community {

enum class EntryPolicy { open, invite_only, fee, task, screening };

struct GroupRules {
  int count = 0;
  int initial_size = 0;
  int moderators = 0;
  double strictness = 0;
  EntryPolicy entry = EntryPolicy::open;
  double open_channel_per_day = 0;
  double open_ad_share = 0;
  double fee = 0;
  int task_days = 0;
  double screen_alignment = 0;
  double screen_value = 0;
  double founding_value_min = 0;
  int screen_capacity = 0;
  int size_cap = 0;
  int split_at = 0;
  int lifetime_hours = 0;
  double programme_per_day = 0;
  double programme_quality = 0;
  bool ads_allowed = false;
  double owner_drift = 0;
  int death_window_days = 0;
  double death_active_share = 0;
  int min_size = 0;
};

struct MemberRules {
  double evening_peak = 0;
  double chat_share = 0;
  double topic_pull = 0;
  double topic_noise = 0;
  double conversation_memory = 0;
  double liveliness_strength = 0;
  double liveliness_half = 0;
  double chill = 0;
  double spammer_share = 0;
  double spam_per_day = 0;
  int max_groups = 0;
  double satisfaction_initial = 0;
};

struct ReadingRules {
  double read_cost = 0;
  double chat_value = 0;
  double ad_cost = 0;
  double overload_cost = 0;
  double novelty_days = 0;
  double novelty_floor = 0;
  double muted_reading = 0;
};

struct SatisfactionRules {
  double memory_days = 0;
  double opportunity_cost = 0;
  double belonging = 0;
  double scale = 0;
  double rule_cost = 0;
  double removal_cost = 0;
  double tie_bonus = 0;
  double fee_bonus = 0;
  double mute_below = 0;
  double unmute_above = 0;
  double leave_below = 0;
  double leave_hazard = 0;
  double lurker_hazard = 0;
};

struct ModerationRules {
  double capacity = 0;
  double ad_detection = 0;
  double enforcement_full = 0;
  double offtopic_below = 0;
  double false_removal = 0;
  int violations_to_remove = 0;
  double violation_memory_days = 0;
};

struct RecruitmentRules {
  double invite_above = 0;
  double friend_rate = 0;
  double friends_half = 0;
  double fee_willingness = 0;
  double value_seeking = 0;
};

struct Params {
  GroupRules groups;
  MemberRules members;
  ReadingRules reading;
  SatisfactionRules satisfaction;
  ModerationRules moderation;
  RecruitmentRules recruitment;
  int snapshot_every_days = 0;
  double aligned_above = 0;
};

void register_params(sim::ParamRegistry& reg);
Params read_params(const sim::Parameters& p);

}  // namespace community
