#include "models/community/world.hpp"

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

}  // namespace community
