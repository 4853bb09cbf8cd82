#include "sim/batch/design_table.hpp"

#include <set>
#include <sstream>

#include "sim/batch/toml_util.hpp"
#include "sim/core/input_file.hpp"
#include "sim/params/parameters.hpp"

namespace sim::batch {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// Splits one CSV line; double quotes protect commas ("a,b"), "" is a literal quote.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '"') {
      if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else {
        quoted = !quoted;
      }
    } else if (c == ',' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  for (auto& c : cells) c = trim(c);
  return cells;
}

ParamValue parse_cell(const std::string& raw) {
  try {
    toml::table t = toml::parse("v = " + raw);
    if (auto v = toml_scalar(*t.get("v"))) return *v;
  } catch (const toml::parse_error&) {
  }
  return raw;  // a bare word
}

}  // namespace

DesignTable read_design_table(const std::filesystem::path& path, const ParamRegistry& registry,
                              const SourcePlace& where) {
  constexpr std::size_t max_table_bytes = 256u << 20;
  std::istringstream in;
  try {
    in.str(read_input_file(path, "design table", max_table_bytes));
  } catch (const InputError& e) {
    throw InputError(where, std::string("key 'sweep.table': ") + e.what());
  }
  DesignTable table;
  const std::string file = path.string();
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    auto cells = split_csv(line);
    if (header) {
      std::set<std::string> seen;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        SourcePlace at{file, number, 0};
        const std::string& p = cells[c];
        if (!registry.find(p)) {
          std::string msg = "column " + std::to_string(c + 1) + ": unknown parameter '" + p + "'";
          auto near = registry.nearest(p);
          if (!near.empty()) msg += " (did you mean '" + near[0] + "'?)";
          throw InputError(at, msg + "; `commsim params` lists every key");
        }
        if (!seen.insert(p).second)
          throw InputError(at, "parameter '" + p + "' appears twice in the header");
        table.paths.push_back(p);
        table.places.push_back(at);
      }
      header = false;
      continue;
    }
    SourcePlace at{file, number, 0};
    if (cells.size() != table.paths.size())
      throw InputError(at, "row has " + std::to_string(cells.size()) +
                               " values; the header names " + std::to_string(table.paths.size()) +
                               " parameters");
    std::vector<ParamValue> row;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      try {
        row.push_back(checked_value(*registry.find(table.paths[c]), parse_cell(cells[c])));
      } catch (const InputError& e) {
        throw InputError(at, e.what());
      }
    }
    table.rows.push_back(std::move(row));
  }
  if (header)
    throw InputError(where, "key 'sweep.table': design table '" + file + "' is empty (no header)");
  if (table.rows.empty())
    throw InputError(
        where, "key 'sweep.table': design table '" + file + "' has no rows: the design is empty");
  return table;
}

}  // namespace sim::batch
