// The record of files this process wrote: a file is trusted only while its bytes are those it
// had when recorded; any change (a byte flipped in place at the same size, an append, a copy
// put in its place) makes it a stranger again, to be probed like any other file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "sim/output/run_file.hpp"
#include "sim/output/written_files.hpp"
#include "support/test_paths.hpp"

using namespace sim;
using testing_support::scratch_dir;

namespace {

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("a file noted as written here is trusted until its bytes change", "[output]") {
  // Catch runs the case once per section: a new file each time, unknown to the record.
  static int round = 0;
  const auto dir = scratch_dir("written-files-" + std::to_string(++round));
  const auto path = dir / "run.h5";
  write_bytes(path, std::string(100'003, 'a'));  // not a multiple of 8: the tail counts too
  CHECK_FALSE(written_here_unchanged(path));     // not noted yet
  note_written_here(path);
  CHECK(written_here_unchanged(path));

  SECTION("one byte flipped in place, same size, within the clock's resolution") {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100'002);
    f.put('b');
    f.close();
    CHECK(std::filesystem::file_size(path) == 100'003);
    CHECK_FALSE(written_here_unchanged(path));
  }
  SECTION("appended to") {
    std::ofstream(path, std::ios::binary | std::ios::app) << 'a';
    CHECK_FALSE(written_here_unchanged(path));
  }
  SECTION("replaced by a copy with the same bytes under the same name") {
    std::filesystem::copy_file(path, dir / "copy.h5");
    std::filesystem::rename(dir / "copy.h5", path);
    CHECK_FALSE(written_here_unchanged(path));  // another file, whoever wrote it
  }
  SECTION("noted again after a change, it is trusted again") {
    write_bytes(path, "other bytes");
    CHECK_FALSE(written_here_unchanged(path));
    note_written_here(path);
    CHECK(written_here_unchanged(path));
  }
}

TEST_CASE("what is not a regular file is never trusted", "[output]") {
  const auto dir = scratch_dir("written-files-odd");
  note_written_here(dir);  // a folder: ignored
  CHECK_FALSE(written_here_unchanged(dir));
  note_written_here(dir / "missing.h5");
  CHECK_FALSE(written_here_unchanged(dir / "missing.h5"));
}

TEST_CASE("a run file is noted when it is published, finished or not", "[output]") {
  const auto dir = scratch_dir("written-files-run");
  const std::vector<MetricSpec> daily = {{"size", "members", "members"}};
  for (bool finish : {true, false}) {
    const auto path = dir / (finish ? "done.h5" : "failed.h5");
    {
      RunFile file(path, RunHeader{1, "[run]\n", "unit", nullptr, 1, {}}, daily, {});
      DayFrame frame;
      frame.reset(1, 0, 1);
      frame.at(0, 0) = 1;
      file.append(frame);
      if (finish)
        file.finish();
      else
        file.publish_incomplete();  // a failed run's stub
    }
    INFO(path);
    CHECK(written_here_unchanged(path));
  }
}
