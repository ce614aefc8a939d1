// SPDX-License-Identifier: Apache-2.0
#include "keeptestcasecommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace uis {

KeepTestCaseCommand::KeepTestCaseCommand(const QString &path,
                                         const std::optional<QByteArray> &before,
                                         const QByteArray &after, const QString &caseName)
    : QUndoCommand(
          QCoreApplication::translate("uis::KeepTestCaseCommand", "Keep sample as test case “%1”")
              .arg(caseName)),
      m_path(path), m_before(before), m_after(after)
{
}

bool KeepTestCaseCommand::write(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        if (error)
            *error = f.errorString();
        return false;
    }
    return true;
}

void KeepTestCaseCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    write(m_path, m_after);
}

void KeepTestCaseCommand::undo()
{
    if (m_before)
        write(m_path, *m_before);
    else
        QFile::remove(m_path);
}

} // namespace uis
