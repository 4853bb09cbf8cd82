#pragma once
// Small RAII and error helpers over the HDF5 C API. HDF5 from Debian is not built
// thread-safe, so every call into it is made under one process-wide lock.
#include <hdf5.h>

#include <mutex>
#include <string>
#include <utility>

namespace sim::h5 {

std::recursive_mutex& library_lock();

// The innermost messages of the current HDF5 error stack, joined; "" if none.
std::string last_error();

// Turns off HDF5's habit of printing its error stack to stderr; we report errors ourselves.
void silence_library_errors();

class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer close) : id_(id), close_(close) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, -1)), close_(o.close_) {}
  Handle& operator=(Handle&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, -1);
      close_ = o.close_;
    }
    return *this;
  }
  ~Handle() { reset(); }
  void reset() {
    if (id_ >= 0 && close_) close_(id_);
    id_ = -1;
  }
  hid_t get() const { return id_; }
  hid_t release() { return std::exchange(id_, -1); }
  explicit operator bool() const { return id_ >= 0; }

 private:
  hid_t id_ = -1;
  Closer close_ = nullptr;
};

}  // namespace sim::h5
