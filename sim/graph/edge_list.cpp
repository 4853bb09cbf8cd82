#include "sim/graph/edge_list.hpp"

#include <charconv>
#include <sstream>

#include "sim/core/input_error.hpp"
#include "sim/core/input_file.hpp"

namespace sim {

SocialGraph load_edge_list(const std::filesystem::path& file, PersonId people) {
  // 4 GiB is some 300 million edges, past what one machine simulates.
  constexpr std::size_t max_edge_list_bytes = std::size_t{4} << 30;
  std::istringstream in;
  try {
    in.str(read_input_file(file, "edge list", max_edge_list_bytes));
  } catch (const InputError& e) {
    throw InputError(std::string(e.what()) + " (graph.edgelist)");
  }
  std::vector<Edge> edges;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    SourcePlace where{file.string(), line_no, 0};
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    for (char& c : line)
      if (c == ',' || c == '\t' || c == '\r') c = ' ';
    const char* p = line.data();
    const char* end = p + line.size();
    PersonId ids[2];
    int found = 0;
    while (p < end) {
      while (p < end && *p == ' ') ++p;
      if (p == end) break;
      const char* token = p;
      while (p < end && *p != ' ') ++p;
      if (found == 2) throw InputError(where, "expected two node ids, found more");
      std::uint64_t id = 0;
      auto [ptr, ec] = std::from_chars(token, p, id);
      if (ec != std::errc() || ptr != p)
        throw InputError(where,
                         "'" + std::string(token, p) + "' is not a node id (a whole number >= 0)");
      if (id >= people)
        throw InputError(where, "node id " + std::to_string(id) +
                                    " is out of range: population.size is " +
                                    std::to_string(people) + ", so ids run from 0 to " +
                                    std::to_string(people - 1));
      ids[found++] = static_cast<PersonId>(id);
    }
    if (found == 0) continue;
    if (found == 1) throw InputError(where, "expected two node ids, found one");
    edges.emplace_back(ids[0], ids[1]);
  }
  // An empty file would silently give a population without friendships.
  if (edges.empty())
    throw InputError("edge list '" + file.string() +
                     "' (graph.edgelist): holds no edges (only blank or # lines)");
  return SocialGraph::from_edges(people, std::move(edges));
}

}  // namespace sim
