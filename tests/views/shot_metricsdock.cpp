// SPDX-License-Identifier: Apache-2.0
// Takes a picture of the Metrics tab following a job of a running dcp-local (the `local`
// environment pointed at its data directory): waits until the charts have points, then saves
// the dock as PNG. Not a test: the screenshots of the issue are made with it, against a real
// engine run.
//
//   shot_metricsdock DATA_DIR JOB_ID OUT.png [SECONDS]
#include "environmentstore.h"
#include "jobsconnections.h"
#include "metricschart.h"
#include "metricsdock.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

using namespace uis;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4) {
        std::fprintf(stderr, "usage: shot_metricsdock DATA_DIR JOB_ID OUT.png [SECONDS]\n");
        return 2;
    }
    EnvironmentStore().setLocalDataDir(args[1]);
    JobsConnections connections;
    QMainWindow window;
    auto *dock = new MetricsDock(&connections, &window);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    window.setCentralWidget(new QLabel(QStringLiteral("UIS Studio — Metrics tab")));
    window.resize(1400, 560);
    window.show();
    dock->showJob(QStringLiteral("local"), args[2]);
    const int seconds = args.size() > 4 ? args[4].toInt() : 20;
    QTimer::singleShot(seconds * 1000, &app, [&] {
        dock->grab().save(args[3]);
        std::printf("%s\nrates: %s\nlag: %s\ncheckpoints: %s\n",
                    qPrintable(dock->summary()->text()),
                    qPrintable(dock->ratesChart()->lines().join(QLatin1Char(' '))),
                    qPrintable(dock->lagChart()->lines().join(QLatin1Char(' '))),
                    qPrintable(dock->checkpointChart()->lines().join(QLatin1Char(' '))));
        app.quit();
    });
    return app.exec();
}
