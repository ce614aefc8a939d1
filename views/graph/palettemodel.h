// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "graphmodel.h"

#include <QStandardItemModel>

namespace uis {

/// The node palette: one endpoint entry for the provider's type, every transform and every
/// sink type, grouped. Entries drag onto the canvas as `application/x-uis-node`.
class PaletteModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Roles { KindRole = Qt::UserRole + 1, TypeRole };

    explicit PaletteModel(QObject *parent = nullptr);

    void setProviderType(const QString &providerType);

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

private:
    void rebuild();
    QString m_providerType;
};

} // namespace uis
