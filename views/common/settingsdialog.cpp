// SPDX-License-Identifier: Apache-2.0
#include "settingsdialog.h"

#include "studiosettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace uis {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent), m_theme(new QComboBox), m_font(new QFontComboBox), m_fontSize(new QSpinBox),
      m_autosave(new QSpinBox), m_language(new QComboBox), m_sessions(new QComboBox),
      m_idle(new QSpinBox)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_theme->addItem(tr("Follow the system"), int(StudioSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(StudioSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(StudioSettings::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(StudioSettings::theme())));
    form->addRow(tr("Theme:"), m_theme);
    const QFont f = StudioSettings::editorFont();
    m_font->setFontFilters(QFontComboBox::MonospacedFonts);
    m_font->setCurrentFont(f);
    m_fontSize->setRange(6, 40);
    m_fontSize->setValue(f.pointSize() > 0 ? f.pointSize() : 10);
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_font, 1);
    fontRow->addWidget(m_fontSize);
    form->addRow(tr("Editor font:"), fontRow);
    m_autosave->setRange(0, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setSpecialValueText(tr("Off"));
    m_autosave->setValue(StudioSettings::autosaveInterval());
    form->addRow(tr("Autosave every:"), m_autosave);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(StudioSettings::language())));
    form->addRow(tr("Language:"), m_language);
    m_sessions->setObjectName(QStringLiteral("engineSessions"));
    m_sessions->addItem(tr("Warm (shared, started on first use)"), QStringLiteral("auto"));
    m_sessions->addItem(tr("Cold (a new engine per preview)"), QStringLiteral("none"));
    m_sessions->setCurrentIndex(
        std::max(0, m_sessions->findData(StudioSettings::engineSessions())));
    m_sessions->setToolTip(tr("Warm: Data Preview runs on a Spark Connect server and a Flink SQL "
                              "Gateway that stay up between previews and are shared with "
                              "`uisctl preview` (`uisctl sessions status`)"));
    form->addRow(tr("Preview engines:"), m_sessions);
    m_idle->setObjectName(QStringLiteral("engineIdleMinutes"));
    m_idle->setRange(1, 24 * 60);
    m_idle->setSuffix(tr(" min"));
    m_idle->setValue(std::max(1, StudioSettings::engineIdleSeconds() / 60));
    m_idle->setToolTip(tr("The warm engines stop after this long without a preview"));
    form->addRow(tr("Stop warm engines after:"), m_idle);
    layout->addLayout(form);
    auto *note = new QLabel(tr("A new language applies after a restart."));
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::apply()
{
    StudioSettings::setTheme(StudioSettings::Theme(m_theme->currentData().toInt()));
    QFont f = m_font->currentFont();
    f.setPointSize(m_fontSize->value());
    StudioSettings::setEditorFont(f);
    StudioSettings::setAutosaveInterval(m_autosave->value());
    StudioSettings::setLanguage(m_language->currentData().toString());
    StudioSettings::setEngineSessions(m_sessions->currentData().toString());
    StudioSettings::setEngineIdleSeconds(m_idle->value() * 60);
}

} // namespace uis
