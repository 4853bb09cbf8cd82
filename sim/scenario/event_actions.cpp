#include "sim/scenario/event_actions.hpp"

#include <stdexcept>

namespace sim {
namespace {

Declarations<EventActionSpec>& catalogue() {
  static Declarations<EventActionSpec> all;  // filled during static initialisation
  return all;
}

}  // namespace

std::size_t declare_event_action(EventActionSpec spec, std::source_location where) {
  return catalogue().add(std::move(spec), where);
}

const Declarations<EventActionSpec>& declared_event_actions() {
  return catalogue();
}

const EventActionSpec* find_event_action(std::string_view name) {
  const EventActionSpec* found = nullptr;
  for (std::size_t i = 0; i < catalogue().size(); ++i) {
    if (catalogue().at(i).name != name) continue;
    if (found) throw std::logic_error("event action '" + std::string(name) + "' declared twice");
    found = &catalogue().at(i);
  }
  return found;
}

std::vector<std::string> event_action_names() {
  std::vector<std::string> names;
  for (std::size_t i : catalogue().ordered()) names.push_back(catalogue().at(i).name);
  return names;
}

}  // namespace sim
