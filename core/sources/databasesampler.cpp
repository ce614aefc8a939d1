// SPDX-License-Identifier: Apache-2.0
#include "databasesampler.h"

#include <QAtomicInteger>
#include <QDate>
#include <QDateTime>
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
    QString table = e.tables.isEmpty() ? QString() : resolve(e.tables.first());
    if (!missing.isEmpty()) {
        r.error = QObject::tr("no value for %1").arg(missing.join(QStringLiteral(", ")));
        return r;
    }
    if (host.isEmpty() || database.isEmpty() || table.isEmpty()) {
        r.error = QObject::tr("set hostname, database_name and tables to sample this endpoint");
        return r;
    }
    QString schema = resolve(e.schemaName);
    if (const qsizetype dot = table.indexOf(QLatin1Char('.')); dot > 0) {
        schema = table.left(dot);
        table = table.mid(dot + 1);
    }
    if (schema.isEmpty())
        schema = QStringLiteral("public");
    r.table = schema + QLatin1Char('.') + table;
    if (e.tables.size() > 1)
        r.notes.append(
            QObject::tr("sampled the first of %1 tables (%2)").arg(e.tables.size()).arg(r.table));
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
            QSqlQuery q(db);
            q.exec(QStringLiteral("SET statement_timeout = %1").arg(timeoutMs));
            q.prepare(QStringLiteral(
                "SELECT column_name, data_type, is_nullable, coalesce(numeric_precision, 0), "
                "coalesce(numeric_scale, 0) FROM information_schema.columns "
                "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position"));
            q.addBindValue(schema);
            q.addBindValue(table);
            if (!q.exec()) {
                r.error = masked(QObject::tr("cannot read the catalogue of %1: %2")
                                     .arg(r.table, q.lastError().text()),
                                 r.secrets);
            } else {
                while (q.next()) {
                    InferredField f;
                    f.name = q.value(0).toString();
                    f.type = uisType(q.value(1).toString(), q.value(3).toInt(), q.value(4).toInt());
                    f.nullable = q.value(2).toString() == QLatin1String("YES");
                    r.catalogue.append(f);
                }
                if (r.catalogue.isEmpty())
                    r.error = QObject::tr("no table %1 in %2 (or no right to see it)")
                                  .arg(r.table, where);
            }
            if (r.error.isEmpty()) {
                const QString quoted =
                    db.driver()->escapeIdentifier(schema, QSqlDriver::TableName) +
                    QLatin1Char('.') + db.driver()->escapeIdentifier(table, QSqlDriver::TableName);
                QSqlQuery rows(db);
                rows.setForwardOnly(true);
                rows.setNumericalPrecisionPolicy(QSql::HighPrecision); // numeric stays exact
                if (!rows.exec(
                        QStringLiteral("SELECT * FROM %1 LIMIT %2").arg(quoted).arg(maxRecords))) {
                    r.error = masked(
                        QObject::tr("cannot read %1: %2").arg(r.table, rows.lastError().text()),
                        r.secrets);
                }
                while (r.error.isEmpty() && rows.next()) {
                    const QSqlRecord rec = rows.record();
                    QJsonObject o;
                    for (int i = 0; i < rec.count(); ++i) {
                        const QString col = rec.fieldName(i);
                        QString type = QStringLiteral("string");
                        for (const InferredField &f : std::as_const(r.catalogue)) {
                            if (f.name == col)
                                type = f.type;
                        }
                        o.insert(col, jsonValue(rows.value(i), type));
                    }
                    r.records.append(o);
                }
            }
        } // the queries end before the connection closes
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
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
