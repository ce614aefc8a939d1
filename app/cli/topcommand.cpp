// SPDX-License-Identifier: Apache-2.0
// uisctl top: a live table of a DCP server's running jobs (rate, Kafka lag, restarts, last
// checkpoint), refreshed until `q` (or Ctrl-C); --once prints the table a single time.
#include "argparser.h"
#include "clicontext.h"
#include "cliloop.h"
#include "jobcommandsupport.h"
#include "metricsoutput.h"

#include "dcpclient.h"
#include "jobstatus.h"

#include <QDateTime>
#include <QSocketNotifier>
#include <QTimer>

#include <memory>
#include <termios.h>
#include <unistd.h>

namespace uis::cli {

namespace {

const char *const kTopHelp =
    "usage: uisctl top [--env NAME | --url URL] [--interval SECONDS] [--once]\n\n"
    "A live table of the server's running jobs: rows per second (the sources'), Kafka lag\n"
    "(summed over partitions), restarts, and the last checkpoint (duration, age), from\n"
    "GET /api/v1/jobs and each job's metrics. Refreshes every 2 s until `q` or Ctrl-C.\n"
    "  --once      print the table once and exit (for scripts)\n";

/// Puts the terminal in non-canonical mode while `top` runs, so one `q` is read at once.
class RawTerminal
{
public:
    RawTerminal()
    {
        m_ok = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0;
        if (!m_ok)
            return;
        termios raw = m_saved;
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    }
    ~RawTerminal()
    {
        if (m_ok)
            ::tcsetattr(STDIN_FILENO, TCSANOW, &m_saved);
    }

private:
    termios m_saved{};
    bool m_ok = false;
};

QString age(qint64 atMs)
{
    if (atMs <= 0)
        return QStringLiteral("-");
    const qint64 s = (QDateTime::currentMSecsSinceEpoch() - atMs) / 1000;
    return s < 120 ? QStringLiteral("%1s ago").arg(s) : QStringLiteral("%1m ago").arg(s / 60);
}

/// One table: asks for the running jobs, then each one's metrics; returns the text.
QString table(DcpClient &client, QString *error)
{
    JobListQuery q;
    q.status = QStringLiteral("RUNNING");
    q.limit = 100;
    std::unique_ptr<DcpReply> list(client.list(q));
    if (!CliLoop::await(list.get())) {
        *error = list->error().fullText();
        return {};
    }
    const JobList jobs = list->jobList();
    QString out;
    QTextStream t(&out);
    t << QStringLiteral("%1  %2 running job(s) on %3   (q quits)\n\n")
             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
             .arg(jobs.jobs.size())
             .arg(client.baseUrl().toString());
    t << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
             .arg(QStringLiteral("JOB"), -21)
             .arg(QStringLiteral("NAME"), -24)
             .arg(QStringLiteral("ENGINE"), -7)
             .arg(QStringLiteral("ROWS/S"), 9)
             .arg(QStringLiteral("LAG"), 9)
             .arg(QStringLiteral("RESTARTS"), 9)
             .arg(QStringLiteral("LAST CHECKPOINT"));
    for (const JobStatus &j : jobs.jobs) {
        std::unique_ptr<DcpReply> m(client.metrics(
            j.jobId, QDateTime::currentDateTimeUtc().addSecs(-600).toString(Qt::ISODate)));
        const JobRates r = CliLoop::await(m.get()) ? JobRates::fromMetrics(m->json()) : JobRates();
        const QString checkpoint =
            r.checkpointMs < 0
                ? QStringLiteral("-")
                : QStringLiteral("%1 ms, %2").arg(r.checkpointMs).arg(age(r.checkpointAtMs));
        t << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                 .arg(j.jobId, -21)
                 .arg(j.name.left(24), -24)
                 .arg(j.engine, -7)
                 .arg(shortNumber(r.rowsPerSecond), 9)
                 .arg(shortNumber(r.lag), 9)
                 .arg(shortNumber(r.restarts), 9)
                 .arg(checkpoint);
    }
    return out;
}

} // namespace

int runTop(const QStringList &args, CliContext &ctx)
{
    ArgParser p(jobCommonOptions() << QStringLiteral("interval"),
                {QStringLiteral("help"), QStringLiteral("once")});
    if (const int rc = prepareJobCommand(p, args, ctx, "top", kTopHelp, 0); rc >= 0)
        return rc;
    bool ok = true;
    const double interval = p.value(QStringLiteral("interval"), QStringLiteral("2")).toDouble(&ok);
    if (!ok || interval < 0.5 || interval > 3600) {
        ctx.err << "uisctl top: --interval expects seconds (0.5 to 3600)\n";
        return ExitUsage;
    }
    DcpClient client;
    Environment env;
    if (const QString e = setupJobClient(p, &client, &env); !e.isEmpty()) {
        ctx.err << "uisctl top: " << e << "\n";
        return ExitUsage;
    }
    QString error;
    if (p.isSet(QStringLiteral("once"))) {
        const QString text = table(client, &error);
        if (!error.isEmpty()) {
            ctx.err << "uisctl top: " << error << "\n";
            return ExitUsage;
        }
        ctx.out << text;
        return ExitOk;
    }
    RawTerminal raw;
    bool quit = false;
    QSocketNotifier keys(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&keys, &QSocketNotifier::activated, [&] {
        char c = 0;
        if (::read(STDIN_FILENO, &c, 1) <= 0 || c == 'q' || c == 'Q')
            quit = true;
    });
    while (!quit) {
        const QString text = table(client, &error);
        ctx.out << "\x1b[H\x1b[2J"
                << (error.isEmpty() ? text : QStringLiteral("error: ") + error + QLatin1Char('\n'));
        ctx.out.flush();
        CliLoop loop;
        QTimer tick;
        tick.setSingleShot(true);
        QObject::connect(&tick, &QTimer::timeout, [&loop] { loop.quit(); });
        QObject::connect(&keys, &QSocketNotifier::activated, [&loop, &quit] {
            if (quit)
                loop.quit();
        });
        tick.start(int(interval * 1000));
        loop.exec();
        error.clear();
    }
    return ExitOk;
}

} // namespace uis::cli
