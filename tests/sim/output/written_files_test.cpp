// The record of run files this job wrote: a file is trusted only while its bytes are exactly
// those of a file recorded as written; any change (a byte flipped in place at the same size,
// an append, a truncation) makes it a stranger again, to be probed like any other file.
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

// Bytes no other case of this file writes (the record lasts as long as the process).
std::string unique_bytes(const std::string& tag, std::size_t size) {
  std::string s = tag;
  while (s.size() < size) s += static_cast<char>('a' + s.size() % 26);
  return s;
}

}  // namespace

TEST_CASE("a file recorded as written is trusted until its bytes change", "[output]") {
  // Catch runs the case once per section: new bytes each time, unknown to the record.
  static int round = 0;
  const auto dir = scratch_dir("written-files-" + std::to_string(++round));
  const auto path = dir / "run.h5";
  // Not a multiple of 8 bytes: the tail counts too.
  write_bytes(path, unique_bytes("round " + std::to_string(round), 100'003));
  CHECK_FALSE(written_by_this_job(path));  // not recorded yet
  note_written_here(path);
  CHECK(written_by_this_job(path));

  SECTION("one byte flipped in place, same size, within the clock's resolution") {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100'002);
    f.put('#');
    f.close();
    CHECK(std::filesystem::file_size(path) == 100'003);
    CHECK_FALSE(written_by_this_job(path));
  }
  SECTION("appended to, or cut short") {
    std::ofstream(path, std::ios::binary | std::ios::app) << 'a';
    CHECK_FALSE(written_by_this_job(path));
    std::filesystem::resize_file(path, 100'002);
    CHECK_FALSE(written_by_this_job(path));
  }
  SECTION("the same bytes under another name are the same file") {
    std::filesystem::copy_file(path, dir / "copy.h5");
    CHECK(written_by_this_job(dir / "copy.h5"));
  }
  SECTION("a fingerprint sent by another rank counts like one taken here") {
    const auto other = dir / "other.h5";
    write_bytes(other, unique_bytes("other " + std::to_string(round), 5000));
    auto f = fingerprint_file(other);
    REQUIRE(f);
    CHECK(f->size == 5000);
    CHECK_FALSE(written_by_this_job(other));
    note_written(*f);
    CHECK(written_by_this_job(other));
  }
}

TEST_CASE("what is not a regular file has no fingerprint and is never trusted", "[output]") {
  const auto dir = scratch_dir("written-files-odd");
  CHECK_FALSE(fingerprint_file(dir));
  CHECK_FALSE(fingerprint_file(dir / "missing.h5"));
  note_written_here(dir);  // ignored
  CHECK_FALSE(written_by_this_job(dir));
  CHECK_FALSE(written_by_this_job(dir / "missing.h5"));
}

TEST_CASE("a folder's fingerprint logs let another process trust its files", "[output]") {
  const auto dir = scratch_dir("written-files-log");
  const auto path = dir / "r1.h5";
  write_bytes(path, unique_bytes("logged", 7777));
  log_fingerprint(dir, path);
  CHECK_FALSE(written_by_this_job(path));  // logged for others, not recorded here
  // Lines another writer may have left half-written or that are not ours: skipped.
  write_bytes(dir / fingerprint_folder / "junk.tsv",
              "r9.h5\t12\n\t\t\nr8.h5\tx\t0123456789abcdef\nr7.h5\t5\t0123456789abcdeg\n");
  write_bytes(dir / fingerprint_folder / "ignored.txt", "r1.h5\t1\t0123456789abcdef\n");
  load_fingerprints(dir);
  CHECK(written_by_this_job(path));
  std::ifstream log;
  for (const auto& e : std::filesystem::directory_iterator(dir / fingerprint_folder))
    if (e.path().filename().string().find('-') != std::string::npos) log.open(e.path());
  std::string line;
  REQUIRE(std::getline(log, line));
  CHECK(line.rfind("r1.h5\t7777\t", 0) == 0);  // name, size, hash in hex
  CHECK_NOTHROW(load_fingerprints(dir / "no-such-folder"));
}

TEST_CASE("a run file is recorded when it is published, finished or not", "[output]") {
  const auto dir = scratch_dir("written-files-run");
  const std::vector<MetricSpec> daily = {{"size", "members", "members"}};
  for (bool finish : {true, false}) {
    const auto path = dir / (finish ? "done.h5" : "failed.h5");
    {
      RunFile file(path, RunHeader{1, "[run]\n", finish ? "done" : "failed", nullptr, 1, {}}, daily,
                   {});
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
    CHECK(written_by_this_job(path));
  }
}
