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

#include <cstring>
#include <memory>

namespace {

/// --help and --version need no display: they are answered by a QCoreApplication, as a
/// QApplication with no display to open would abort (help2man, a terminal over ssh).
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool textOnly = asksOnlyForText(argc, argv);
    const std::unique_ptr<QCoreApplication> app =
        textOnly ? std::make_unique<QCoreApplication>(argc, argv)
                 : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("UIS"));
    QCoreApplication::setApplicationName(QStringLiteral("uis-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(UIS_VERSION));
    if (!textOnly)
        QApplication::setApplicationDisplayName(QStringLiteral("UIS Studio"));

    const QString lang = uis::StudioSettings::language();
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("uis_studio"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Design UIS ingestion pipelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QCoreApplication::translate("main", "The spec to open."),
                                 QStringLiteral("[FILE]"));
    parser.process(*app); // answers --help and --version, and exits

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
    return QApplication::exec();
}
