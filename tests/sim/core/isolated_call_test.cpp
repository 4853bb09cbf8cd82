// Work that may crash or hang runs in a child process: the parent gets its result, or
// learns that it crashed, failed or ran out of time, and goes on.
#include <signal.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <stdexcept>

#include "sim/core/isolated_call.hpp"

using namespace sim;

TEST_CASE("isolated work: a result, a crash, an exception and a hang", "[isolated]") {
  auto ok = run_isolated([] { return std::string("fine"); }, 10);
  CHECK(ok.started);
  CHECK(ok.finished);
  CHECK(ok.text == "fine");

  auto crash = run_isolated(
      [] {
        ::raise(SIGKILL);  // as a crash would end it (sanitizers catch SIGSEGV themselves)
        return std::string("never");
      },
      10);
  CHECK_FALSE(crash.finished);
  CHECK_THAT(crash.text, Catch::Contains("crashed") && Catch::Contains("Killed"));

  auto thrown = run_isolated([]() -> std::string { throw std::runtime_error("x"); }, 10);
  CHECK_FALSE(thrown.finished);
  CHECK_THAT(thrown.text, Catch::Contains("failed"));

  auto hang = run_isolated(
      [] {
        ::sleep(30);
        return std::string("too late");
      },
      0.3);
  CHECK_FALSE(hang.finished);
  CHECK_THAT(hang.text, Catch::Contains("did not finish"));
}
