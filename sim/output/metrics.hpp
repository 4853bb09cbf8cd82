#pragma once
// What a model reports once a day: per-group series and platform aggregates.
#include <cmath>
#include <string>
#include <vector>

namespace sim {

struct MetricSpec {
  std::string name;  // dataset name: /daily/<name> or /platform/<name>
  std::string unit;
  std::string description;
};

// One day of measurements. `daily` is metric-major: daily[m * groups + g].
struct DayFrame {
  std::size_t groups = 0;
  std::vector<double> daily;
  std::vector<double> platform;

  void reset(std::size_t daily_metrics, std::size_t platform_metrics, std::size_t group_count) {
    groups = group_count;
    daily.assign(daily_metrics * group_count, std::nan(""));
    platform.assign(platform_metrics, std::nan(""));
  }
  double& at(std::size_t metric, std::size_t group) { return daily[metric * groups + group]; }
  double at(std::size_t metric, std::size_t group) const { return daily[metric * groups + group]; }
};

}  // namespace sim
