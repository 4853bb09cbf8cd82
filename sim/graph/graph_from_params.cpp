#include "sim/graph/graph_from_params.hpp"

#include "sim/core/stop_point.hpp"
#include "sim/graph/edge_list.hpp"
#include "sim/graph/generators.hpp"

namespace sim {

void register_graph_params(ParamRegistry& reg) {
  reg.choice("graph.kind", "sbm", {"sbm", "watts_strogatz", "barabasi_albert", "edgelist"},
             "how the friendship graph is made")
      .claim = "C5";
  reg.integer("graph.block_size", 50, "people", 1, 1e7,
              "people per friendship community (SBM blocks; interest communities for all kinds)")
      .claim = "C5";
  reg.real("graph.degree_in", 8.0, "friends", 0, 1e4,
           "sbm: expected friends inside one's own community");
  reg.real("graph.degree_out", 2.0, "friends", 0, 1e4,
           "sbm: expected friends outside one's own community");
  reg.integer("graph.ws_degree", 10, "friends", 2, 1e4,
              "watts_strogatz: lattice degree k (even; each person links k/2 on each side)");
  reg.real("graph.ws_rewire", 0.1, "probability", 0, 1,
           "watts_strogatz: probability that a lattice edge is rewired at random");
  reg.integer("graph.ba_edges", 4, "friends", 1, 1e4,
              "barabasi_albert: edges each newcomer makes (mean degree about twice this)");
  reg.text("graph.edgelist", "", "path",
           "edgelist: file of 'u v' lines (ids 0..population.size-1), relative to the scenario");
}

SocialGraph build_graph(const Scenario& scenario, std::uint64_t seed) {
  stop_point();  // a phase of set-up: see sim/core/stop_point.hpp
  const auto& p = scenario.params;
  const auto people = static_cast<PersonId>(p.integer("population.size"));
  const std::string& kind = p.text("graph.kind");
  if (kind == "watts_strogatz")
    return watts_strogatz(people, static_cast<PersonId>(p.integer("graph.ws_degree")),
                          p.real("graph.ws_rewire"), seed);
  if (kind == "barabasi_albert")
    return barabasi_albert(people, static_cast<PersonId>(p.integer("graph.ba_edges")), seed);
  if (kind == "edgelist") {
    const std::string& file = p.text("graph.edgelist");
    if (file.empty())
      throw InputError(scenario.path +
                       ": key 'graph.edgelist': graph.kind is \"edgelist\" but no "
                       "edge list file is named");
    return load_edge_list(scenario.resolve(file), people);
  }
  return stochastic_block_model(people, static_cast<PersonId>(p.integer("graph.block_size")),
                                p.real("graph.degree_in"), p.real("graph.degree_out"), seed);
}

}  // namespace sim
