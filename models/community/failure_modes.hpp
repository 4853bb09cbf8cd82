#pragma once
// The failure modes the model documents: one scenario file each in scenarios/failure/, whose
// [signature] table (sim/compare/signature.hpp) names the mode, its claim and summary, what
// its failure arm shows against the control, and the rule `commsim diagnose` recognises it
// by. The files are compiled into the binary, so diagnose needs no source tree; nothing else
// lists the modes.
#include <string>
#include <vector>

#include "sim/compare/signature.hpp"

namespace community {

struct EmbeddedFile {
  const char* path;  // relative to the source tree, e.g. "scenarios/failure/boredom.toml"
  const char* text;
};

// Generated at build time from scenarios/failure/*.toml (models/cmake/embed_files.cmake).
const std::vector<EmbeddedFile>& embedded_failure_scenarios();

// Every failure mode, parsed once, ordered by claim (C10, C11, ...).
const std::vector<sim::compare::Signature>& failure_modes();

// The mode whose key (file stem) is `key`, or nullptr.
const sim::compare::Signature* failure_mode(const std::string& key);

// A Markdown table of the modes: file, claim, the arms' settings, the signature's checks and
// the diagnosis rule (`commsim diagnose --modes`; the README's table is this output).
std::string failure_modes_markdown();

}  // namespace community
