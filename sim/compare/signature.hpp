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
//   expect = "failure > control + 0.2"        # over the arms' means (any arm of the file may
//                                             # be named, e.g. "push <= 0.4") of the measure
//   replicates = 0.8                          # optional: share of the single failure replicates
//                                             # that must satisfy it against the control's mean
//
//   [[signature.knockout]]                    # the mechanism the claim names, switched off in
//   removes = "disputes and removal experience" # both arms while the lever stays pulled: each
//   control = "control_ko"                    # check's effect (failure - control, in its
//   failure = "failure_ko"                    # direction) must shrink to at most vanish_below
//   vanish_below = 0.5                        # (default 0.5) of the full effect
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
  double replicates = 0;       // share of single failure replicates that must satisfy it too
  SourcePlace where;
  int direction = 0;  // +1: failure expected above control, -1: below, 0: not a direction
};

struct Knockout {
  std::string removes;  // the mechanism switched off, in words
  std::string control, failure;
  double vanish_below = 0.5;
  SourcePlace where;
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
  std::vector<std::string> arms;  // every arm of the file, the names `expect` may use
  std::vector<SignatureCheck> checks;
  std::vector<Knockout> knockouts;
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

// The arms a check or knock-out needs runs of (control, failure, knock-out pairs, and arms
// an `expect` names).
std::vector<std::string> signature_arms(const Signature& signature);

struct CheckResult {
  std::string measure, expect;
  std::vector<double> control_runs, failure_runs;  // the measure in each replicate
  double control = 0, failure = 0;                 // their means (NaN replicates skipped)
  std::map<std::string, double> arms;              // the mean in every arm
  std::vector<std::string> other_arms;  // arms `expect` names besides control and failure
  bool holds = false;         // expect holds on the means, and on enough single replicates
  int replicates_beyond = 0;  // failure replicates satisfying expect against the control mean
  int replicates_needed = 0;
  bool direction_right = true;  // failure moved the expected way from control (or no direction)
};

struct KnockoutResult {
  std::string removes, control, failure;
  double vanish_below = 0.5;
  struct Effect {
    std::string measure;
    double full = 0, knocked_out = 0;  // failure - control in the check's direction
    bool vanished = false;             // knocked_out <= vanish_below · full
  };
  std::vector<Effect> effects;  // one per check with a direction
  bool run = true;              // false when its arms were left out (compare --arms)
  bool vanished() const;        // (true when not run)
};

struct SignatureResult {
  std::vector<CheckResult> checks;
  std::vector<KnockoutResult> knockouts;
  bool holds() const;  // every check holds and every knock-out makes the signature vanish
  // "holds" (every check), "reverses" (some measure moved the wrong way), else "weakens";
  // knock-outs aside (see knockouts_vanish()).
  std::string verdict() const;
  bool knockouts_vanish() const;
};

// `runs` by arm name: the series of each replicate (arms without runs are skipped in the
// checks that do not need them; a missing control or failure arm is an error).
SignatureResult evaluate_signature(
    const Signature& signature,
    const std::map<std::string, std::vector<const measure::SeriesSource*>>& runs);

// signature.csv (one row per check) and signature.md, written atomically into `dir`.
void write_signature_files(const std::string& dir, const Signature& signature,
                           const SignatureResult& result);

}  // namespace sim::compare
