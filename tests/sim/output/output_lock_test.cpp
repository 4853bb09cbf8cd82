// One writer per output: a second writer is refused with the holder's host and pid; the lock
// of a process that died is taken over (with a note naming it); the shards of one sweep
// share a folder while a requeued twin of one is kept out.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "sim/output/output_lock.hpp"
#include "support/test_paths.hpp"

using namespace sim;
namespace fs = std::filesystem;

namespace {

std::string busy_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const BusyError& e) {
    return e.what();
  }
  return "not refused";
}

std::string host_name() {
  char host[256] = "";
  gethostname(host, sizeof host - 1);
  return host;
}

}  // namespace

TEST_CASE("a second writer is refused, naming the first, released locks leave no file", "[lock]") {
  const auto dir = testing_support::scratch_dir("lock-basic");
  {
    FolderLock first = lock_output_folder(dir, "commsim sweep");
    CHECK(first.note().empty());
    CHECK(first.writable());
    CHECK(fs::exists(dir / ".commsim.lock"));
    const std::string msg = busy_message([&] { lock_output_folder(dir, "commsim index"); });
    CHECK_THAT(msg, Catch::Contains("output folder '" + dir.string() + "'") &&
                        Catch::Contains("commsim sweep on host " + host_name()) &&
                        Catch::Contains("pid " + std::to_string(getpid())));
  }
  CHECK_FALSE(fs::exists(dir / ".commsim.lock"));
  CHECK(lock_output_folder(dir, "commsim batch").note().empty());

  const auto run = dir / "run.h5";
  OutputLock writing = lock_run_file(run, "commsim run");
  CHECK_THAT(
      busy_message([&] { lock_run_file(run, "commsim run"); }),
      Catch::Contains("run file '" + run.string() + "'") && Catch::Contains("commsim run on host"));
  writing.release();
  CHECK_FALSE(fs::exists(dir / "run.h5.lock"));
}

TEST_CASE("the lock of a killed process is taken over, with a note naming it", "[lock]") {
  const auto dir = testing_support::scratch_dir("lock-stale");
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  const pid_t child = fork();
  if (child == 0) {
    auto lock = lock_output_folder(dir, "commsim sweep");
    char c = 1;
    (void)!write(ready[1], &c, 1);
    pause();  // killed by the parent
    _exit(0);
  }
  char c = 0;
  REQUIRE(read(ready[0], &c, 1) == 1);
  CHECK_THAT(busy_message([&] { lock_output_folder(dir, "commsim sweep"); }),
             Catch::Contains("pid " + std::to_string(child)));
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  // The kernel dropped the dead holder's lock; its line is still in the file.
  FolderLock next = lock_output_folder(dir, "commsim sweep");
  CHECK_THAT(next.note(), Catch::Contains("took over the lock of commsim sweep") &&
                              Catch::Contains("pid " + std::to_string(child)) &&
                              Catch::Contains("ended without releasing it"));
}

TEST_CASE("shards of a sweep share the folder, a twin shard or a whole sweep is refused",
          "[lock]") {
  const auto dir = testing_support::scratch_dir("lock-shards");
  FolderLock zero = lock_output_folder(dir, "commsim sweep", std::make_pair(0, 2));
  FolderLock one = lock_output_folder(dir, "commsim sweep", std::make_pair(1, 2));
  CHECK_THAT(busy_message([&] { lock_output_folder(dir, "commsim sweep", std::make_pair(1, 2)); }),
             Catch::Contains("shard 1/2"));
  const std::string whole = busy_message([&] { lock_output_folder(dir, "commsim index"); });
  CHECK_THAT(whole, Catch::Contains("running shards") && Catch::Contains("(shard 0/2)") &&
                        Catch::Contains("(shard 1/2)"));
  zero = {};
  one = {};
  CHECK_FALSE(fs::exists(dir / ".commsim.lock"));
  CHECK(lock_output_folder(dir, "commsim index").note().empty());
}
