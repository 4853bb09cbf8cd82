#pragma once
// The state of the community model: people (engine population + graph + model traits), the
// groups and, inside each group, its memberships as a structure of arrays (one slot per
// member, the same index in every array). Per-group scratch buffers are reused every tick
// so the hot loop does not allocate.
#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <vector>

#include "models/community/community_params.hpp"
#include "sim/core/clock.hpp"
#include "sim/graph/social_graph.hpp"
#include "sim/population/population.hpp"

namespace community {

using sim::PersonId;
using sim::Tick;

inline constexpr std::uint32_t never = std::numeric_limits<std::uint32_t>::max();

// moved: taken to a new group by a split (neither a departure nor a membership ended).
enum class MemberState : std::uint8_t { active, muted, left, removed, moved };

// Roles and facts about a membership, as bit flags.
enum MemberFlag : std::uint8_t {
  owner = 1,
  moderator = 2,
  paid_fee = 4,
  founding_expert = 8,  // in the group's top value decile at founding (for retention)
  ad_account = 16,
  top_decile = 32,  // in the group's top value decile at the start of the day
  founder = 64,     // joined when the group was founded (core member: may invite under invite_only)
  aligned = 128,  // interest aligned with the founding focus (≥ metrics.aligned_above) at day start
};

enum class MessageKind : std::uint8_t { content, chat, ad, programme };

enum class JoinChannel : std::uint8_t { friend_invite, open_channel };

struct Message {
  std::uint32_t poster_slot;  // never for programme posts
  MessageKind kind;
  float quality;
  float novelty;
  bool removed;
};

struct Applicant {
  PersonId person;
  JoinChannel channel;
  bool paid;
};

// What happened in a group today; reset at the start of each day.
struct DayCounts {
  std::uint32_t messages[4] = {0, 0, 0, 0};  // by MessageKind
  std::uint32_t posts_removed = 0;
  std::uint32_t joins_friend = 0, joins_open = 0;
  std::uint32_t leaves = 0, removals = 0;
  std::uint32_t member_removals = 0;  // removals of real members (not ad accounts)
  double joiner_value = 0, leaver_value = 0;
  double leaver_alignment = 0;
  std::uint32_t top_decile_departures = 0, other_departures = 0;  // leaves + removals
  std::uint32_t aligned_departures = 0;
  double value_gained = 0;  // benefit members drew from reading
};

struct Memberships {
  std::vector<PersonId> person;
  std::vector<MemberState> state;
  std::vector<std::uint8_t> flags;
  std::vector<float> satisfaction;
  std::vector<Tick> joined;
  std::vector<Tick> last_post;
  std::vector<std::uint32_t> posts;
  std::vector<float> violations;  // removed posts, fading with moderation.violation_memory_days
  std::vector<std::uint16_t> friends_inside;
  std::vector<float> benefit_today, cost_today;

  std::size_t slots() const { return person.size(); }
  bool present(std::size_t i) const {
    return state[i] == MemberState::active || state[i] == MemberState::muted;
  }
  void add(PersonId p, Tick now, float satisfaction0, std::uint8_t flag_bits);
  void erase_if_gone();  // drops left and removed slots, keeping order
};

struct GroupState {
  std::uint32_t id = 0;
  Tick founded = 0;
  bool alive = true;
  Tick ended = never;
  Eigen::VectorXf focus;         // founding purpose (unit vector)
  Eigen::VectorXf conversation;  // running average of recent message topics
  Eigen::VectorXf promotion;     // the off-focus direction an owner pushes (C7, C10)
  int moderators = 0;  // present members who moderate (recounted daily, less those who left)
  Memberships members;
  std::vector<PersonId> former;  // sorted: people who left or were removed (not re-invited)

  // Recent activity, for liveliness: messages in each of the last 24 hours.
  std::uint32_t hourly_messages[sim::ticks_per_day] = {};
  std::uint32_t messages_last_day = 0;

  DayCounts today;
  // Members in and outside the top value decile when the day began (rates' denominators).
  std::uint32_t top_decile_base = 0, other_base = 0, aligned_base = 0;
  std::uint32_t founding_experts = 0;  // for expert retention
  std::uint32_t screened_today = 0;

  // Scratch, reused: this hour's messages and their topics (topic k of message j is
  // topics(k, j)), today's applicants, people released at the last compaction.
  std::vector<Message> inbox;
  Eigen::MatrixXf topics;
  std::vector<Applicant> applicants;
  std::vector<PersonId> released;
  std::vector<PersonId> scratch_people;
  std::vector<PersonId> scratch_invited;
  std::vector<float> scratch_values;

  std::size_t present_count() const;
};

struct World {
  std::uint64_t seed = 0;
  Params params;
  sim::Population people;
  sim::SocialGraph friends;
  std::vector<std::uint8_t> is_spammer;      // per person
  std::vector<PersonId> spammers;            // their ids, for open-channel arrivals
  std::vector<std::uint16_t> groups_joined;  // per person; changed in whole-world steps only
  std::vector<GroupState> groups;
  std::vector<double> diurnal;  // 24 hourly multipliers, mean 1
};

}  // namespace community
