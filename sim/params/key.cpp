#include "sim/params/key.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/params/param_registry.hpp"
#include "sim/params/parameters.hpp"

namespace sim {

Declarations<ParamSpec>& declared_params() {
  static Declarations<ParamSpec> catalogue;
  return catalogue;
}

std::uint32_t declare_param(ParamSpec spec, const std::source_location& where) {
  return static_cast<std::uint32_t>(declared_params().add(std::move(spec), where));
}

void register_declared_params(ParamRegistry& registry) {
  // Source order, grouped by section (the part before the first dot) in the order sections
  // first appear: a section's parameters stay together wherever they are declared.
  const auto& all = declared_params();
  const auto order = all.ordered();
  std::vector<std::string> sections;
  for (std::size_t i : order) {
    std::string section = all.at(i).path.substr(0, all.at(i).path.find('.'));
    if (std::find(sections.begin(), sections.end(), section) == sections.end())
      sections.push_back(section);
  }
  for (const auto& section : sections)
    for (std::size_t i : order)
      if (all.at(i).path.substr(0, all.at(i).path.find('.')) == section) registry.add(all.at(i));
}

namespace {

double numeric(const ParamSpec& spec, const ParamValue& v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* b = std::get_if<bool>(&v)) return *b ? 1.0 : 0.0;
  const auto& name = std::get<std::string>(v);
  auto it = std::find(spec.choices.begin(), spec.choices.end(), name);
  if (it == spec.choices.end())
    throw std::logic_error("parameter '" + spec.path + "' has no choice '" + name + "'");
  return static_cast<double>(it - spec.choices.begin());
}

}  // namespace

ParamValues::ParamValues() {
  const auto& all = declared_params();
  values_.resize(all.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    values_[i] = numeric(all.at(i), all.at(i).default_value);
}

ParamValues::ParamValues(const Parameters& p) {
  const auto& all = declared_params();
  values_.resize(all.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    values_[i] = numeric(all.at(i), p.value(all.at(i).path));
}

void ParamValues::set(const ParamSpec& spec, std::uint32_t slot, const ParamValue& value) {
  values_.at(slot) = numeric(spec, value);
}

std::int64_t ParamValues::slot_of(const std::string& path) {
  const auto& all = declared_params();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all.at(i).path == path) return static_cast<std::int64_t>(i);
  return -1;
}

}  // namespace sim
