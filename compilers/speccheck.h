// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "compiler.h"
#include "specloader.h"

namespace uis {

/**
 * Validation is the compiler's verdict: the validator's diagnostics plus every error and warning
 * that compiling the spec for its engine (every target) reports, de-duplicated, sorted and placed
 * on the spec's lines. (The compiler's notes, `info`, stay with the compile unless asked for.)
 * `uisctl validate`, the designer's Problems panel and dcp-local's 422 use it, so a spec that
 * checks clean compiles with every target of its engine.
 *
 * The compile runs only when the validator found no error (a spec with errors does not compile
 * anyway, and validating stays fast).
 */
class SpecCheck
{
public:
    /// The validator's diagnostics of `loaded` plus the compile diagnostics of `engine`
    /// (`Engine::None`: the spec's own engine, engineFor()).
    static DiagnosticList check(const LoadedSpec &loaded, Engine engine = Engine::None,
                                const CompileOptions &options = {},
                                Severity least = Severity::Warning);
    /// What compiling `loaded` for `engine` (Engine::None: its own) reports, before combine():
    /// the compile check() runs when the validator found no error. Empty without an engine.
    static DiagnosticList compileFindings(const LoadedSpec &loaded, Engine engine = Engine::None,
                                          const CompileOptions &options = {});
    /// The same from a compile already done (the designer compiles both engines anyway):
    /// `loaded.diagnostics` plus those `compileDiagnostics` at least as severe as `least`,
    /// located, de-duplicated and sorted.
    static DiagnosticList combine(const LoadedSpec &loaded,
                                  const DiagnosticList &compileDiagnostics,
                                  Severity least = Severity::Warning);
};

} // namespace uis
