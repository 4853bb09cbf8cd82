#include "models/community/world.hpp"

#include <algorithm>

namespace community {

sim::ColumnSet::Catalogue& member_columns() {
  static sim::ColumnSet::Catalogue catalogue;
  return catalogue;
}

void Memberships::add(PersonId p, Tick now, float satisfaction0, std::uint8_t flag_bits) {
#define COMMUNITY_PUSH_INITIAL(type, name, initial) name.push_back(initial);
  COMMUNITY_MEMBER_FIELDS(COMMUNITY_PUSH_INITIAL)
#undef COMMUNITY_PUSH_INITIAL
  extra.push_initial();
  person.back() = p;
  flags.back() = flag_bits;
  satisfaction.back() = satisfaction0;
  joined.back() = now;
}

void Memberships::append_copy(const Memberships& from, std::size_t i) {
#define COMMUNITY_PUSH_COPY(type, name, initial) name.push_back(from.name[i]);
  COMMUNITY_MEMBER_FIELDS(COMMUNITY_PUSH_COPY)
#undef COMMUNITY_PUSH_COPY
  extra.push_from(from.extra, i);
}

void Memberships::erase_if_gone() {
  std::size_t out = 0;
  for (std::size_t i = 0; i < slots(); ++i) {
    if (!present(i)) continue;
    if (out != i) {
#define COMMUNITY_MOVE_ROW(type, name, initial) name[out] = name[i];
      COMMUNITY_MEMBER_FIELDS(COMMUNITY_MOVE_ROW)
#undef COMMUNITY_MOVE_ROW
      extra.move_row(i, out);
    }
    ++out;
  }
#define COMMUNITY_RESIZE(type, name, initial) name.resize(out);
  COMMUNITY_MEMBER_FIELDS(COMMUNITY_RESIZE)
#undef COMMUNITY_RESIZE
  extra.resize(out);
}

std::size_t GroupState::present_count() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < members.slots(); ++i) n += members.present(i);
  return n;
}

std::uint32_t GroupState::slot(PersonId p) const {
  auto it =
      std::lower_bound(slot_of.begin(), slot_of.end(), std::pair<PersonId, std::uint32_t>{p, 0});
  if (it == slot_of.end() || it->first != p) return never;
  return it->second < members.slots() && members.present(it->second) ? it->second : never;
}

bool GroupState::friends(std::size_t a, std::size_t b) const {
  if (a + 1 >= friend_start.size()) return false;
  const auto first = friend_slots.begin() + friend_start[a];
  const auto last = friend_slots.begin() + friend_start[a + 1];
  return std::binary_search(first, last, static_cast<std::uint32_t>(b));
}

}  // namespace community
