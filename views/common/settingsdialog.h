// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QComboBox;
class QFontComboBox;
class QSpinBox;

namespace uis {

/// Preferences: theme, editor font, autosave interval, language and the warm engine sessions.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);
    /// Stores the choices in QSettings.
    void apply();

private:
    QComboBox *m_theme;
    QFontComboBox *m_font;
    QSpinBox *m_fontSize;
    QSpinBox *m_autosave;
    QComboBox *m_language;
    QComboBox *m_sessions;
    QSpinBox *m_idle;
};

} // namespace uis
