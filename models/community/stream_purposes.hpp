#pragma once
// Random stream purposes of the community model, one per mechanism, so no two mechanisms
// ever share random numbers.
#include "sim/random/stream_purposes.hpp"

namespace community::purpose {

using sim::StreamPurpose;
inline constexpr StreamPurpose founding = sim::purpose::first_model_purpose + 0;
inline constexpr StreamPurpose posting = sim::purpose::first_model_purpose + 1;
inline constexpr StreamPurpose moderation = sim::purpose::first_model_purpose + 2;
inline constexpr StreamPurpose departures = sim::purpose::first_model_purpose + 3;
inline constexpr StreamPurpose recruitment = sim::purpose::first_model_purpose + 4;
inline constexpr StreamPurpose spammers = sim::purpose::first_model_purpose + 5;
inline constexpr StreamPurpose group_traits = sim::purpose::first_model_purpose + 6;
inline constexpr StreamPurpose reading = sim::purpose::first_model_purpose + 7;
inline constexpr StreamPurpose births = sim::purpose::first_model_purpose + 8;
inline constexpr StreamPurpose interventions = sim::purpose::first_model_purpose + 9;

}  // namespace community::purpose
