#include <catch2/catch.hpp>
#include <fstream>

#include "sim/core/input_error.hpp"
#include "sim/graph/edge_list.hpp"
#include "support/test_paths.hpp"

using namespace sim;

namespace {
std::filesystem::path write(const std::string& name, const std::string& text) {
  static auto dir = testing_support::scratch_dir("edge-lists");
  auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE("an edge list loads with comments, commas, tabs and duplicates", "[graph]") {
  auto g = load_edge_list(
      write("good.txt", "# a triangle and a tail\n0 1\n1,2\n2\t0\n\n3 2 # tail\n1 0\n"), 5);
  CHECK(g.size() == 5);
  CHECK(g.edge_count() == 4);
  CHECK(g.adjacent(0, 2));
  CHECK(g.adjacent(2, 3));
  CHECK(g.degree(4) == 0);
}

TEST_CASE("bad edge lists name the file and line", "[graph]") {
  CHECK_THROWS_WITH(load_edge_list(write("word.txt", "0 1\n1 two\n"), 5),
                    Catch::Contains("word.txt:2") && Catch::Contains("'two' is not a node id"));
  CHECK_THROWS_WITH(load_edge_list(write("range.txt", "0 1\n\n\n4 5\n"), 5),
                    Catch::Contains("range.txt:4") &&
                        Catch::Contains("node id 5 is out of range") &&
                        Catch::Contains("population.size is 5"));
  CHECK_THROWS_WITH(load_edge_list(write("negative.txt", "0 -1\n"), 5),
                    Catch::Contains("negative.txt:1") && Catch::Contains("'-1' is not a node id"));
  CHECK_THROWS_WITH(load_edge_list(write("one.txt", "0 1\n3\n"), 5),
                    Catch::Contains("one.txt:2") && Catch::Contains("found one"));
  CHECK_THROWS_WITH(load_edge_list(write("three.txt", "0 1 2\n"), 5),
                    Catch::Contains("three.txt:1") && Catch::Contains("found more"));
  CHECK_THROWS_WITH(load_edge_list("/no/such/edges.txt", 5),
                    Catch::Contains("'/no/such/edges.txt'") && Catch::Contains("no such file") &&
                        Catch::Contains("graph.edgelist"));
}
