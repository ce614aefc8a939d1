// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "diagnostic.h"

#include <QAbstractListModel>

namespace uis {

/// The diagnostics of the document as a list model (Tiled's IssuesModel).
class ProblemsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles {
        SeverityRole = Qt::UserRole + 1, ///< int(Severity)
        CodeRole,
        MessageRole,
        PointerRole,
        LineRole,
        ColumnRole,
        LocationRole, ///< "Ln 12, Col 5"
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setDiagnostics(const DiagnosticList &diagnostics);
    const DiagnosticList &diagnostics() const { return m_diagnostics; }
    Diagnostic diagnostic(int row) const { return m_diagnostics.value(row); }
    int count(Severity s) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    DiagnosticList m_diagnostics;
};

} // namespace uis
