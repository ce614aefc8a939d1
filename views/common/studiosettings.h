// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFont>
#include <QStringList>

namespace uis {

/// The designer's settings in QSettings: theme, editor font, autosave, language, warm engine
/// sessions, recent files.
class StudioSettings
{
public:
    enum class Theme { System, Light, Dark };

    static Theme theme();
    static void setTheme(Theme theme);
    static QFont editorFont();
    static void setEditorFont(const QFont &font);
    /// Seconds between autosaves; 0 = off. Default 5.
    static int autosaveInterval();
    static void setAutosaveInterval(int seconds);
    /// "" = the system's language, else a locale name such as "de".
    static QString language();
    static void setLanguage(const QString &language);
    /// The Data Preview's `--session` choice: "auto" (default, the shared warm engines) or
    /// "none" (a cold engine per preview).
    static QString engineSessions();
    static void setEngineSessions(const QString &choice);
    /// Seconds the warm engines stay up unused (default EngineSessions::DefaultIdleSeconds).
    static int engineIdleSeconds();
    static void setEngineIdleSeconds(int seconds);
    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();

    /// Whether the theme resolves to dark (System follows the platform palette).
    static bool resolveDark(Theme theme);
    /// Applies Fusion with a light or dark palette to the application.
    static void applyTheme(bool dark);

    static constexpr int MaxRecentFiles = 10;
};

} // namespace uis
