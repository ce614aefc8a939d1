// SPDX-License-Identifier: Apache-2.0
#include "environmentstore.h"
#include "jobsconnections.h"
#include "jobsintegration.h"
#include "mainwindow.h"
#include "studioextensions.h"
#include "studiosettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("UIS"));
    QApplication::setApplicationName(QStringLiteral("uis-studio"));
    QApplication::setApplicationDisplayName(QStringLiteral("UIS Studio"));
    QApplication::setApplicationVersion(QStringLiteral(UIS_VERSION));

    const QString lang = uis::StudioSettings::language();
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("uis_studio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Design UIS ingestion pipelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "The spec to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    uis::MainWindow window;
    uis::installStudioExtensions(window);
    // Shown first: the keychain, dcp-local and the network are only reached from the event loop,
    // and report in the status bar.
    window.show();
    // The embedded default: reuse (or start) the local dcp-local at launch, so that Submit and
    // Run Locally work at once on a fresh machine. Progress and failure show in the status bar.
    QTimer::singleShot(0, &window, [&window] {
        if (auto *jobs = window.findChild<uis::JobsIntegration *>())
            jobs->connections()->withClient(uis::EnvironmentStore::localName(),
                                            [](uis::DcpClient *, const QString &) {});
    });
    const QStringList files = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, files] {
        if (!window.offerRecovery() && !files.isEmpty())
            window.openFile(files.first());
    });
    return app.exec();
}
