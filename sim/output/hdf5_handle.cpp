#include "sim/output/hdf5_handle.hpp"

#include <pthread.h>

#include <new>
#include <vector>

namespace sim::h5 {

std::recursive_mutex& library_lock() {
  static std::recursive_mutex* lock = [] {
    static std::recursive_mutex mutex;
    // A child forked while the lock is held (run_isolated does so on purpose) has one thread
    // and nobody else inside HDF5, but its copy of the mutex belongs to a thread that does
    // not exist there: give the child a fresh, unlocked one.
    pthread_atfork(nullptr, nullptr, [] { new (&mutex) std::recursive_mutex(); });
    return &mutex;
  }();
  return *lock;
}

namespace {
herr_t collect(unsigned, const H5E_error2_t* e, void* data) {
  if (e->desc && *e->desc) static_cast<std::vector<std::string>*>(data)->push_back(e->desc);
  return 0;
}
}  // namespace

std::string last_error() {
  // The outermost frame says what HDF5 was asked to do, the innermost why it failed (often
  // the operating system's own words, e.g. "No space left on device").
  std::vector<std::string> frames;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &frames);
  if (frames.empty()) return "";
  std::string why = frames.back();
  // Low-level I/O frames carry a long dump; keep only the system's message from it.
  if (auto at = why.find("error message = '"); at != std::string::npos) {
    auto start = at + 17, end = why.find('\'', start);
    why = why.substr(start, end - start);
  }
  return frames.size() == 1 ? why : frames.front() + ": " + why;
}

void silence_library_errors() {
  // HDF5's own exit-time cleanup crashes on a file whose close failed (disk full); we close
  // our files ourselves, so keep that cleanup from running. It must precede any other call.
  static const bool once = [] {
    H5dont_atexit();
    return true;
  }();
  (void)once;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

}  // namespace sim::h5
