// SPDX-License-Identifier: Apache-2.0
#pragma once

// The plumbing every DCP command shares, defined in jobcommands.cpp.

#include "argparser.h"
#include "clicontext.h"

#include <QString>
#include <QStringList>

namespace uis {
class DcpClient;
struct DcpError;
struct Environment;
struct SubmitRequest;
} // namespace uis

namespace uis::cli {

/// `--env`, `--url`, `--format` and the other options of every job command.
QStringList jobCommonOptions();
/// Parses `args`; returns an exit code to stop with (help, usage error), or -1 to go on.
int prepareJobCommand(ArgParser &p, const QStringList &args, CliContext &ctx, const char *command,
                      const char *help, int positional);
/// Points `client` at the environment or URL the options name; an error text, or "".
QString setupJobClient(const ArgParser &p, DcpClient *client, Environment *env);
/// Prints a DCP error the way every job command does and returns its exit code.
int reportJobError(CliContext &ctx, const char *command, const DcpError &e);
/// The request for a spec file (compiled) or a compiled request file, placeholders unresolved;
/// an exit code to stop with, or -1.
int compileSubmitRequest(const QString &file, CliContext &ctx, const char *command,
                         SubmitRequest *request);
/// compileSubmitRequest() plus `--target` and every placeholder resolved (environment,
/// keychain, prompt); an exit code to stop with, or -1.
int buildSubmitRequest(const QString &file, const ArgParser &p, CliContext &ctx,
                       const char *command, SubmitRequest *out);

} // namespace uis::cli
