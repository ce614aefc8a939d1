// SPDX-License-Identifier: Apache-2.0
#include "templatedialog.h"

#include "codeeditor.h"
#include "studioicons.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace uis {

namespace {
QByteArray readResource(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString describe(const QByteArray &content)
{
    const QString first = QString::fromUtf8(content.left(content.indexOf('\n')));
    return first.startsWith(QLatin1Char('#')) ? first.mid(1).trimmed() : QString();
}
} // namespace

QStringList TemplateDialog::templates()
{
    StudioIcons::ensureResources();
    QStringList out;
    const QStringList names = QDir(QStringLiteral(":/templates")).entryList({QStringLiteral("*.uis.yaml")}, QDir::Files, QDir::Name);
    for (const QString &n : names)
        out.append(QStringLiteral(":/templates/") + n);
    return out;
}

QByteArray TemplateDialog::emptyPipeline()
{
    return QByteArrayLiteral("# A new pipeline: add endpoints, transforms and sinks in Design.\n"
                             "version: \"1.1\"\n"
                             "name: new-pipeline\n"
                             "provider:\n"
                             "  name: my_provider\n"
                             "  provider_type: rest_api\n"
                             "  base_url: https://api.example.com\n"
                             "  mode: batch\n"
                             "  endpoints: []\n"
                             "  sinks: []\n");
}

TemplateDialog::TemplateDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget)
    , m_preview(new CodeEditor)
{
    setWindowTitle(tr("New Pipeline"));
    resize(900, 560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Start from an example or from an empty pipeline."));
    layout->addWidget(intro);
    auto *split = new QSplitter;
    split->addWidget(m_list);
    split->addWidget(m_preview);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 600});
    layout->addWidget(split, 1);
    m_preview->setReadOnly(true);
    m_preview->setLanguage(CodeEditor::Language::Yaml);

    auto *empty = new QListWidgetItem(tr("Empty pipeline"));
    empty->setData(Qt::UserRole, QString());
    empty->setToolTip(tr("A provider and nothing else: build the pipeline by hand"));
    m_list->addItem(empty);
    for (const QString &t : templates()) {
        const QByteArray content = readResource(t);
        QString name = t.section(QLatin1Char('/'), -1);
        name.chop(int(qstrlen(".uis.yaml")));
        auto *item = new QListWidgetItem(name);
        item->setData(Qt::UserRole, t);
        item->setToolTip(describe(content));
        m_list->addItem(item);
    }
    connect(m_list, &QListWidget::currentRowChanged, this, [this] { m_preview->setText(QString::fromUtf8(selectedContent())); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    m_list->setCurrentRow(m_list->count() > 1 ? 1 : 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QByteArray TemplateDialog::selectedContent() const
{
    const QListWidgetItem *i = m_list->currentItem();
    if (!i)
        return {};
    const QString path = i->data(Qt::UserRole).toString();
    return path.isEmpty() ? emptyPipeline() : readResource(path);
}

QString TemplateDialog::selectedName() const
{
    const QListWidgetItem *i = m_list->currentItem();
    if (!i || i->data(Qt::UserRole).toString().isEmpty())
        return QStringLiteral("new-pipeline.uis.yaml");
    return i->text() + QStringLiteral(".uis.yaml");
}

void TemplateDialog::setDark(bool dark) { m_preview->setDark(dark); }

} // namespace uis
