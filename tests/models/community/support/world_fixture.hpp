#pragma once
// A hand-built community World for testing one mechanism at a time: a few people with chosen
// interests (unit vectors in K dimensions), activity, value and attention, a tiny friendship
// graph, groups with chosen members, flags and satisfaction, parameters at their registered
// defaults (tests set explicitly every parameter they depend on) and a flat diurnal profile.
// Header-only so the tests' *_test.cpp glob needs no extra source.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/community/community_params.hpp"
#include "models/community/world.hpp"
#include "models/registry.hpp"
#include "sim/graph/social_graph.hpp"
#include "sim/output/metrics.hpp"

namespace community::testing {

// A unit vector along (the normalised) `v`.
inline Eigen::VectorXf unit(std::initializer_list<float> v) {
  Eigen::VectorXf x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index k = 0;
  for (float a : v) x[k++] = a;
  return x / x.norm();
}

// The k-th axis of K-dimensional topic space.
inline Eigen::VectorXf axis(int K, int k) {
  Eigen::VectorXf x = Eigen::VectorXf::Zero(K);
  x[k] = 1.0f;
  return x;
}

struct PersonSpec {
  Eigen::VectorXf interest;  // normalised on use
  float activity = 1.0f;     // posts/day when fully engaged
  float value = 1.0f;
  float attention = 60.0f;  // messages/day
  bool spammer = false;
};

struct MemberSpec {
  PersonId person;
  std::uint8_t flags = 0;
  float satisfaction = 0.5f;
  MemberState state = MemberState::active;
  Tick joined = 0;
};

// A world of the given people (all of dimension K) and friendships; no groups yet.
inline World make_world(int K, const std::vector<PersonSpec>& people,
                        std::vector<sim::Edge> edges = {}, std::uint64_t seed = 12345) {
  World w;
  w.seed = seed;
  w.rules = sim::ParamValues();  // every parameter at its default
  const auto n = static_cast<PersonId>(people.size());
  w.people.size = n;
  w.people.topics = K;
  w.people.interest.resize(K, n);
  w.people.community_centre = Eigen::MatrixXf::Zero(K, 1);
  w.people.community_centre(0, 0) = 1.0f;
  for (PersonId p = 0; p < n; ++p) {
    const PersonSpec& s = people[p];
    w.people.interest.col(p) = s.interest / s.interest.norm();
    w.people.activity.push_back(s.activity);
    w.people.value.push_back(s.value);
    w.people.attention.push_back(s.attention);
    w.people.community.push_back(0);
    w.is_spammer.push_back(s.spammer ? 1 : 0);
    if (s.spammer) w.spammers.push_back(p);
  }
  w.friends = sim::SocialGraph::from_edges(n, std::move(edges));
  w.groups_joined.assign(n, 0);
  w.diurnal.assign(sim::ticks_per_day, 1.0);
  return w;
}

// `n` ordinary people who all share one interest.
inline std::vector<PersonSpec> people_like(std::size_t n, const Eigen::VectorXf& interest,
                                           float activity = 1.0f, float value = 1.0f,
                                           float attention = 60.0f) {
  return std::vector<PersonSpec>(n, PersonSpec{interest, activity, value, attention, false});
}

// Indexes a group's members as housekeeping does at the end of a day: who is in which slot
// (GroupState::slot) and each member's friends inside, as sorted slots (GroupState::friends,
// friends_inside). Written independently of tidy_group so that the housekeeping test can
// compare the two; call it again after adding or moving members by hand.
inline void index_members(const World& w, GroupState& g) {
  const auto& m = g.members;
  g.slot_of.clear();
  for (std::size_t i = 0; i < m.slots(); ++i)
    g.slot_of.emplace_back(m.person[i], static_cast<std::uint32_t>(i));
  std::sort(g.slot_of.begin(), g.slot_of.end());
  g.friend_start.assign(1, 0);
  g.friend_slots.clear();
  for (std::size_t i = 0; i < m.slots(); ++i) {
    std::vector<std::uint32_t> row;
    for (PersonId q : w.friends.neighbours(m.person[i]))
      for (std::size_t k = 0; k < m.slots(); ++k)
        if (m.person[k] == q && m.present(k)) row.push_back(static_cast<std::uint32_t>(k));
    std::sort(row.begin(), row.end());
    g.friend_slots.insert(g.friend_slots.end(), row.begin(), row.end());
    g.friend_start.push_back(static_cast<std::uint32_t>(g.friend_slots.size()));
    g.members.friends_inside[i] = static_cast<std::uint16_t>(row.size());
  }
}

// Adds a group (id = its index) with the given focus and members; members' groups_joined
// counts go up by one; the members are indexed (index_members). The promotion direction
// defaults to the last topic axis.
inline GroupState& add_group(World& w, const Eigen::VectorXf& focus,
                             const std::vector<MemberSpec>& members, int moderators = 1,
                             Tick founded = 0) {
  const int K = w.people.topics;
  if (w.types.empty())  // one type whose rules are the world's: tests set w.rules and see it
    w.types.push_back({"default",
                       std::shared_ptr<sim::ParamValues>(&w.rules, [](sim::ParamValues*) {})});
  GroupState& g = w.groups.emplace_back();
  g.id = static_cast<std::uint32_t>(w.groups.size() - 1);
  g.rules = GroupRules(w.types[0].rules);
  g.founded = founded;
  g.focus = focus / focus.norm();
  g.conversation = g.focus;
  g.promotion = axis(K, K - 1);
  g.moderators = moderators;
  g.topics.resize(K, 16);
  for (const MemberSpec& s : members) {
    g.members.add(s.person, s.joined, s.satisfaction, s.flags);
    g.members.state.back() = s.state;
    if (s.flags & founding_expert) g.members.expert_of.back() = g.id;  // as world_builder does
    ++w.groups_joined[s.person];
  }
  index_members(w, g);
  return g;
}

// Appends a message with the given topic to the group's inbox (as posting would), with the
// group's next message id; returns it for further settings (question, reply_to).
inline Message& push_message(GroupState& g, std::uint32_t poster_slot, MessageKind kind,
                             const Eigen::VectorXf& topic, float quality = 1.0f,
                             float novelty = 1.0f, bool removed = false) {
  const auto j = static_cast<Eigen::Index>(g.inbox.size());
  if (g.topics.cols() <= j) g.topics.conservativeResize(topic.size(), 2 * (j + 1));
  g.topics.col(j) = topic;
  Message msg{poster_slot, kind, quality, novelty, removed};
  msg.id = g.next_message_id++;
  g.inbox.push_back(msg);
  return g.inbox.back();
}

// Standard error of a Poisson count of mean `mean`.
inline double poisson_se(double mean) {
  return std::sqrt(mean);
}

// Tick of hour `hour` on day `day`.
constexpr Tick at(sim::Day day, int hour) {
  return day * sim::ticks_per_day + static_cast<Tick>(hour);
}

// Index of a metric by name in a list of specs (throws if missing, so typos fail loudly).
inline std::size_t metric_index(const std::vector<sim::MetricSpec>& specs,
                                const std::string& name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return i;
  throw std::runtime_error("no metric " + name);
}

// Standard error of a binomial proportion p over n trials.
inline double binomial_se(double p, double n) {
  return std::sqrt(p * (1.0 - p) / n);
}

}  // namespace community::testing
