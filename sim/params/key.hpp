#pragma once
// Parameters declared once, where they are used. A declaration such as
//
//   inline const sim::Key<double> strictness = sim::real({
//       .path = "groups.strictness", .value = 0.3, .unit = "0-1", .min = 0, .max = 1,
//       .meaning = "rule strictness ...", .claim = "C12", .scope = sim::ParamScope::group});
//
// is at the same time the registry entry (type, default, unit, range, meaning, claim: what
// `commsim params`, scenario validation and docs/ODD.md use) and the typed handle the code
// reads the value through: `values[strictness]` is a double, read from a flat array (no
// lookup by name in the hot loop). Declarations register themselves in one catalogue
// (sim/core/declarations.hpp explains the order); there is no second list to keep in step.
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <source_location>
#include <string>
#include <type_traits>
#include <vector>

#include "sim/core/declarations.hpp"
#include "sim/params/param_spec.hpp"

namespace sim {

class Parameters;
class ParamRegistry;

// A typed handle on a declared parameter: T is double, int, bool or an enum (a choice).
template <class T>
struct Key {
  std::uint32_t slot = 0;
};

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

struct RealDecl {
  const char* path;
  double value;
  const char* unit = "";
  double min = -unbounded;
  double max = unbounded;
  const char* meaning = "";
  const char* claim = "";
  ParamScope scope = ParamScope::world;
};

struct IntDecl {
  const char* path;
  int value;
  const char* unit = "";
  double min = -unbounded;
  double max = unbounded;
  const char* meaning = "";
  const char* claim = "";
  ParamScope scope = ParamScope::world;
};

struct FlagDecl {
  const char* path;
  bool value;
  const char* meaning = "";
  const char* claim = "";
  ParamScope scope = ParamScope::world;
};

// A choice among names; the enum's values are the names' positions (0, 1, ...).
template <class E>
struct ChoiceDecl {
  const char* path;
  E value;
  std::initializer_list<const char*> choices;
  const char* meaning = "";
  const char* claim = "";
  ParamScope scope = ParamScope::world;
};

// Every declared parameter, by slot.
Declarations<ParamSpec>& declared_params();

std::uint32_t declare_param(ParamSpec spec, const std::source_location& where);

inline Key<double> real(const RealDecl& d,
                        std::source_location where = std::source_location::current()) {
  return {declare_param(
      {d.path, ParamType::real, d.value, d.unit, d.min, d.max, {}, d.meaning, d.claim, d.scope},
      where)};
}

inline Key<int> integer(const IntDecl& d,
                        std::source_location where = std::source_location::current()) {
  return {declare_param({d.path,
                         ParamType::integer,
                         std::int64_t{d.value},
                         d.unit,
                         d.min,
                         d.max,
                         {},
                         d.meaning,
                         d.claim,
                         d.scope},
                        where)};
}

inline Key<bool> flag(const FlagDecl& d,
                      std::source_location where = std::source_location::current()) {
  return {declare_param(
      {d.path, ParamType::boolean, d.value, "", 0, 1, {}, d.meaning, d.claim, d.scope}, where)};
}

template <class E>
Key<E> choice(const ChoiceDecl<E>& d,
              std::source_location where = std::source_location::current()) {
  std::vector<std::string> names(d.choices.begin(), d.choices.end());
  std::string def = names.at(static_cast<std::size_t>(d.value));
  return {declare_param({d.path, ParamType::text, std::move(def), "", 0, 0, std::move(names),
                         d.meaning, d.claim, d.scope},
                        where)};
}

// Adds every declared parameter to `registry`, in source order.
void register_declared_params(ParamRegistry& registry);

// The values of every declared parameter, as the code reads them during a run. Copies are
// cheap (one double a parameter): group types and events hold their own.
class ParamValues {
 public:
  ParamValues();                              // every declared parameter at its default
  explicit ParamValues(const Parameters& p);  // as resolved from a scenario

  template <class T>
  T operator[](Key<T> key) const {
    const double v = values_[key.slot];
    if constexpr (std::is_same_v<T, bool>)
      return v != 0;
    else
      return static_cast<T>(v);
  }
  template <class T>
  void set(Key<T> key, std::type_identity_t<T> value) {
    values_[key.slot] = static_cast<double>(value);
  }
  // Sets a declared parameter by path from a checked value (a choice by its name).
  void set(const ParamSpec& spec, std::uint32_t slot, const ParamValue& value);
  // The slot of a declared parameter, or -1 (keys the engine registers itself, run.*).
  static std::int64_t slot_of(const std::string& path);
  // A declared parameter's value as stored (choices by position), to save and restore it.
  double raw(std::uint32_t slot) const { return values_.at(slot); }
  void set_raw(std::uint32_t slot, double value) { values_.at(slot) = value; }

 private:
  std::vector<double> values_;
};

}  // namespace sim
