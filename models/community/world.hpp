#pragma once
// The state of the community model: people (engine population + graph + model traits), the
// groups and, inside each group, its memberships as a structure of arrays (one slot per
// member, the same index in every array). Per-group scratch buffers are reused every tick
// so the hot loop does not allocate.
#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <memory>
#include <source_location>
#include <string>
#include <vector>

#include "models/community/community_params.hpp"
#include "models/community/event_log.hpp"
#include "sim/core/clock.hpp"
#include "sim/core/columns.hpp"
#include "sim/graph/social_graph.hpp"
#include "sim/population/population.hpp"
#include "sim/scenario/events.hpp"

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

// dispute: a member's complaint about a removal, and the replies that take sides (C12).
enum class MessageKind : std::uint8_t { content, chat, ad, programme, dispute };
inline constexpr int message_kinds = 5;

// How someone came into a group: invited by a friend inside, through the open channel, brought
// by an influx event (F2), as one of its founders, or moved with a split.
enum class JoinChannel : std::uint8_t { friend_invite, open_channel, influx, founder, split };

struct Message {
  std::uint32_t poster_slot;  // never for programme posts
  MessageKind kind;
  float quality;
  float novelty;
  bool removed = false;
  bool question = false;           // asks for help (novices ask, C14)
  bool introduction = false;       // a newcomer's self-introduction (C29); beside the other
                                   // flags, where the struct had padding: it stays 32 bytes
  std::uint32_t id = 0;            // the group's running message number
  std::uint32_t reply_to = never;  // id of the message it answers, or `never`
  float reach = 0;                 // readers reached: the sum of their read shares
};
// Every hour's inbox is a vector of these: kept to 32 bytes (the hot loops read them all).
static_assert(sizeof(Message) <= 32, "a Message grew past 32 bytes");

// A visible message remembered for members.reply_window_hours: whether anyone answered it.
struct RecentMessage {
  std::uint32_t id;
  PersonId poster;  // `never` for programme posts
  Tick posted;
  MessageKind kind;
  bool question;
  bool opener;  // started a thread (not a reply): the posts that can go unanswered
  std::uint16_t replies;
};

// A post a member will make in the next hour: a reply decided while reading, or a complaint
// about a removal. Its target's topic is kept in GroupState::pending_topics (same column).
struct PendingPost {
  PersonId person;
  MessageKind kind;        // of the target (replies) or `dispute` (complaints)
  std::uint32_t reply_to;  // target id, or `never` for a complaint
  bool answers_question;
  float novelty = 0;          // the target's: a fresh topic makes a fresh conversation
  bool introduction = false;  // a newcomer's self-introduction (C29), not a reply
};

struct Applicant {
  PersonId person;
  JoinChannel channel;
  bool paid;
  PersonId inviter = never;  // for friend invitations: the inviting member (the event log's)
};

// A count kept during the day by a mechanism and reported as a daily metric; declared with
// counter_metric() (models/community/metric_declarations.hpp), where its metric is.
struct Counter {
  std::uint32_t slot = 0;
};

// What happened in a group today; reset at the end of each day when it is measured.
struct DayCounts {
  std::uint32_t messages[message_kinds] = {};  // visible, by MessageKind
  std::uint32_t replies = 0;                   // visible replies
  std::uint32_t complaints = 0;                // complaints about removals made (C12)
  std::uint32_t member_posts = 0;              // visible posts by real members (replies included)
  std::uint32_t expired = 0, expired_answered = 0;  // member posts leaving the reply window
  std::uint32_t posts_removed = 0;
  std::uint32_t joins_friend = 0, joins_open = 0, joins_influx = 0;
  std::uint32_t leaves = 0, removals = 0;
  std::uint32_t member_removals = 0;  // removals of real members (not ad accounts)
  double joiner_value = 0, leaver_value = 0;
  double leaver_alignment = 0;
  std::uint32_t top_decile_departures = 0, other_departures = 0;  // leaves + removals
  std::uint32_t aligned_departures = 0;
  std::uint32_t aligned_leaves = 0;  // of those, the voluntary ones
  double value_gained = 0;           // benefit members drew from reading
  std::vector<double> counters;      // declared counters, by slot (grown on first use)

  void add(Counter c, double amount = 1) {
    if (c.slot >= counters.size()) counters.resize(c.slot + 1, 0.0);
    counters[c.slot] += amount;
  }
  double count(Counter c) const { return c.slot < counters.size() ? counters[c.slot] : 0.0; }
};

// Every field a membership carries, declared once: X(type, name, value on joining). Being in
// this list is what carries a field through joining (Memberships::add), compaction
// (erase_if_gone) and moves between groups (append_copy). A field that only one mechanism
// needs can instead be declared in that mechanism's own file with member_column().
#define COMMUNITY_MEMBER_FIELDS(X)                                                    \
  X(PersonId, person, 0)                                                              \
  X(MemberState, state, MemberState::active)                                          \
  X(std::uint8_t, flags, 0) /* MemberFlag bits */                                     \
  X(float, satisfaction, 0)                                                           \
  X(Tick, joined, 0)                                                                  \
  X(Tick, last_post, never)                                                           \
  X(std::uint32_t, posts, 0)                                                          \
  X(float, violations, 0) /* removed posts, fading */                                 \
  X(std::uint16_t, friends_inside, 0)                                                 \
  X(float, benefit_today, 0)                                                          \
  X(float, cost_today, 0)                                                             \
  X(float, wariness, 0)              /* fear after removals */                        \
  X(float, demand_today, 0)          /* questions one could answer, read today */     \
  X(float, reach_today, 0)           /* ad accounts: readers their ads reached */     \
  X(float, heard_today, 0)           /* replies to one's posts, thanks for answers */ \
  X(std::uint32_t, expert_of, never) /* group of which a founding expert */

// The catalogue of per-member columns declared with member_column().
sim::ColumnSet::Catalogue& member_columns();

// Declares a per-member column (in the file of the mechanism that keeps it); every member
// starts with `initial`. Read it as `group.members[key][slot]`.
template <class T>
sim::ColumnKey<T> member_column(T initial,
                                std::source_location where = std::source_location::current()) {
  return sim::declare_column(member_columns(), initial, where);
}

struct Memberships {
#define COMMUNITY_DECLARE_FIELD(type, name, initial) std::vector<type> name;
  COMMUNITY_MEMBER_FIELDS(COMMUNITY_DECLARE_FIELD)
#undef COMMUNITY_DECLARE_FIELD
  sim::ColumnSet extra{member_columns()};  // the columns declared with member_column()

  template <class T>
  std::vector<T>& operator[](sim::ColumnKey<T> key) {
    return extra[key];
  }
  template <class T>
  const std::vector<T>& operator[](sim::ColumnKey<T> key) const {
    return extra[key];
  }

  std::size_t slots() const {
    return person.size();
  }
  bool present(std::size_t i) const {
    return state[i] == MemberState::active || state[i] == MemberState::muted;
  }
  // A new member: every field at its value on joining, then these.
  void add(PersonId p, Tick now, float satisfaction0, std::uint8_t flag_bits);
  // A copy of `from`'s slot `i`, every field included (a member moving between groups).
  void append_copy(const Memberships& from, std::size_t i);
  void erase_if_gone();  // drops left and removed slots, keeping order
};

// A group's values of every parameter. Groups of one type share their type's values until an
// event aimed at one group gives it a copy of its own (copy on write), so that memory grows with
// types and targeted groups, not with every group ever founded. Mechanisms read group-scope keys
// here; world-scope keys hold the world's values in every copy.
class GroupRules {
 public:
  GroupRules() = default;
  explicit GroupRules(std::shared_ptr<sim::ParamValues> shared) : values_(std::move(shared)) {}
  // Reads `values` itself, which must outlive the group (test fixtures' worlds).
  static GroupRules viewing(sim::ParamValues& values) {
    return GroupRules(std::shared_ptr<sim::ParamValues>(&values, [](sim::ParamValues*) {}));
  }
  template <class T>
  T operator[](sim::Key<T> key) const {
    return (*values_)[key];
  }
  const sim::ParamValues& values() const { return *values_; }
  // Values this group alone holds, to change (a copy is made the first time).
  sim::ParamValues& own() {
    if (!owned_) {
      values_ = std::make_shared<sim::ParamValues>(*values_);
      owned_ = true;
    }
    return *values_;
  }
  bool owned() const { return owned_; }
  const std::shared_ptr<sim::ParamValues>& shared() const { return values_; }

 private:
  std::shared_ptr<sim::ParamValues> values_;
  bool owned_ = false;
};

// What a group did over its whole life (the /groups table): flash groups are measured by these,
// since they can open and close between two daily measurements.
struct Lifetime {
  double member_hours = 0;         // real members present, summed over the hours alive
  std::uint32_t members_ever = 0;  // real members who ever joined (founders included)
  std::uint32_t took_part = 0;     // of them, those who posted at least once
  std::uint32_t messages = 0;      // visible messages, all kinds
  std::uint32_t ad_messages = 0;
  double value_gained = 0;
};

// Copies of what the hourly loops (posting, reading) read about each member, by slot, so that
// they stream through the group's own arrays instead of gathering from the whole population's
// every hour; kept by models/community/member_cache.hpp, which says when it is rebuilt.
struct MemberCache {
  // slots × topics: each member's interest, a row each (a topic's weights run down a column, so
  // that relevance to a message is computed for all members at once)
  Eigen::MatrixXf interest;
  std::vector<float> value, activity;  // the person's
  std::vector<float> attention;        // the person's attention / groups they are in
  std::vector<float> activity_share;   // a_g (mechanisms/attention.hpp)
  // Posting (posting.hpp): each active real member's posting rate per unit of the hour's base
  // rate, without the wariness factor (an upper bound for the day), as a running sum by slot.
  std::vector<double> post_rate_sum;
  std::vector<std::uint32_t> ad_slots;  // ad accounts' slots (they post at their own rate)
  sim::Day day = std::numeric_limits<sim::Day>::max();  // built for this day, slots and epoch
  std::size_t slots = 0;
  std::uint64_t epoch = 0;
};

struct GroupState {
  std::uint32_t id = 0;
  std::uint16_t type = 0;        // index into World::types
  std::uint32_t parent = never;  // the group a split or a flash group came from
  Tick founded = 0;
  bool alive = true;
  Tick ended = never;
  Tick last_split = never;  // when it last split (its quiet period counts from this)
  GroupRules rules;         // its type's, or its own once an event aimed at it changed them
  Lifetime lifetime;
  std::vector<LoggedEvent> log;  // today's events (output.events), written at day end
  Eigen::VectorXf focus;         // founding purpose (unit vector)
  Eigen::VectorXf conversation;  // running average of recent message topics
  Eigen::VectorXf promotion;     // the off-focus direction an owner pushes (C7, C10)
  int moderators = 0;     // present members who moderate (recounted daily, less those who left)
  bool had_owner = true;  // false once the owner left and nobody took the group on
  Memberships members;
  std::vector<PersonId> former;  // sorted: people who left or were removed (not re-invited)

  // Recent activity, for liveliness: messages in each of the last 24 hours.
  std::uint32_t hourly_messages[sim::ticks_per_day] = {};
  std::uint32_t messages_last_day = 0;
  std::uint32_t hourly_chat[sim::ticks_per_day] = {};  // chat among them
  std::uint32_t chat_last_day = 0;

  DayCounts today;
  // Members in and outside the top value decile when the day began (rates' denominators).
  std::uint32_t top_decile_base = 0, other_base = 0, aligned_base = 0;
  std::uint32_t founding_experts = 0;  // for expert retention
  std::uint32_t screened_today = 0;

  // Scratch, reused: this hour's messages and their topics (topic k of message j is
  // topics(k, j)), today's applicants, people released at the last compaction.
  std::vector<Message> inbox;
  Eigen::MatrixXf topics;
  std::uint32_t next_message_id = 0;
  std::vector<RecentMessage> recent;  // oldest first (members.reply_window_hours)
  std::vector<PendingPost> pending;   // posts for the next hour
  Eigen::MatrixXf pending_topics;     // their targets' topics, one column each
  // Who is in the group and whose friends they are, by slot (rebuilt at housekeeping, valid
  // until the next compaction): members sorted by person, and each member's friends inside as
  // a sorted run of slots (friend_slots[friend_start[i] .. friend_start[i + 1]]).
  std::vector<std::pair<PersonId, std::uint32_t>> slot_of;
  std::vector<std::uint32_t> friend_start, friend_slots;
  std::vector<Applicant> applicants;
  std::vector<PersonId> released;
  std::vector<PersonId> scratch_people;
  std::vector<float> scratch_values;
  std::vector<std::uint32_t> scratch_slots;
  MemberCache cache;

  std::size_t present_count() const;
  // The slot of a present member, or `never`.
  std::uint32_t slot(PersonId p) const;
  bool friends(std::size_t a, std::size_t b) const;  // slots a and b are friends
};

// An event of the scenario firing (its start) or being undone (its end): the /interventions row.
struct FiredEvent {
  std::uint32_t event;  // index in the scenario's [[events]]
  Tick tick;
  bool end;
  std::uint16_t action;      // index in the declared actions' reading order
  std::uint32_t groups = 0;  // groups it touched (founded, closed, changed, joined)
  std::uint32_t people = 0;  // people it moved (admitted by an influx, invited to a flash group)
};

// A parameter value an event changed, kept to be restored when the event ends.
struct SavedValue {
  std::shared_ptr<sim::ParamValues> values;
  std::uint32_t slot;
  double before;
};

// The scenario's events in the order they fire, and the values each window will restore.
struct Interventions {
  struct Change {
    Tick tick;
    std::uint32_t event;
    bool end;
  };
  std::vector<sim::EventSpec> events;
  std::vector<Change> agenda;  // by tick; at one tick, ends before starts, then file order
  std::size_t next = 0;        // the first change not yet made
  std::vector<std::vector<SavedValue>> saved;  // per event
  std::vector<FiredEvent> fired;               // since the last day's output
};

// A kind of group (C3): its settings, and how many of it are founded when. Scenarios declare
// them as [group_types.NAME]; without any, every group is of the one type `default`.
struct GroupType {
  std::string name;
  // The world's values with the type's settings (and events') applied; shared by its groups.
  std::shared_ptr<sim::ParamValues> rules;
  std::uint32_t initial = 0;  // founded at hour 0 of day 0
  double per_day = 0;         // founded per day during the run (Poisson mean)
  int hour = -1;              // founding hour; -1: over the day, following members' activity
};

struct World {
  std::uint64_t seed = 0;
  sim::ParamValues rules;  // every parameter's value (keys in community_params.hpp)
  std::vector<GroupType> types;
  bool logging = false;  // output.events: mechanisms record into GroupState::log
  sim::Population people;
  sim::SocialGraph friends;
  std::vector<std::uint8_t> is_spammer;      // per person
  std::vector<PersonId> spammers;            // their ids, for open-channel arrivals
  std::vector<std::uint16_t> groups_joined;  // per person; changed in whole-world steps only
  std::vector<GroupState> groups;
  std::vector<double> diurnal;               // 24 hourly multipliers, mean 1
  std::vector<std::uint32_t> founding_seen;  // scratch of founding's breadth-first search
  // Each person's satisfaction summed over their groups at the end of the last day, and the
  // tick that sum holds for (mechanisms/attention.hpp).
  std::vector<float> satisfaction_sum;
  Tick satisfaction_summed = 0;
  // Moves whenever what a MemberCache copies may have changed outside the day's rhythm: a
  // person's traits or number of groups, or a parameter (an event fired). Caches built at
  // another epoch are rebuilt (member_cache.hpp).
  std::uint64_t traits_epoch = 0;
  Interventions interventions;  // the scenario's [[events]] and what they did
};

}  // namespace community
