#pragma once
// Running work that may crash or never return in a child process. A library that parses
// untrusted bytes (libhdf5 reading a damaged file) can loop for ever or crash, which no
// check of ours can prevent; in a child, that costs the child, and the parent learns what
// happened. The child is forked from the calling thread: hold every lock the work needs
// (e.g. h5::library_lock()) while calling, so no other thread is half-way through it.
#include <functional>
#include <string>

namespace sim {

struct IsolatedResult {
  bool started = false;   // a child process could be made (fork can fail: no memory, limits)
  bool finished = false;  // the work returned (its text is in `text`)
  std::string text;       // what the work returned, or why it did not finish
};

// Runs `work` in a forked child and returns its result (up to 64 KiB of text). When the
// child dies of a signal, exits otherwise, or runs past `timeout_seconds` (then it is
// killed), `finished` is false and `text` says which; when no child could be started,
// `started` is false too.
IsolatedResult run_isolated(const std::function<std::string()>& work, double timeout_seconds);

}  // namespace sim
