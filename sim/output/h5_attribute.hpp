#pragma once
// Reading the typed scalar attributes every commsim file carries (h5::write_attribute in
// h5_writer.hpp writes them): int64, float64, int8 for booleans, variable-length UTF-8
// strings. The one reader of attributes; callers hold h5::library_lock().
#include <optional>
#include <stdexcept>
#include <string>

#include "sim/output/hdf5_handle.hpp"
#include "sim/params/param_spec.hpp"

namespace sim::h5 {

// An attribute that exists but cannot be read as one of the types above. what() says why
// ("attribute 'x': ..."); callers add the file.
class AttributeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// nullopt when `object` has no attribute `name`; AttributeError when it is not a scalar of a
// known type or cannot be read. A 1-byte integer reads as bool.
std::optional<ParamValue> read_attribute(hid_t object, const std::string& name);

}  // namespace sim::h5
