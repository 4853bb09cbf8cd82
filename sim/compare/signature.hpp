#pragma once
// A scenario's expected outcome, written as data in its own [signature] table: what a failure
// arm should show against its control, and how a single run that shows it is recognised.
//
//   [signature]
//   mode = "leaderless drift"                 # the outcome, in words
//   claim = "C11, C15"                        # the practitioners' claims it tests
//   summary = "ads spread, each message is worth less, members mute"
//   control = "control"                       # the arms compared
//   failure = "failure"
//   plot = ["ad_share", "value_per_message", "muted_share"]   # daily metrics to draw
//
//   [[signature.check]]                       # one per expected difference
//   measure = "last_third(ad_share)"          # a series expression (sim/measure)
//   expect = "failure > control + 0.2"        # over the arms' means of the measure
//   replicates = 4                            # optional: single failure replicates that must
//                                             # also satisfy it against the control's mean
//
//   [signature.diagnosis]                     # optional: how `commsim diagnose` recognises it
//   when = ["last_days(ad_share, 30) >= 0.2", "..."]      # in one group's life, all must hold
//   evidence = ["ads are {last_days(ad_share, 30):%} of messages", "..."]   # said when it does
//   unless = ["leaderless"]                   # modes (file stems) named first take precedence
//
// `commsim compare` evaluates the checks when a file has a signature (signature.csv and .md),
// the signature tests run them for every file in scenarios/failure/, and the Python atlas
// reads mode, claim, summary and plot from the same table.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "sim/core/input_error.hpp"
#include "sim/measure/series_expr.hpp"

namespace sim::compare {

struct SignatureCheck {
  measure::Expression measure;
  measure::Expression expect;  // over the variables `control` and `failure`
  int replicates = 0;          // 0: no requirement on single replicates
  SourcePlace where;
  int direction = 0;  // +1: failure expected above control, -1: below, 0: not a direction
};

struct DiagnosisRule {
  std::vector<measure::Expression> when;
  std::vector<std::string> evidence;
  std::vector<std::string> unless;
};

struct Signature {
  std::string file;  // where it was read
  std::string key;   // the file's stem: how diagnose and the atlas name the mode
  std::string mode, claim, summary;
  std::string control, failure;
  std::vector<std::string> plot;
  std::vector<SignatureCheck> checks;
  std::optional<DiagnosisRule> diagnosis;

  // Every daily metric the signature reads (plot, checks, diagnosis).
  std::vector<std::string> metrics() const;
};

// The [signature] table of a parsed scenario file, or nullopt when it has none. InputError
// with file, line and key for anything malformed (unknown keys included).
std::optional<Signature> read_signature(const toml::table& document, const std::string& file);
std::optional<Signature> read_signature_text(const std::string& text, const std::string& file);

// Checks the arms it names exist and the metrics it reads are known.
void validate_signature(const Signature& signature, const std::vector<std::string>& arms,
                        const std::vector<std::string>& daily_metrics);

struct CheckResult {
  std::string measure, expect;
  std::vector<double> control_runs, failure_runs;  // the measure in each replicate
  double control = 0, failure = 0;                 // their means (NaN replicates skipped)
  bool holds = false;         // expect holds on the means, and on enough single replicates
  int replicates_beyond = 0;  // failure replicates satisfying expect against the control mean
  int replicates_needed = 0;
  bool direction_right = true;  // failure moved the expected way from control (or no direction)
};

struct SignatureResult {
  std::vector<CheckResult> checks;
  bool holds() const;
  // "holds" (every check), "reverses" (some measure moved the wrong way), else "weakens".
  std::string verdict() const;
};

// `runs` by arm name: the series of each replicate.
SignatureResult evaluate_signature(
    const Signature& signature,
    const std::map<std::string, std::vector<const measure::SeriesSource*>>& runs);

// signature.csv (one row per check) and signature.md, written atomically into `dir`.
void write_signature_files(const std::string& dir, const Signature& signature,
                           const SignatureResult& result);

}  // namespace sim::compare
