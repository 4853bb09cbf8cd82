#include "models/community/metric_declarations.hpp"

#include "sim/core/declarations.hpp"

namespace community {
namespace {

sim::Declarations<DailyMetric>& declared_daily() {
  static sim::Declarations<DailyMetric> catalogue;
  return catalogue;
}

sim::Declarations<PlatformMetric>& declared_platform() {
  static sim::Declarations<PlatformMetric> catalogue;
  return catalogue;
}

template <class Metric>
std::vector<Metric> in_source_order(const sim::Declarations<Metric>& declared) {
  std::vector<Metric> out;
  for (std::size_t i : declared.ordered()) out.push_back(declared.at(i));
  return out;
}

}  // namespace

std::size_t daily_metric(sim::MetricSpec spec, std::function<double(const GroupDay&)> measure,
                         std::source_location where) {
  return declared_daily().add({std::move(spec), std::move(measure)}, where);
}

Counter counter_metric(sim::MetricSpec spec, std::source_location where) {
  static std::uint32_t counters = 0;
  const Counter counter{counters++};
  daily_metric(
      std::move(spec), [counter](const GroupDay& d) { return d.group.today.count(counter); },
      where);
  return counter;
}

std::size_t platform_metric(sim::MetricSpec spec, std::function<double(const PlatformDay&)> measure,
                            std::source_location where) {
  return declared_platform().add({std::move(spec), std::move(measure)}, where);
}

const std::vector<DailyMetric>& daily_metrics() {
  static const std::vector<DailyMetric> metrics = in_source_order(declared_daily());
  return metrics;
}

const std::vector<PlatformMetric>& platform_metrics() {
  static const std::vector<PlatformMetric> metrics = in_source_order(declared_platform());
  return metrics;
}

}  // namespace community
