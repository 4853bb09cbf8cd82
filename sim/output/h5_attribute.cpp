#include "sim/output/h5_attribute.hpp"

namespace sim::h5 {

std::optional<ParamValue> read_attribute(hid_t object, const std::string& name) {
  const htri_t exists = H5Aexists(object, name.c_str());
  if (exists == 0) return std::nullopt;
  auto fail = [&](const std::string& why) -> std::optional<ParamValue> {
    std::string detail = last_error();
    throw AttributeError("attribute '" + name + "': " + why +
                         (detail.empty() ? "" : " (" + detail + ")"));
  };
  if (exists < 0) return fail("cannot be looked up");
  Handle attr(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose);
  if (!attr) return fail("cannot be opened");
  Handle type(H5Aget_type(attr.get()), H5Tclose);
  Handle space(H5Aget_space(attr.get()), H5Sclose);
  if (!type || !space) return fail("cannot be read");
  // A damaged file may claim an array here; reading it into one scalar would overrun.
  if (H5Sget_simple_extent_type(space.get()) != H5S_SCALAR &&
      H5Sget_simple_extent_npoints(space.get()) != 1)
    return fail("is not a single value");
  switch (H5Tget_class(type.get())) {
    case H5T_INTEGER: {
      std::int64_t v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_INT64, &v) < 0) return fail("cannot be read");
      if (H5Tget_size(type.get()) == 1) return ParamValue{v != 0};
      return ParamValue{v};
    }
    case H5T_FLOAT: {
      double v = 0;
      if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &v) < 0) return fail("cannot be read");
      return ParamValue{v};
    }
    case H5T_STRING: {
      if (H5Tis_variable_str(type.get()) <= 0)
        return fail("is a fixed-length string (commsim writes variable-length ones)");
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      H5Tset_size(mem.get(), H5T_VARIABLE);
      H5Tset_cset(mem.get(), H5T_CSET_UTF8);
      char* s = nullptr;
      if (H5Aread(attr.get(), mem.get(), &s) < 0 || !s) return fail("cannot be read");
      std::string out(s);
      H5free_memory(s);
      return ParamValue{out};
    }
    default:
      return fail("has a type commsim does not write");
  }
}

}  // namespace sim::h5
