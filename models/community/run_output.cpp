#include "models/community/run_output.hpp"

#include <algorithm>

#include "models/community/mechanisms/interventions.hpp"

namespace community {
namespace {

using sim::ColumnType;

std::vector<std::string> type_names(const World& w) {
  std::vector<std::string> names;
  for (const auto& t : w.types) names.push_back(t.name);
  return names;
}

sim::TableSpec groups_spec(const World& w) {
  return {"groups",
          "one row per group ever founded: its type, origin, life and lifetime totals "
          "(rewritten at every flush)",
          {{"group", ColumnType::u32, "group id", "the group's column in /daily and /hourly"},
           {"type", ColumnType::code, "code", "its group type ([group_types.NAME])", type_names(w)},
           {"parent", ColumnType::u32, "group id",
            "the group it was split from or founded from by an event (4294967295: none)"},
           {"founded", ColumnType::u32, "hours", "hour since the run began it was founded at"},
           {"ended", ColumnType::u32, "hours",
            "hour it died or was closed in (4294967295: alive at the last written day)"},
           {"member_hours", ColumnType::f64, "member-hours",
            "real members present, summed over the hours it was alive"},
           {"members_ever", ColumnType::u32, "people",
            "real members who ever joined (founders included)"},
           {"took_part", ColumnType::u32, "people", "of them, those who posted at least once"},
           {"messages", ColumnType::u32, "messages", "visible messages over its life"},
           {"ad_messages", ColumnType::u32, "messages", "visible ads over its life"},
           {"value_gained", ColumnType::f64, "value units",
            "benefit members drew from reading over its life"}},
          true};
}

sim::TableSpec interventions_spec() {
  return {"interventions",
          "the scenario's [[events]] as they fired (start) and were undone (end)",
          {{"event", ColumnType::u32, "index", "position in the scenario's [[events]], from 0"},
           {"tick", ColumnType::u32, "hours", "hour since the run began"},
           {"phase", ColumnType::code, "code", "start, or end of a window", {"start", "end"}},
           {"action", ColumnType::code, "code", "what it did", intervention_action_names()},
           {"groups", ColumnType::u32, "groups", "groups it touched"},
           {"people", ColumnType::u32, "people",
            "people it moved (admitted by an influx, joined a flash group, in a closed "
            "group)"}}};
}

sim::TableSpec events_spec() {
  return {"events",
          "per-member event log (output.events); rows by day, then group, then time",
          {{"tick", ColumnType::u32, "hours", "hour since the run began"},
           {"group", ColumnType::u32, "group id", "where it happened"},
           {"person", ColumnType::u32, "person id", "who"},
           {"kind", ColumnType::code, "code", "what happened", log_kind_names()},
           {"detail", ColumnType::code, "code",
            "a join's channel, a post's kind, a removal's or leave's reason", log_detail_names()},
           {"other", ColumnType::u32, "person id",
            "the inviter (joins), the person answered (replies); 4294967295: none"},
           {"removed", ColumnType::u8, "flag", "1: a post moderation removed"}}};
}

}  // namespace

const std::vector<sim::MetricSpec>& hourly_metric_specs() {
  static const std::vector<sim::MetricSpec> specs{
      {"present", "members", "real members present at the end of the hour"},
      {"messages", "messages/hour", "visible messages this hour, all kinds"},
      {"ad_messages", "messages/hour", "visible ads this hour"},
      {"posters", "members", "real members with a visible post this hour"},
      {"value_gained", "value units/hour", "benefit real members drew from reading this hour"},
      {"alive", "flag", "1 while the group is alive"}};
  return specs;
}

RunTables declare_run_output(const World& w, sim::RunFile& file) {
  RunTables t;
  t.groups = file.declare_table(groups_spec(w));
  t.interventions = file.declare_table(interventions_spec());
  if (w.logging) t.events = file.declare_table(events_spec());
  return t;
}

void write_run_tables(World& w, const RunTables& tables, sim::RunFile& file) {
  if (tables.events != RunTables::none) {
    sim::TableRows rows(events_spec());
    for (auto& g : w.groups) {
      for (const LoggedEvent& e : g.log) {
        rows.add(0, e.tick);
        rows.add(1, g.id);
        rows.add(2, e.person);
        rows.add(3, static_cast<int>(e.kind));
        rows.add(4, static_cast<int>(e.detail));
        rows.add(5, e.other);
        rows.add(6, e.removed ? 1 : 0);
      }
      g.log.clear();
    }
    file.append_rows(tables.events, rows);
  }
  sim::TableRows fired(interventions_spec());
  for (const FiredEvent& f : w.interventions.fired)
    fired.add_row({double(f.event), double(f.tick), f.end ? 1.0 : 0.0, double(f.action),
                   double(f.groups), double(f.people)});
  w.interventions.fired.clear();
  file.append_rows(tables.interventions, fired);
  sim::TableRows groups(groups_spec(w));
  for (const auto& g : w.groups) {
    const Lifetime& l = g.lifetime;
    groups.add_row({double(g.id), double(g.type), double(g.parent), double(g.founded),
                    double(g.alive ? never : g.ended), l.member_hours, double(l.members_ever),
                    double(l.took_part), double(l.messages), double(l.ad_messages),
                    l.value_gained});
  }
  file.replace_rows(tables.groups, groups);
}

void measure_hour(const World& w, sim::Tick t, std::vector<double>& value_mark,
                  sim::DayFrame& frame) {
  value_mark.resize(w.groups.size(), 0.0);
  std::vector<std::uint32_t> posters;
  for (std::size_t gi = 0; gi < w.groups.size(); ++gi) {
    const GroupState& g = w.groups[gi];
    if (!g.alive && g.ended < t) {  // dead before this hour: no longer measured (NaN)
      frame.at(5, gi) = 0.0;
      continue;
    }
    const auto& m = g.members;
    double present = 0, messages = 0, ads = 0;
    posters.clear();
    for (std::size_t i = 0; i < m.slots(); ++i)
      present += m.present(i) && !(m.flags[i] & ad_account);
    for (const Message& msg : g.inbox) {
      if (msg.removed) continue;
      ++messages;
      if (msg.kind == MessageKind::ad) {
        ++ads;
        continue;
      }
      if (msg.poster_slot != never) posters.push_back(msg.poster_slot);
    }
    std::sort(posters.begin(), posters.end());
    const auto distinct = std::unique(posters.begin(), posters.end()) - posters.begin();
    frame.at(0, gi) = present;
    frame.at(1, gi) = messages;
    frame.at(2, gi) = ads;
    frame.at(3, gi) = static_cast<double>(distinct);
    frame.at(4, gi) = g.lifetime.value_gained - value_mark[gi];
    frame.at(5, gi) = g.alive ? 1.0 : 0.0;
    value_mark[gi] = g.lifetime.value_gained;
  }
}

}  // namespace community
