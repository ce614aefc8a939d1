// SPDX-License-Identifier: Apache-2.0
#include "databasesampler.h"

#include "inferredtype.h"

#include <QAtomicInteger>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <QtConcurrent>

namespace uis {

namespace {

QString masked(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets)
        text.replace(s, QStringLiteral("****"));
    return text;
}

// A row's value as the JSON a CDC record carries for that column type.
QJsonValue jsonValue(const QVariant &v, const QString &uisType)
{
    if (v.isNull())
        return QJsonValue::Null;
    if (uisType == QLatin1String("int") || uisType == QLatin1String("long"))
        return QJsonValue(v.toLongLong());
    if (uisType == QLatin1String("double"))
        return QJsonValue(v.toDouble());
    if (uisType == QLatin1String("boolean"))
        return QJsonValue(v.toBool());
    if (uisType == QLatin1String("date"))
        return v.toDate().toString(Qt::ISODate);
    if (uisType == QLatin1String("timestamp")) {
        QDateTime t = v.toDateTime();
        // QPSQL gives `timestamp` (no zone) as local time; the engines read it as UTC.
        if (t.timeSpec() == Qt::LocalTime)
            t.setTimeZone(QTimeZone::utc());
        return t.toUTC().toString(Qt::ISODateWithMs);
    }
    if (uisType == QLatin1String("json")) {
        const QByteArray text = v.toString().toUtf8();
        const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]");
        if (doc.isArray() && doc.array().size() == 1)
            return doc.array().at(0);
        return v.toString(); // an array literal such as {1,2}: kept as text
    }
    return v.toString(); // decimal as written (exact), string and the rest
}

} // namespace

DatabaseSampler::DatabaseSampler(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_result = m_watcher.result();
        Q_EMIT finished();
    });
}

DatabaseSampler::~DatabaseSampler()
{
    m_watcher.waitForFinished(); // bounded by the timeouts
}

QList<Placeholder> DatabaseSampler::placeholdersOf(const Endpoint &e)
{
    QList<Placeholder> all;
    for (const QString &text : {e.hostname, e.databaseName, e.schemaName, e.username, e.password})
        all += PlaceholderScanner::scan(text);
    for (const QString &t : e.tables)
        all += PlaceholderScanner::scan(t);
    return PlaceholderScanner::unique(all);
}

QString DatabaseSampler::uisType(const QString &dataType, int precision, int scale)
{
    const QString t = dataType.toLower();
    if (t == QLatin1String("smallint") || t == QLatin1String("integer"))
        return QStringLiteral("int");
    if (t == QLatin1String("bigint"))
        return QStringLiteral("long");
    if (t == QLatin1String("real") || t == QLatin1String("double precision"))
        return QStringLiteral("double");
    if (t == QLatin1String("numeric")) {
        // numeric without a precision: Flink CDC's DECIMAL(38,18)
        if (precision <= 0 || precision > 38)
            return QStringLiteral("decimal(38,18)");
        return QStringLiteral("decimal(%1,%2)").arg(precision).arg(qMax(0, scale));
    }
    if (t == QLatin1String("boolean"))
        return QStringLiteral("boolean");
    if (t == QLatin1String("date"))
        return QStringLiteral("date");
    if (t.startsWith(QLatin1String("timestamp")))
        return QStringLiteral("timestamp");
    if (t == QLatin1String("json") || t == QLatin1String("jsonb") || t == QLatin1String("array"))
        return QStringLiteral("json");
    return QStringLiteral("string"); // text, varchar, uuid, time, interval, bytea, enums…
}

QStringList DatabaseSampler::metadataFields()
{
    return {QStringLiteral("table")};
}

QList<InferredField> DatabaseSampler::mergeCatalogues(const QList<SampledTable> &tables,
                                                      QStringList *notes)
{
    if (tables.size() == 1)
        return tables.first().catalogue;
    QList<InferredField> out;
    QList<InferredType> types;
    QList<QStringList> declared; // per column: "int in public.a"
    QList<int> tableCount;       // per column: the tables that have it
    QList<bool> differs;         // per column: two tables declare it differently
    QHash<QString, int> at;
    for (const SampledTable &t : tables) {
        for (const InferredField &f : t.catalogue) {
            const auto found = at.constFind(f.name);
            const QString seen = QObject::tr("%1 in %2").arg(f.type, t.name);
            if (found == at.cend()) {
                at.insert(f.name, int(out.size()));
                out.append(f);
                types.append(InferredType::fromName(f.type));
                declared.append({seen});
                tableCount.append(1);
                differs.append(false);
                continue;
            }
            const int i = *found;
            out[i].nullable = out[i].nullable || f.nullable;
            ++tableCount[i];
            differs[i] = differs[i] || f.type != out[i].type;
            types[i].merge(InferredType::fromName(f.type));
            declared[i].append(seen);
        }
    }
    QStringList said;
    for (qsizetype i = 0; i < out.size(); ++i) {
        InferredField &f = out[i];
        if (differs.at(i)) { // the declared type stays as written unless they differ
            f.type = types.at(i).name();
            said << QObject::tr("column `%1` is %2: `%3` for the endpoint")
                        .arg(f.name, declared.at(i).join(QStringLiteral(", ")), f.type);
        }
        if (tableCount.at(i) < tables.size()) {
            f.nullable = true; // the CDC source gives null where a table lacks the column
            said << QObject::tr("column `%1` is in %2 of %3 tables: nullable")
                        .arg(f.name)
                        .arg(tableCount.at(i))
                        .arg(tables.size());
        }
    }
    if (notes && !said.isEmpty())
        notes->append(QObject::tr("the %1 tables differ (they are read into one table): %2")
                          .arg(tables.size())
                          .arg(said.join(QStringLiteral("; "))));
    return out;
}

namespace {

// One table's catalogue and first rows on an open connection; "" or why it failed.
QString readTable(QSqlDatabase &db, const QString &schema, const QString &table, int maxRecords,
                  const QString &where, SampledTable *out)
{
    out->name = schema + QLatin1Char('.') + table;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT column_name, data_type, is_nullable, coalesce(numeric_precision, 0), "
        "coalesce(numeric_scale, 0) FROM information_schema.columns "
        "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position"));
    q.addBindValue(schema);
    q.addBindValue(table);
    if (!q.exec())
        return QObject::tr("cannot read the catalogue of %1: %2")
            .arg(out->name, q.lastError().text());
    QHash<QString, QString> typeOf;
    while (q.next()) {
        InferredField f;
        f.name = q.value(0).toString();
        f.type =
            DatabaseSampler::uisType(q.value(1).toString(), q.value(3).toInt(), q.value(4).toInt());
        f.nullable = q.value(2).toString() == QLatin1String("YES");
        typeOf.insert(f.name, f.type);
        out->catalogue.append(f);
    }
    if (out->catalogue.isEmpty())
        return QObject::tr("no table %1 in %2 (or no right to see it)").arg(out->name, where);
    const QString quoted = db.driver()->escapeIdentifier(schema, QSqlDriver::TableName) +
                           QLatin1Char('.') +
                           db.driver()->escapeIdentifier(table, QSqlDriver::TableName);
    QSqlQuery rows(db);
    rows.setForwardOnly(true);
    rows.setNumericalPrecisionPolicy(QSql::HighPrecision); // numeric stays exact
    if (!rows.exec(QStringLiteral("SELECT * FROM %1 LIMIT %2").arg(quoted).arg(maxRecords)))
        return QObject::tr("cannot read %1: %2").arg(out->name, rows.lastError().text());
    while (rows.next()) {
        const QSqlRecord rec = rows.record();
        QJsonObject o;
        for (int i = 0; i < rec.count(); ++i) {
            const QString col = rec.fieldName(i);
            o.insert(col, jsonValue(rows.value(i), typeOf.value(col, QStringLiteral("string"))));
        }
        out->rows.append(o);
    }
    return {};
}

} // namespace

DatabaseSampleResult DatabaseSampler::sample(const Endpoint &e,
                                             const PlaceholderResolver::Lookup &lookup,
                                             int maxRecords, int timeoutMs)
{
    DatabaseSampleResult r;
    for (const Placeholder &p : placeholdersOf(e)) {
        if (const auto v = lookup(p); v && !v->isEmpty())
            r.secrets.append(*v);
    }
    if (!e.connector.isEmpty() && e.connector != QLatin1String("postgres-cdc")) {
        r.error =
            QObject::tr("%1 sources cannot be sampled yet (postgres-cdc can)").arg(e.connector);
        return r;
    }
    QStringList missing;
    const auto resolve = [&](const QString &text) {
        return PlaceholderResolver::resolve(text, lookup, &missing);
    };
    const QString host = resolve(e.hostname);
    const QString database = resolve(e.databaseName);
    const QString user = resolve(e.username);
    const QString password = resolve(e.password);
    QString defaultSchema = resolve(e.schemaName);
    if (defaultSchema.isEmpty())
        defaultSchema = QStringLiteral("public");
    QList<QPair<QString, QString>> tables; // schema, table
    for (const QString &entry : e.tables) {
        const QString name = resolve(entry).trimmed();
        if (name.isEmpty())
            continue;
        const qsizetype dot = name.indexOf(QLatin1Char('.'));
        tables.append(dot > 0 ? qMakePair(name.left(dot), name.mid(dot + 1))
                              : qMakePair(defaultSchema, name));
    }
    if (!missing.isEmpty()) {
        r.error = QObject::tr("no value for %1").arg(missing.join(QStringLiteral(", ")));
        return r;
    }
    if (host.isEmpty() || database.isEmpty() || tables.isEmpty()) {
        r.error = QObject::tr("set hostname, database_name and tables to sample this endpoint");
        return r;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        r.error = QObject::tr("Qt's PostgreSQL driver (QPSQL) is missing: install "
                              "libqt6sql6-psql (scripts/deps.sh)");
        return r;
    }

    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("uis-sample-%1").arg(++counter);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(host);
        db.setPort(int(e.port.value_or(5432)));
        db.setDatabaseName(database);
        db.setUserName(user);
        db.setPassword(password);
        const int seconds = qMax(2, timeoutMs / 1000);
        db.setConnectOptions(QStringLiteral("connect_timeout=%1").arg(seconds));
        const QString where =
            QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(e.port.value_or(5432)).arg(database);
        if (!db.open()) {
            const QString why = db.lastError().text().trimmed();
            r.error = masked(QObject::tr("cannot connect to %1: %2 (check hostname, port, "
                                         "username and password; is the server running?)")
                                 .arg(where, why),
                             r.secrets);
        } else {
            QSqlQuery(db).exec(QStringLiteral("SET statement_timeout = %1").arg(timeoutMs));
            for (const auto &[schema, table] : std::as_const(tables)) {
                SampledTable t;
                if (const QString why = readTable(db, schema, table, maxRecords, where, &t);
                    !why.isEmpty()) {
                    r.error = masked(why, r.secrets);
                    break;
                }
                r.tables.append(t);
            }
        } // the queries end before the connection closes
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!r.error.isEmpty()) {
        r.tables.clear();
        return r;
    }
    for (const SampledTable &t : std::as_const(r.tables)) {
        for (const QJsonValue &row : t.rows) {
            r.records.append(row);
            if (r.tables.size() > 1) // one table needs no saying where each row came from
                r.metadata.append(QJsonObject{{QStringLiteral("table"), t.name}});
        }
    }
    r.catalogue = mergeCatalogues(r.tables, &r.notes);
    return r;
}

void DatabaseSampler::start(const Endpoint &endpoint, const PlaceholderResolver::Lookup &lookup,
                            int maxRecords, int timeoutMs)
{
    // The lookup may prompt or read the keychain: ask it here, on the caller's thread.
    QHash<QString, QString> values;
    for (const Placeholder &p : placeholdersOf(endpoint)) {
        if (const auto v = lookup(p))
            values.insert(PlaceholderResolver::variableFor(p), *v);
    }
    m_watcher.setFuture(QtConcurrent::run([endpoint, values, maxRecords, timeoutMs] {
        return sample(
            endpoint,
            [&values](const Placeholder &p) -> std::optional<QString> {
                const auto it = values.constFind(PlaceholderResolver::variableFor(p));
                return it == values.cend() ? std::nullopt : std::optional<QString>(*it);
            },
            maxRecords, timeoutMs);
    }));
}

} // namespace uis
