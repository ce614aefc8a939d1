// SPDX-License-Identifier: Apache-2.0
#include "enginesdialog.h"

#include "enginesinstaller.h"

#include "enginepaths.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace uis {

namespace {

// The stages scripts/engines/setup.sh announces (`engines: installing …`, `engines: fetching …`):
// the Python packages, nine groups of jars, the two jars built here.
constexpr int kStages = 12;

} // namespace

EnginesDialog::EnginesDialog(QWidget *parent)
    : QDialog(parent), m_installer(new EnginesInstaller(this)), m_intro(new QLabel),
      m_stage(new QLabel), m_progress(new QProgressBar), m_log(new QPlainTextEdit),
      m_install(new QPushButton(tr("Install"))), m_stop(new QPushButton(tr("Stop"))),
      m_close(new QPushButton(tr("Close")))
{
    setObjectName(QStringLiteral("enginesDialog"));
    setWindowTitle(tr("Install Engines"));
    m_install->setObjectName(QStringLiteral("installEngines"));
    m_stop->setObjectName(QStringLiteral("stopEngines"));
    m_intro->setWordWrap(true);
    m_intro->setText(
        tr("Data Preview, local runs, pipeline tests and the local platform run on PySpark and "
           "PyFlink with their connector jars and Kafka. They are downloaded from PyPI and Maven "
           "Central (about 1.5 GB, 3.3 GB on disk) into %1, for your user only. It needs Python 3 "
           "with venv, Java 17 and Maven. Stopped, it resumes where it stopped.")
            .arg(EnginePaths::installedDir()));
    m_progress->setRange(0, kStages);
    m_progress->setFormat(tr("%v/%m"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(2000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_stop->setEnabled(false);

    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_install, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_stage);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(buttons);
    resize(760, 480);

    connect(m_install, &QPushButton::clicked, this, [this] {
        m_steps = 0;
        m_progress->setValue(0);
        m_log->clear();
        m_stage->setText(tr("Checking Python, Java, Maven, disk space and the network…"));
        m_install->setEnabled(false);
        m_stop->setEnabled(true);
        m_installer->start();
    });
    connect(m_stop, &QPushButton::clicked, m_installer, &EnginesInstaller::stop);
    connect(m_close, &QPushButton::clicked, this, &EnginesDialog::reject);
    connect(m_installer, &EnginesInstaller::line, this, &EnginesDialog::showLine);
    connect(m_installer, &EnginesInstaller::finished, this, &EnginesDialog::finish);
}

bool EnginesDialog::enginesPresent()
{
    return !EnginePaths::pythonWith(EnginePaths::runnersDir(), QStringLiteral("pyspark"), nullptr)
                .isEmpty();
}

void EnginesDialog::reject()
{
    // Closing does not leave a download running unseen.
    m_installer->stop();
    QDialog::reject();
}

void EnginesDialog::showLine(const QString &text)
{
    m_log->appendPlainText(text);
    if (text.startsWith(QLatin1String("engines: installing ")) ||
        text.startsWith(QLatin1String("engines: fetching ")) ||
        text.startsWith(QLatin1String("engines: building "))) {
        m_progress->setValue(qMin(++m_steps, kStages));
        m_stage->setText(text.mid(9));
    }
}

void EnginesDialog::finish(bool ok, const QString &error)
{
    m_install->setEnabled(!ok);
    m_install->setText(tr("Install Again"));
    m_stop->setEnabled(false);
    if (ok) {
        m_progress->setValue(kStages);
        m_stage->setText(tr("The engines are installed."));
    } else {
        m_stage->setText(error);
    }
}

} // namespace uis
