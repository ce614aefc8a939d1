// SPDX-License-Identifier: Apache-2.0
#include "datapreviewmodel.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPalette>

namespace uis {

namespace {

bool sameColumns(const QList<PreviewColumn> &a, const QList<PreviewColumn> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].type != b[i].type)
            return false;
    }
    return true;
}

} // namespace

DataPreviewModel::DataPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void DataPreviewModel::setNode(const PreviewNode &node)
{
    if (node.name == m_node.name && sameColumns(node.columns, m_node.columns) && node.rows.size() >= m_node.rows.size()) {
        const int first = int(m_node.rows.size());
        const int last = int(node.rows.size()) - 1;
        if (last >= first) {
            beginInsertRows({}, first, last);
            m_node = node;
            endInsertRows();
        } else {
            m_node = node;
        }
        return;
    }
    beginResetModel();
    m_node = node;
    endResetModel();
}

void DataPreviewModel::clear()
{
    beginResetModel();
    m_node = PreviewNode();
    endResetModel();
}

QString DataPreviewModel::columnName(int column) const
{
    return column >= 0 && column < m_node.columns.size() ? m_node.columns.at(column).name : QString();
}

int DataPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_node.rows.size());
}

int DataPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_node.columns.size());
}

QJsonValue DataPreviewModel::value(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_node.rows.size() || index.column() >= m_node.columns.size())
        return QJsonValue(QJsonValue::Undefined);
    // toJSON leaves out null fields: a missing key is a null.
    const QJsonValue v = m_node.rows.at(index.row()).value(m_node.columns.at(index.column()).name);
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

QString DataPreviewModel::displayText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        // Integers as integers (JSON has only doubles); others with up to 15 significant digits.
        if (d == double(qint64(d)) && qAbs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

QVariant DataPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonValue v = value(index);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = displayText(v);
        // One line per cell: long values are in the tooltip.
        text.replace(QLatin1Char('\n'), QChar(0x21B5));
        return text.size() > 200 ? text.left(199) + QChar(0x2026) : text;
    }
    case Qt::ToolTipRole:
        return displayText(v);
    case Qt::TextAlignmentRole:
        return int((v.isDouble() ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (v.isNull())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (v.isNull()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case RawValueRole:
        return QVariant::fromValue(v);
    default:
        return {};
    }
}

QVariant DataPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_node.rows.size())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_node.columns.size())
        return {};
    const PreviewColumn &c = m_node.columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return c.type.isEmpty() ? c.name : c.name + QLatin1Char('\n') + c.type;
    case Qt::ToolTipRole:
        return tr("%1 (%2)").arg(c.name, c.type);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case RawValueRole:
        return c.name;
    default:
        return {};
    }
}

} // namespace uis
