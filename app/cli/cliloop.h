// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QEventLoop>

class QCoreApplication;

namespace uis {
class DcpReply;
}

namespace uis::cli {

/**
 * The one way uisctl waits for asynchronous work (keychain, HTTP, a job being followed): start
 * it with the libraries' async API, then run this loop at top level until a callback calls
 * quit(). uisctl never runs any other event loop, so this one is never nested; core/client has
 * no blocking API for the CLI to lean on.
 */
class CliLoop
{
public:
    /// Runs until quit(); returns at once when quit() was already called.
    void exec();
    void quit();

    /// Runs a loop until `reply` is done; returns DcpReply::isOk().
    static bool await(DcpReply *reply);
    /// The process's QCoreApplication, made on first use: only commands that wait or find files
    /// next to the binary need one, so `validate` and `compile` start without it.
    static QCoreApplication *application();

private:
    QEventLoop m_loop;
    bool m_quit = false;
};

} // namespace uis::cli
