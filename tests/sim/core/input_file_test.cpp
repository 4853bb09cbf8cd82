// Files a researcher names are read only when they are regular files: a folder, a device, a
// FIFO are refused by name and at once (a FIFO or /dev/zero must not hang the reader).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "models/registry.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/input_file.hpp"
#include "sim/graph/edge_list.hpp"
#include "sim/scenario/scenario.hpp"
#include "support/test_paths.hpp"

using namespace sim;

TEST_CASE("only regular files are read, and each refusal names the file", "[input]") {
  const auto dir = testing_support::scratch_dir("input-file");
  std::ofstream(dir / "ok.txt") << "hello";
  CHECK(read_input_file(dir / "ok.txt", "scenario file", 100) == "hello");
  CHECK_THROWS_WITH(read_input_file(dir / "missing.txt", "scenario file", 100),
                    Catch::Contains("scenario file '" + (dir / "missing.txt").string() + "'") &&
                        Catch::Contains("no such file"));
  CHECK_THROWS_WITH(read_input_file(dir, "scenario file", 100),
                    Catch::Contains(dir.string()) && Catch::Contains("is a folder"));
  CHECK_THROWS_WITH(read_input_file("/dev/zero", "scenario file", 100),
                    Catch::Contains("/dev/zero") && Catch::Contains("is a device"));
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);  // no writer: opening must not block
  CHECK_THROWS_WITH(read_input_file(dir / "fifo", "edge list", 100),
                    Catch::Contains("fifo") && Catch::Contains("FIFO"));
  CHECK_THROWS_WITH(read_input_file(dir / "ok.txt", "scenario file", 3),
                    Catch::Contains("ok.txt") && Catch::Contains("at most 3"));
  CHECK_NOTHROW(check_input_file(dir / "ok.txt", "design table"));
  CHECK_THROWS_AS(check_input_file(dir, "design table"), InputError);
}

TEST_CASE("a folder given as the scenario is refused, not read as empty text", "[input]") {
  const auto dir = testing_support::scratch_dir("input-scenario");
  CHECK_THROWS_WITH(load_scenario(dir.string(), models::all_params()),
                    Catch::Contains("scenario file") && Catch::Contains("is a folder"));
}

TEST_CASE("an edge list without edges is refused", "[input]") {
  const auto dir = testing_support::scratch_dir("input-edges");
  std::ofstream(dir / "empty.txt") << "# nothing here\n\n";
  CHECK_THROWS_WITH(load_edge_list(dir / "empty.txt", 10), Catch::Contains("empty.txt") &&
                                                               Catch::Contains("no edges") &&
                                                               Catch::Contains("graph.edgelist"));
  CHECK_THROWS_WITH(load_edge_list(dir, 10),
                    Catch::Contains("is a folder") && Catch::Contains("graph.edgelist"));
}
