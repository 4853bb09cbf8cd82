#include "models/community/world.hpp"

namespace community {

void Memberships::add(PersonId p, Tick now, float satisfaction0, std::uint8_t flag_bits) {
  person.push_back(p);
  state.push_back(MemberState::active);
  flags.push_back(flag_bits);
  satisfaction.push_back(satisfaction0);
  joined.push_back(now);
  last_post.push_back(never);
  posts.push_back(0);
  violations.push_back(0);
  friends_inside.push_back(0);
  benefit_today.push_back(0);
  cost_today.push_back(0);
}

void Memberships::erase_if_gone() {
  std::size_t out = 0;
  for (std::size_t i = 0; i < slots(); ++i) {
    if (!present(i)) continue;
    if (out != i) {
      person[out] = person[i];
      state[out] = state[i];
      flags[out] = flags[i];
      satisfaction[out] = satisfaction[i];
      joined[out] = joined[i];
      last_post[out] = last_post[i];
      posts[out] = posts[i];
      violations[out] = violations[i];
      friends_inside[out] = friends_inside[i];
      benefit_today[out] = benefit_today[i];
      cost_today[out] = cost_today[i];
    }
    ++out;
  }
  person.resize(out);
  state.resize(out);
  flags.resize(out);
  satisfaction.resize(out);
  joined.resize(out);
  last_post.resize(out);
  posts.resize(out);
  violations.resize(out);
  friends_inside.resize(out);
  benefit_today.resize(out);
  cost_today.resize(out);
}

std::size_t GroupState::present_count() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < members.slots(); ++i) n += members.present(i);
  return n;
}

}  // namespace community
