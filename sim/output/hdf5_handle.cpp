#include "sim/output/hdf5_handle.hpp"

namespace sim::h5 {

std::recursive_mutex& library_lock() {
  static std::recursive_mutex m;
  return m;
}

namespace {
herr_t collect(unsigned n, const H5E_error2_t* e, void* data) {
  auto* out = static_cast<std::string*>(data);
  if (n > 4 || !e->desc || !*e->desc) return 0;  // the first few frames say what went wrong
  if (!out->empty()) *out += "; ";
  *out += e->desc;
  return 0;
}
}  // namespace

std::string last_error() {
  std::string msg;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, collect, &msg);
  return msg;
}

void silence_library_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

}  // namespace sim::h5
