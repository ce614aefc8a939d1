// SPDX-License-Identifier: Apache-2.0
#include "cliloop.h"

#include "dcpreply.h"

#include <QCoreApplication>
#include <QThread>

#include <memory>

namespace uis::cli {

void CliLoop::exec()
{
    // Top level only: a nested loop would be the very thing the libraries avoid.
    Q_ASSERT(QThread::currentThread()->loopLevel() == 0);
    if (!m_quit)
        m_loop.exec();
}

void CliLoop::quit()
{
    m_quit = true;
    m_loop.quit();
}

bool CliLoop::await(DcpReply *reply)
{
    if (!reply->isFinished()) {
        CliLoop loop;
        QObject::connect(reply, &DcpReply::done, &loop.m_loop, [&loop] { loop.quit(); });
        loop.exec();
    }
    return reply->isOk();
}

QCoreApplication *CliLoop::application()
{
    if (QCoreApplication::instance())
        return QCoreApplication::instance();
    static int argc = 1;
    static char name[] = "uisctl";
    static char *argv[] = {name, nullptr};
    static std::unique_ptr<QCoreApplication> app(new QCoreApplication(argc, argv));
    return app.get();
}

} // namespace uis::cli
