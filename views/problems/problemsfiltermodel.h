// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QSortFilterProxyModel>

namespace uis {

/// Shows the problems of the chosen severities whose message or code contains a text.
class ProblemsFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ProblemsFilterModel(QObject *parent = nullptr);

    void setSeverityVisible(Severity s, bool visible);
    bool isSeverityVisible(Severity s) const { return m_visible[int(s)]; }
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_visible[3] = {true, true, true};
    QString m_text;
};

} // namespace uis
