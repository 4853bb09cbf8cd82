#include "sim/graph/graph_from_params.hpp"

#include "sim/core/stop_point.hpp"
#include "sim/graph/edge_list.hpp"
#include "sim/graph/generators.hpp"
#include "sim/params/consistency.hpp"

namespace sim {

namespace {

std::string kind_is_not(const Parameters& p, const char* kind) {
  return p.text("graph.kind") == kind ? ""
                                      : "has no effect: graph.kind is \"" + p.text("graph.kind") +
                                            "\", not \"" + kind + "\"";
}

const std::size_t ws_degree_even = consistency_rule(
    {{"graph.ws_degree", "graph.kind", "population.size"},
     RuleSeverity::error,
     [](const Parameters& p) -> std::string {
       if (p.text("graph.kind") != "watts_strogatz") return "";
       const auto k = p.integer("graph.ws_degree");
       if (k % 2 != 0)
         return "the lattice degree must be even (k/2 friends on each side): " +
                std::to_string(k - 1) + " or " + std::to_string(k + 1) + " would be consistent";
       if (k >= p.integer("population.size"))
         return "the lattice degree " + std::to_string(k) + " must be below the population size";
       return "";
     }});
const std::size_t edgelist_needs_kind = consistency_rule(
    {{"graph.edgelist", "graph.kind"}, RuleSeverity::error, [](const Parameters& p) -> std::string {
       if (p.text("graph.edgelist").empty() || p.text("graph.kind") == "edgelist") return "";
       return "an edge list is named but graph.kind is \"" + p.text("graph.kind") +
              "\", so it would be ignored; set graph.kind = \"edgelist\" or drop the file";
     }});
const std::size_t sbm_in = consistency_rule(
    {{"graph.degree_in", "graph.kind"}, RuleSeverity::warning, [](const Parameters& p) {
       return kind_is_not(p, "sbm");
     }});
const std::size_t sbm_out = consistency_rule(
    {{"graph.degree_out", "graph.kind"}, RuleSeverity::warning, [](const Parameters& p) {
       return kind_is_not(p, "sbm");
     }});
const std::size_t ws_rewire = consistency_rule(
    {{"graph.ws_rewire", "graph.kind"}, RuleSeverity::warning, [](const Parameters& p) {
       return kind_is_not(p, "watts_strogatz");
     }});
const std::size_t ba_edges = consistency_rule(
    {{"graph.ba_edges", "graph.kind"}, RuleSeverity::warning, [](const Parameters& p) {
       return kind_is_not(p, "barabasi_albert");
     }});

}  // namespace

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
