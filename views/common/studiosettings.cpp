// SPDX-License-Identifier: Apache-2.0
#include "studiosettings.h"

#include "enginesessions.h"

#include <QApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace uis {

StudioSettings::Theme StudioSettings::theme()
{
    const QString t = QSettings().value(QStringLiteral("appearance/theme"), QStringLiteral("system")).toString();
    return t == QLatin1String("dark") ? Theme::Dark : t == QLatin1String("light") ? Theme::Light : Theme::System;
}

void StudioSettings::setTheme(Theme theme)
{
    QSettings().setValue(QStringLiteral("appearance/theme"),
                         theme == Theme::Dark    ? QStringLiteral("dark")
                         : theme == Theme::Light ? QStringLiteral("light")
                                                 : QStringLiteral("system"));
}

QFont StudioSettings::editorFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString s = QSettings().value(QStringLiteral("editor/font")).toString();
    if (!s.isEmpty())
        f.fromString(s);
    return f;
}

void StudioSettings::setEditorFont(const QFont &font) { QSettings().setValue(QStringLiteral("editor/font"), font.toString()); }

int StudioSettings::autosaveInterval() { return QSettings().value(QStringLiteral("files/autosaveInterval"), 5).toInt(); }

void StudioSettings::setAutosaveInterval(int seconds) { QSettings().setValue(QStringLiteral("files/autosaveInterval"), seconds); }

QString StudioSettings::language() { return QSettings().value(QStringLiteral("appearance/language")).toString(); }

void StudioSettings::setLanguage(const QString &language) { QSettings().setValue(QStringLiteral("appearance/language"), language); }

QString StudioSettings::engineSessions()
{
    const QString v = QSettings().value(QStringLiteral("engines/sessions")).toString();
    return v == QLatin1String("none") ? v : QStringLiteral("auto");
}

void StudioSettings::setEngineSessions(const QString &choice)
{
    QSettings().setValue(QStringLiteral("engines/sessions"), choice);
}

int StudioSettings::engineIdleSeconds()
{
    const int s =
        QSettings()
            .value(QStringLiteral("engines/idleSeconds"), EngineSessions::DefaultIdleSeconds)
            .toInt();
    return s > 0 ? s : EngineSessions::DefaultIdleSeconds;
}

void StudioSettings::setEngineIdleSeconds(int seconds)
{
    QSettings().setValue(QStringLiteral("engines/idleSeconds"), seconds);
}

QStringList StudioSettings::recentFiles() { return QSettings().value(QStringLiteral("files/recent")).toStringList(); }

void StudioSettings::addRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    const QString abs = QFileInfo(path).absoluteFilePath();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

void StudioSettings::clearRecentFiles() { QSettings().remove(QStringLiteral("files/recent")); }

bool StudioSettings::resolveDark(Theme theme)
{
    if (theme != Theme::System)
        return theme == Theme::Dark;
    // Qt 6.4 has no colour-scheme hint yet; the platform palette tells us.
    static const bool systemDark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    return systemDark;
}

void StudioSettings::applyTheme(bool dark)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (dark) {
        const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, window);
        p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, Qt::white);
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, QColor(0x58, 0x9d, 0xf6));
        p.setColor(QPalette::Mid, QColor(0x8a, 0x8f, 0x98));
        p.setColor(QPalette::Midlight, QColor(0x43, 0x45, 0x4a));
        p.setColor(QPalette::PlaceholderText, QColor(0x80, 0x84, 0x8c));
        p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x70, 0x74, 0x7c));
        p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x74, 0x7c));
        p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x74, 0x7c));
    } else {
        p = QApplication::style()->standardPalette();
        p.setColor(QPalette::Window, QColor(0xef, 0xf1, 0xf4));
        p.setColor(QPalette::Base, Qt::white);
        p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
        p.setColor(QPalette::Highlight, QColor(0x2f, 0x7d, 0xf6));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Button, QColor(0xf7, 0xf8, 0xfa));
        p.setColor(QPalette::Mid, QColor(0x8a, 0x91, 0x9c));
        p.setColor(QPalette::Midlight, QColor(0xdd, 0xe1, 0xe6));
    }
    QApplication::setPalette(p);
}

} // namespace uis
