#pragma once
// Random stream purposes of the community model, one per mechanism, so no two mechanisms
// ever share random numbers.
#include "sim/random/stream_purposes.hpp"

namespace community::purpose {

using sim::StreamPurpose;
inline constexpr StreamPurpose founding = sim::purpose::first_model_purpose + 0;
inline constexpr StreamPurpose posting = sim::purpose::first_model_purpose + 1;

}  // namespace community::purpose
