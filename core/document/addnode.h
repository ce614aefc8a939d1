// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "documentcommand.h"
#include "graphmodel.h"

#include <QPointF>

#include <optional>

namespace uis {

/// Appends an endpoint, transform or sink with a fresh unique name (and optionally a position).
class AddNode : public DocumentCommand
{
public:
    AddNode(PipelineDocument *document, NodeKind kind, const QString &type,
            std::optional<QPointF> position = {}, QUndoCommand *parent = nullptr);

    QString name() const { return m_name; }
    QString key() const { return m_key; }

    /// `<base>_<n>` not yet used by any node of the document.
    static QString uniqueName(const PipelineDocument *document, const QString &base);

private:
    QString m_name;
    QString m_key;
};

} // namespace uis
