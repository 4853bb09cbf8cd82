#include "models/community/snapshots.hpp"

#include "models/community/membership_events.hpp"

namespace community {

void write_snapshot(const World& w, sim::Day day, sim::RunFile& file) {
  std::vector<double> group, person, state, align, value, activity, posts, tenure, sat, friends;
  const Tick now = (day + 1) * sim::ticks_per_day;
  for (const auto& g : w.groups) {
    const auto& m = g.members;
    for (std::size_t i = 0; i < m.slots(); ++i) {
      if (!m.present(i)) continue;
      const PersonId p = m.person[i];
      group.push_back(g.id);
      person.push_back(p);
      state.push_back(static_cast<double>(m.state[i]));
      align.push_back(alignment(w, g, p));
      value.push_back(w.people.value[p]);
      activity.push_back(w.people.activity[p]);
      posts.push_back(m.posts[i]);
      tenure.push_back(double(now - m.joined[i]) / sim::ticks_per_day);
      sat.push_back(m.satisfaction[i]);
      friends.push_back(m.friends_inside[i]);
    }
  }
  const std::string at = "snapshots/day_" + std::to_string(day);
  file.write_table(at, "group", group, "group id", "group of the membership");
  file.write_table(at, "person", person, "person id", "member");
  file.write_table(at, "state", state, "code", "0 active, 1 muted");
  file.write_table(at, "alignment", align, "cosine",
                   "interest alignment with the group's founding focus");
  file.write_table(at, "value", value, "value units", "member value (expertise)");
  file.write_table(at, "activity", activity, "posts/day", "member activity level");
  file.write_table(at, "posts", posts, "messages", "posts since joining");
  file.write_table(at, "tenure", tenure, "days", "days since joining");
  file.write_table(at, "satisfaction", sat, "0-1", "satisfaction");
  file.write_table(at, "friends_inside", friends, "friends",
                   "friends who are members of the group");
}

}  // namespace community
