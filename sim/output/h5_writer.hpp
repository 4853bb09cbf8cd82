#pragma once
// Writing small HDF5 files (the batch index, a comparison's summary) and the typed scalar
// attributes every commsim file carries. Objects are created without modification times, so
// that the same content gives the same bytes. Callers hold h5::library_lock() throughout.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "sim/output/hdf5_handle.hpp"
#include "sim/params/param_spec.hpp"

namespace sim::h5 {

// Variable-length UTF-8 string type.
Handle string_type();

// Group creation property list that leaves out modification times.
Handle untimed_group_plist();

// Writes `value` as a scalar attribute of `object` (int64, float64, int8 for bool, or a
// variable-length UTF-8 string), replacing one of that name. On failure calls `on_error`
// (which is expected to throw) while the attribute is still open, so h5::last_error()
// still describes what went wrong.
void write_attribute(hid_t object, const std::string& name, const ParamValue& value,
                     const std::function<void()>& on_error);

// A file written in one go. Errors are OutputError
// "<label> '<path>': cannot <what> (<hdf5 error>)".
class Writer {
 public:
  Writer(std::filesystem::path path, std::string label);

  void create();  // creates (truncates) the file
  hid_t file() const { return file_.get(); }
  [[noreturn]] void fail(const std::string& what) const;

  Handle group(hid_t parent, const std::string& name);
  // 1-D dataset of n elements.
  void dataset(hid_t parent, const std::string& name, hid_t file_type, hid_t mem_type,
               std::size_t n, const void* data);
  void strings(hid_t parent, const std::string& name, const std::vector<std::string>& v);
  void ints(hid_t parent, const std::string& name, const std::vector<std::int64_t>& v);
  void doubles(hid_t parent, const std::string& name, const std::vector<double>& v);
  void bytes(hid_t parent, const std::string& name, const std::vector<std::int8_t>& v);
  void attribute(hid_t object, const std::string& name, const ParamValue& value);
  void attribute(const std::string& name, const ParamValue& value) {
    attribute(file(), name, value);
  }

  void flush();  // H5Fflush, global scope
  void close();  // H5Fclose, checked; the destructor closes without checking

 private:
  std::filesystem::path path_;
  std::string label_;
  Handle file_;
};

}  // namespace sim::h5
