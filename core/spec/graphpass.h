// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourcenode.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace uis {

class ValidationContext;

/**
 * The third validation pass: the pipeline as a graph. Names are unique across endpoints,
 * transforms and sinks (a sink without a name is called `<type>_<n>`), every `inputs` entry
 * names an endpoint or transform, and explicit inputs form no cycle.
 */
class GraphPass
{
public:
    explicit GraphPass(ValidationContext &context);

    void run();

private:
    struct NodeRef
    {
        QString name;
        QString kind; ///< endpoint, transform, sink
        QString ptr;  ///< pointer to the node
        SourcePos namePos;
    };

    QList<NodeRef> nodes(QStringView listKey, const QString &kind) const;
    void checkNames();
    void checkInputs(const QString &ptr, const QSet<QString> &allowed, const QString &kind,
                     QStringList *explicitInputs);
    void checkCycles(const QHash<QString, QStringList> &edges);

    ValidationContext &m_ctx;
    QList<NodeRef> m_endpoints, m_transforms, m_sinks;
};

} // namespace uis
