// SPDX-License-Identifier: Apache-2.0
// The designer's offer of the engines, with the real `uisctl engines install` behind it: an
// installed designer (runners outside a checkout) with no engines shows the offer, a checkout's
// does not; an install that cannot run (no python3 here) ends in the dialog with the install's
// own reason, writes nothing, and can be started again.
#include "enginesdialog.h"
#include "enginesintegration.h"
#include "isolatedhome.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace uis;

class TstEnginesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        test::isolateHome(m_home.path());
        qunsetenv("UIS_ENGINES_DIR");
    }

    void installedDesignerWithoutEnginesOffersThem()
    {
        // The package's layout: runners in share/uis-studio, no checkout around them.
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral("share/uis-studio/runners/spark")));
        qputenv("UIS_RUNNERS_DIR",
                (m_home.path() + QStringLiteral("/share/uis-studio/runners")).toUtf8());
        QMainWindow window;
        QMenu tools;
        EnginesIntegration::install(&window, &tools);
        QVERIFY(window.statusBar()->findChild<QPushButton *>(QStringLiteral("offerEngines")));
        QCOMPARE(tools.actions().size(), 1);

        // A checkout's designer gets its engines from `make deps`: no offer.
        qputenv("UIS_RUNNERS_DIR", QByteArray(UIS_SOURCE_DIR "/runners"));
        QMainWindow checkout;
        QMenu checkoutTools;
        EnginesIntegration::install(&checkout, &checkoutTools);
        QVERIFY(!checkout.statusBar()->findChild<QPushButton *>(QStringLiteral("offerEngines")));
        qunsetenv("UIS_RUNNERS_DIR");
    }

    void failedInstallShowsWhyAndCanBeRetried()
    {
        const QString folder = m_home.path() + QStringLiteral("/engines");
        qputenv("UIS_ENGINES_DIR", folder.toUtf8());
        qputenv("UIS_PYTHON", "/nonexistent/python3");
        EnginesDialog dialog;
        auto *install = dialog.findChild<QPushButton *>(QStringLiteral("installEngines"));
        auto *stop = dialog.findChild<QPushButton *>(QStringLiteral("stopEngines"));
        QVERIFY(install && stop);
        QVERIFY(!stop->isEnabled());
        install->click();
        QVERIFY(!install->isEnabled());
        QVERIFY(stop->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(install->isEnabled(), 60000);
        QVERIFY(!stop->isEnabled());
        bool said = false;
        for (const QLabel *l : dialog.findChildren<QLabel *>())
            said = said || l->text().contains(QLatin1String("python3 was not found"));
        QVERIFY2(said, "the dialog does not show the install's reason");
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/.uis-engines")));
        qunsetenv("UIS_PYTHON");
        qunsetenv("UIS_ENGINES_DIR");
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TstEnginesDialog)
#include "tst_enginesdialog.moc"
