// SPDX-License-Identifier: Apache-2.0
#include "previewdock.h"

#include "elidedlabel.h"

#include "codeeditor.h"
#include "studioicons.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace uis {

PreviewDock::PreviewDock(QWidget *parent)
    : QDockWidget(tr("Preview"), parent), m_spark(new QToolButton), m_flink(new QToolButton),
      m_compare(new QToolButton), m_native(new ElidedLabel), m_copy(new QToolButton),
      m_save(new QToolButton), m_stack(new QStackedWidget), m_tabs(new QTabWidget),
      m_split(new QSplitter(Qt::Horizontal)), m_sparkTabs(new QTabWidget),
      m_flinkTabs(new QTabWidget), m_message(new QLabel)
{
    setObjectName(QStringLiteral("PreviewDock"));
    m_font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *w = new QWidget;
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 3, 6, 3);
    bar->setSpacing(2);
    auto *group = new QButtonGroup(this);
    for (QToolButton *b : {m_spark, m_flink}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        group->addButton(b);
        bar->addWidget(b);
    }
    m_spark->setText(tr("Spark"));
    m_spark->setToolTip(tr("Show the Spark compiler's output"));
    m_flink->setText(tr("Flink"));
    m_flink->setToolTip(tr("Show the Flink compiler's output"));
    connect(m_spark, &QToolButton::clicked, this, [this] { setEngine(Engine::Spark); });
    connect(m_flink, &QToolButton::clicked, this, [this] { setEngine(Engine::Flink); });
    m_compare->setCheckable(true);
    m_compare->setAutoRaise(true);
    m_compare->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_compare->setText(tr("Compare"));
    m_compare->setToolTip(tr("Show the Spark and the Flink artifacts side by side"));
    connect(m_compare, &QToolButton::clicked, this, [this](bool on) { setCompare(on); });
    bar->addSpacing(4);
    bar->addWidget(m_compare);
    bar->addSpacing(8);
    m_native->setStyleSheet(QStringLiteral("color: palette(mid);"));
    bar->addWidget(m_native, 1);
    m_copy->setIcon(StudioIcons::icon(QStringLiteral("copy")));
    m_copy->setToolTip(tr("Copy the shown artifact"));
    m_copy->setAutoRaise(true);
    m_save->setIcon(StudioIcons::icon(QStringLiteral("save-as")));
    m_save->setToolTip(tr("Save the shown artifact as…"));
    m_save->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, &PreviewDock::copyCurrent);
    connect(m_save, &QToolButton::clicked, this, &PreviewDock::saveCurrentAs);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);
    layout->addLayout(bar);

    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::currentChanged, this, &PreviewDock::fillTab);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setContentsMargins(24, 24, 24, 24);
    for (QTabWidget *side : {m_sparkTabs, m_flinkTabs}) {
        auto *pane = new QWidget;
        auto *paneLayout = new QVBoxLayout(pane);
        paneLayout->setContentsMargins(0, 0, 0, 0);
        paneLayout->setSpacing(0);
        auto *title = new QLabel(side == m_sparkTabs ? tr("Spark") : tr("Flink"));
        title->setContentsMargins(6, 2, 6, 2);
        title->setStyleSheet(QStringLiteral("font-weight: bold;"));
        paneLayout->addWidget(title);
        side->setDocumentMode(true);
        paneLayout->addWidget(side, 1);
        m_split->addWidget(pane);
    }
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_split);
    layout->addWidget(m_stack, 1);
    setWidget(w);
    refresh();
}

const EngineOutput &PreviewDock::output() const
{
    return m_engine == Engine::Flink ? m_result.flink : m_result.spark;
}

void PreviewDock::setResult(const AnalysisResult &result)
{
    m_result = result;
    if (!m_engineChosen || m_engine == Engine::None)
        m_engine = result.specEngine == Engine::None ? Engine::Spark : result.specEngine;
    refresh();
}

void PreviewDock::setEngine(Engine engine)
{
    m_engineChosen = true;
    m_engine = engine;
    refresh();
}

void PreviewDock::setCompare(bool on)
{
    m_compareOn = on;
    refresh();
}

bool PreviewDock::canCompare() const
{
    return m_result.revision != 0 && m_result.parsed && !m_result.spark.artifacts.isEmpty() &&
           !m_result.flink.artifacts.isEmpty();
}

bool PreviewDock::comparing() const
{
    return m_stack->currentWidget() == m_split;
}

QTabWidget *PreviewDock::compareTabs(Engine engine) const
{
    return engine == Engine::Flink ? m_flinkTabs : m_sparkTabs;
}

void PreviewDock::refreshCompare()
{
    for (const EngineOutput *out : {&m_result.spark, &m_result.flink}) {
        QTabWidget *tabs =
            compareTabs(out->engine == Engine::Flink ? Engine::Flink : Engine::Spark);
        const QString prefix =
            tabs == m_flinkTabs ? QStringLiteral("flink/") : QStringLiteral("spark/");
        // Rebuilt only when the targets change; an editor's text only when its content does.
        QStringList targets, have;
        for (const PreviewArtifact &a : out->artifacts)
            targets.append(a.target);
        for (int i = 0; i < tabs->count(); ++i)
            have.append(tabs->tabText(i));
        if (targets != have) {
            while (tabs->count() > 0) {
                QWidget *page = tabs->widget(0);
                m_compareShown.remove(prefix + tabs->tabText(0));
                tabs->removeTab(0);
                delete page;
            }
            for (const PreviewArtifact &a : out->artifacts) {
                auto *editor = new CodeEditor;
                editor->setReadOnly(true);
                editor->setLanguage(CodeEditor::languageFor(a.language));
                editor->setDark(m_dark);
                editor->setEditorFont(m_font);
                editor->setCaretLineVisible(false);
                tabs->addTab(editor, a.target);
            }
        }
        for (int i = 0; i < out->artifacts.size(); ++i) {
            const PreviewArtifact &a = out->artifacts[i];
            tabs->setTabToolTip(i, a.fileName);
            const QByteArray shown = m_compareShown.value(prefix + a.target);
            if (shown != a.content) {
                static_cast<CodeEditor *>(tabs->widget(i))->replaceUtf8Minimal(shown, a.content);
                m_compareShown.insert(prefix + a.target, a.content);
            }
        }
    }
    m_stack->setCurrentWidget(m_split);
}

void PreviewDock::refresh()
{
    m_spark->setChecked(m_engine != Engine::Flink);
    m_flink->setChecked(m_engine == Engine::Flink);
    m_native->setText(
        m_result.specEngine == Engine::None
            ? QString()
            : tr("The spec's mode compiles with %1")
                  .arg(m_result.specEngine == Engine::Flink ? tr("Flink") : tr("Spark")));
    const EngineOutput &out = output();
    QString why;
    if (m_result.revision == 0)
        why = tr("Compiling…");
    else if (!m_result.parsed)
        why = tr("<b>The source does not parse.</b><br>The preview shows output once it does.");
    else if (!out.available)
        why = tr("The compilers are not part of this build.");
    if (why.isEmpty() && out.artifacts.isEmpty()) {
        QStringList errors;
        for (const Diagnostic &d : out.diagnostics) {
            if (d.severity == Severity::Error)
                errors.append(d.message.toHtmlEscaped());
        }
        if (errors.isEmpty())
            why = tr("No output.");
        else if (m_engine != m_result.specEngine && m_result.specEngine != Engine::None)
            why = tr("<b>The %1 compiler cannot compile this spec.</b><br>%2")
                      .arg(m_engine == Engine::Flink ? tr("Flink") : tr("Spark"), errors.first());
        else
            why = tr("<b>Fix %n error(s) to see the compiled output.</b>", nullptr,
                     int(errors.size())) +
                  QStringLiteral("<br>") + errors.mid(0, 5).join(QStringLiteral("<br>"));
    }
    const bool both = canCompare();
    m_compare->setEnabled(both);
    m_compare->setChecked(both && m_compareOn);
    m_compare->setToolTip(both ? tr("Show the Spark and the Flink artifacts side by side")
                               : tr("Only one engine compiles this spec"));
    m_copy->setEnabled(why.isEmpty());
    m_save->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        m_message->setText(why);
        m_stack->setCurrentWidget(m_message);
        return;
    }
    // Reuse tabs by target so scroll positions survive re-compiles.
    QStringList targets;
    for (const PreviewArtifact &a : out.artifacts)
        targets.append(a.target);
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        if (!targets.contains(m_tabs->tabText(i))) {
            m_shown.remove(m_tabs->tabText(i));
            QWidget *page = m_tabs->widget(i);
            m_tabs->removeTab(i);
            delete page;
        }
    }
    m_pending.clear();
    for (int i = 0; i < out.artifacts.size(); ++i) {
        const PreviewArtifact &a = out.artifacts[i];
        int index = -1;
        for (int t = 0; t < m_tabs->count(); ++t) {
            if (m_tabs->tabText(t) == a.target)
                index = t;
        }
        if (index < 0) {
            auto *editor = new CodeEditor;
            editor->setReadOnly(true);
            editor->setLanguage(CodeEditor::languageFor(a.language));
            editor->setDark(m_dark);
            editor->setEditorFont(m_font);
            editor->setCaretLineVisible(false);
            index = m_tabs->insertTab(i, editor, a.target);
        } else if (index != i) {
            m_tabs->tabBar()->moveTab(index, i);
            index = i;
        }
        m_tabs->setTabToolTip(index, a.fileName);
        m_pending.insert(a.target, a.content);
    }
    m_stack->setCurrentWidget(m_tabs);
    // Only the visible tab is filled now; the others when they are shown.
    fillTab(m_tabs->currentIndex());
    if (both && m_compareOn)
        refreshCompare();
}

void PreviewDock::fillTab(int index)
{
    if (index < 0)
        return;
    const QString target = m_tabs->tabText(index);
    auto it = m_pending.find(target);
    if (it == m_pending.end())
        return;
    auto *editor = static_cast<CodeEditor *>(m_tabs->widget(index));
    const QByteArray shown = m_shown.value(target);
    if (shown != it.value()) {
        editor->replaceUtf8Minimal(shown, it.value());
        m_shown.insert(target, it.value());
    }
    m_pending.erase(it);
}

QString PreviewDock::artifactText(const QString &target) const
{
    for (const PreviewArtifact &a : output().artifacts) {
        if (a.target == target)
            return QString::fromUtf8(a.content);
    }
    return {};
}

QString PreviewDock::messageText() const
{
    return m_stack->currentWidget() == m_message ? m_message->text() : QString();
}

void PreviewDock::setDark(bool dark)
{
    m_dark = dark;
    for (QTabWidget *tabs : {m_tabs, m_sparkTabs, m_flinkTabs}) {
        for (int i = 0; i < tabs->count(); ++i)
            static_cast<CodeEditor *>(tabs->widget(i))->setDark(dark);
    }
}

void PreviewDock::setEditorFont(const QFont &font)
{
    m_font = font;
    for (QTabWidget *tabs : {m_tabs, m_sparkTabs, m_flinkTabs}) {
        for (int i = 0; i < tabs->count(); ++i)
            static_cast<CodeEditor *>(tabs->widget(i))->setEditorFont(font);
    }
}

QString PreviewDock::currentTarget() const
{
    // Comparing, Copy and Save As act on the side of the engine the Spark/Flink switch names.
    const QTabWidget *tabs =
        comparing() ? compareTabs(m_engine == Engine::Flink ? Engine::Flink : Engine::Spark)
        : m_stack->currentWidget() == m_tabs ? m_tabs
                                             : nullptr;
    if (!tabs || tabs->currentIndex() < 0)
        return {};
    return tabs->tabText(tabs->currentIndex());
}

void PreviewDock::copyCurrent()
{
    const QString target = currentTarget();
    if (target.isEmpty())
        return;
    QApplication::clipboard()->setText(artifactText(target));
    Q_EMIT message(tr("Copied %1 to the clipboard").arg(target), 3000);
}

void PreviewDock::saveCurrentAs()
{
    const QString target = currentTarget();
    if (target.isEmpty())
        return;
    QString fileName;
    for (const PreviewArtifact &a : output().artifacts) {
        if (a.target == target)
            fileName = a.fileName;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Save %1").arg(target), fileName);
    if (path.isEmpty())
        return;
    QSaveFile f(path);
    const QByteArray bytes = artifactText(target).toUtf8();
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        Q_EMIT message(tr("Cannot write %1: %2").arg(path, f.errorString()), 6000);
        return;
    }
    Q_EMIT message(tr("Saved %1").arg(path), 3000);
}

} // namespace uis
