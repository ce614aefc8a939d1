// SPDX-License-Identifier: Apache-2.0
#include "filesampler.h"

#include "parquetfooter.h"
#include "s3objectreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace uis {

namespace {

QJsonValue cellValue(const QString &cell)
{
    if (cell.isEmpty())
        return QJsonValue(QJsonValue::Null);
    if (cell == QLatin1String("true") || cell == QLatin1String("false"))
        return cell == QLatin1String("true");
    static const QRegularExpression integer(QStringLiteral("^-?[0-9]{1,18}$"));
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+\\.[0-9]+([eE][-+]?[0-9]+)?$"));
    if (integer.match(cell).hasMatch())
        return QJsonValue(cell.toLongLong());
    if (number.match(cell).hasMatch())
        return QJsonValue(cell.toDouble());
    return cell;
}

// RFC 4180 records: quoted fields may hold the separator, `""` and line breaks.
QList<QStringList> csvRows(const QString &text, QChar sep, int maxRows)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false, any = false;
    for (qsizetype i = 0; i < text.size() && rows.size() < maxRows; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    cell += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == u'"') {
            quoted = true;
            any = true;
        } else if (c == sep) {
            row.append(cell);
            cell.clear();
            any = true;
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            if (any || !cell.isEmpty()) {
                row.append(cell);
                rows.append(row);
            }
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell += c;
            any = true;
        }
    }
    if ((any || !cell.isEmpty()) && rows.size() < maxRows) {
        row.append(cell);
        rows.append(row);
    }
    return rows;
}

constexpr int kS3TimeoutMs = 20000; // per request: a sample never hangs on a silent store

bool isS3(const QString &url)
{
    return url.startsWith(QLatin1String("s3a://")) || url.startsWith(QLatin1String("s3://"));
}

// `s3a://bucket/dir/glob`: the objects directly under dir whose names match the glob (or every
// object directly under it when the path names a folder), in name order. The listing goes on
// page after page until `maxFiles` match (a sample reads no more) or it has read `maxBytes`.
QStringList s3Files(const Provider &provider, const QString &full, int maxFiles, qint64 maxBytes,
                    QString *error, QStringList *notes)
{
    QString bucket, pattern;
    S3ObjectReader::split(full, &bucket, &pattern);
    const std::optional<S3Store> store = S3ObjectReader::storeFor(provider, error);
    if (!store)
        return {};
    const S3ObjectReader reader(*store, kS3TimeoutMs);
    const qsizetype slash = pattern.lastIndexOf(QLatin1Char('/'));
    QString dir = slash < 0 ? QString() : pattern.left(slash + 1);
    QString glob = slash < 0 ? pattern : pattern.mid(slash + 1);
    const auto matcher = [](const QString &g) {
        return QRegularExpression(
            QRegularExpression::anchoredPattern(QRegularExpression::wildcardToRegularExpression(
                g.isEmpty() ? QStringLiteral("*") : g,
                QRegularExpression::UnanchoredWildcardConversion)));
    };
    const QRegularExpression inDir = matcher(glob);
    const QString folder = pattern + QLatin1Char('/');
    const QRegularExpression any = matcher(QString());
    const bool mayBeFolder = !glob.contains(QLatin1Char('*')) && !glob.contains(QLatin1Char('?'));
    const auto direct = [&bucket](const QStringList &keys, const QString &under,
                                  const QRegularExpression &re) {
        QStringList out;
        for (const QString &k : keys) {
            const QString name = k.mid(under.size());
            if (k.startsWith(under) && !name.isEmpty() && !name.contains(QLatin1Char('/')) &&
                re.match(name).hasMatch())
                out.append(QStringLiteral("s3a://%1/%2").arg(bucket, k));
        }
        return out;
    };
    qsizetype matched = 0, inFolder = 0;
    const auto enough = [&](const QStringList &page) {
        matched += direct(page, dir, inDir).size();
        if (mayBeFolder) // keys are in name order: `dir/name` comes before `dir/name/…`
            inFolder += direct(page, folder, any).size();
        return matched >= maxFiles || (matched == 0 && inFolder >= maxFiles);
    };
    const S3ObjectReader::Listing listing = reader.list(bucket, dir, maxBytes, enough, error);
    if (!error->isEmpty())
        return {};
    QStringList out = direct(listing.keys, dir, inDir);
    if (out.isEmpty() && mayBeFolder)
        out = direct(listing.keys, folder, any); // the path names a folder
    if (out.isEmpty())
        *error =
            QStringLiteral("no object matches `%1` (%2 listed under s3a://%3/%4%5)")
                .arg(full)
                .arg(listing.keys.size())
                .arg(bucket, dir,
                     listing.complete ? QString()
                                      : QStringLiteral("; the listing stopped at its bound, %1")
                                            .arg(QLocale::c().formattedDataSize(maxBytes)));
    else if (!listing.complete && qsizetype(out.size()) < maxFiles && notes)
        notes->append(QStringLiteral("the listing of s3a://%1/%2 stopped at its bound (%3, %4 "
                                     "objects): later objects are not sampled")
                          .arg(bucket, dir, QLocale::c().formattedDataSize(maxBytes))
                          .arg(listing.keys.size()));
    return out;
}

// The first maxBytes of a local file or an S3 object; `cut` when there was more.
std::optional<QByteArray> readHead(const Provider &provider, const QString &path, qint64 maxBytes,
                                   bool *cut, QString *error)
{
    if (isS3(path)) {
        QString bucket, key;
        S3ObjectReader::split(path, &bucket, &key);
        const std::optional<S3Store> store = S3ObjectReader::storeFor(provider, error);
        if (!store)
            return std::nullopt;
        qint64 total = 0;
        auto data =
            S3ObjectReader(*store, kS3TimeoutMs).read(bucket, key, 0, maxBytes, &total, error);
        if (data)
            *cut = total > data->size();
        return data;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QByteArray data = f.read(maxBytes);
    *cut = !f.atEnd();
    return data;
}

// A Parquet object's schema: its last 8 bytes give the footer's length, then the footer.
std::optional<ParquetSchema> s3ParquetSchema(const Provider &provider, const QString &path,
                                             QString *error)
{
    QString bucket, key;
    S3ObjectReader::split(path, &bucket, &key);
    const std::optional<S3Store> store = S3ObjectReader::storeFor(provider, error);
    if (!store)
        return std::nullopt;
    const S3ObjectReader reader(*store, kS3TimeoutMs);
    qint64 total = 0;
    const auto tail = reader.read(bucket, key, -8, 8, &total, error);
    if (!tail)
        return std::nullopt;
    if (tail->size() != 8 || !tail->endsWith("PAR1")) {
        *error = QStringLiteral("%1 is not a Parquet file (no PAR1 at its end)").arg(path);
        return std::nullopt;
    }
    const quint32 length = quint8(tail->at(0)) | quint32(quint8(tail->at(1))) << 8 |
                           quint32(quint8(tail->at(2))) << 16 | quint32(quint8(tail->at(3))) << 24;
    if (length == 0 || qint64(length) + 12 > total) {
        *error = QStringLiteral("%1: the Parquet footer length %2 does not fit the file (%3 bytes)")
                     .arg(path)
                     .arg(length)
                     .arg(total);
        return std::nullopt;
    }
    const auto footer = reader.read(bucket, key, total - 8 - length, length, nullptr, error);
    if (!footer)
        return std::nullopt;
    return ParquetFooter::decode(*footer, error);
}

QString option(const Endpoint &e, const QString &key)
{
    return mapValue(e.options, key);
}

} // namespace

FileSampler::FileSampler(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<FileSampleResult>::finished, this, [this] {
        m_result = m_watcher.result();
        Q_EMIT finished();
    });
}

QStringList FileSampler::files(const Provider &provider, const Endpoint &e, QString *error,
                               int maxFiles, qint64 maxListBytes, QStringList *notes)
{
    QString base = provider.baseUrl;
    QString path = e.path;
    const bool remoteBase =
        base.contains(QLatin1String("://")) && !base.startsWith(QLatin1String("file:"));
    const bool remotePath =
        path.contains(QLatin1String("://")) && !path.startsWith(QLatin1String("file:"));
    if (isS3(path) || (isS3(base) && !remotePath)) {
        QString full = path;
        if (!isS3(path)) {
            full = base;
            if (!full.endsWith(QLatin1Char('/')))
                full += QLatin1Char('/');
            full += path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
        }
        return s3Files(provider, full, maxFiles, maxListBytes, error, notes);
    }
    if (remoteBase || remotePath) {
        *error = QStringLiteral("only local files and `s3a://` objects can be sampled yet; `%1` "
                                "is neither")
                     .arg(base.isEmpty() ? path : base);
        return {};
    }
    if (base.startsWith(QLatin1String("file:")))
        base = QUrl(base).toLocalFile();
    if (path.startsWith(QLatin1String("file:")))
        path = QUrl(path).toLocalFile();
    const QString full =
        QDir::isAbsolutePath(path) || base.isEmpty()
            ? path
            : QDir(base).filePath(path.startsWith(QLatin1Char('/')) ? path.mid(1) : path);
    const QFileInfo info(full);
    if (info.isDir()) {
        QStringList out;
        for (const QFileInfo &f : QDir(full).entryInfoList(QDir::Files, QDir::Name))
            out.append(f.absoluteFilePath());
        return out;
    }
    QDir dir = info.absoluteDir();
    const QStringList names = dir.entryList({info.fileName()}, QDir::Files, QDir::Name);
    QStringList out;
    for (const QString &n : names)
        out.append(dir.absoluteFilePath(n));
    if (out.isEmpty())
        *error = QStringLiteral("no file matches `%1`").arg(full);
    return out;
}

FileSampleResult FileSampler::sample(const Provider &provider, const Endpoint &e, int maxRecords,
                                     qint64 maxBytes, SchemaInferrer *inferInto)
{
    FileSampleResult r;
    const QString format = e.format.isEmpty() ? QStringLiteral("json") : e.format.toLower();
    // Each file read gives a record at least (Parquet: its footer is the sample): no more are
    // listed. The listing is bounded by the bytes a file may have.
    r.files = files(provider, e, &r.error, format == QLatin1String("parquet") ? 1 : maxRecords,
                    maxBytes, &r.notes);
    if (!r.error.isEmpty())
        return r;
    if (format == QLatin1String("parquet")) {
        // The footer says what the columns are; reading data pages is the engines' job.
        const std::optional<ParquetSchema> schema =
            isS3(r.files.first()) ? s3ParquetSchema(provider, r.files.first(), &r.error)
                                  : ParquetFooter::read(r.files.first(), &r.error);
        if (!schema)
            return r;
        r.fileSchema = schema->fields;
        r.fileRows = schema->rows;
        r.notes.append(QStringLiteral("the schema is the Parquet footer's, of %1 (%2 rows); no "
                                      "record is read")
                           .arg(r.files.first())
                           .arg(schema->rows));
        if (r.files.size() > 1)
            r.notes.append(
                QStringLiteral("%1 more Parquet file(s) not checked").arg(r.files.size() - 1));
        return r;
    }
    if (format == QLatin1String("xml")) {
        r.error = QStringLiteral("XML files are not sampled yet");
        return r;
    }
    for (const QString &path : r.files) {
        if (r.records.size() >= maxRecords)
            break;
        bool cut = false;
        std::optional<QByteArray> head = readHead(provider, path, maxBytes, &cut, &r.error);
        if (!head)
            return r;
        QByteArray data = std::move(*head);
        if (cut) {
            // Keep whole lines only; a cut document is read as far as it goes (lines).
            data.truncate(data.lastIndexOf('\n') + 1);
            r.notes.append(QStringLiteral("%1 is larger than %2 MiB: read up to there")
                               .arg(path)
                               .arg(maxBytes / (1024 * 1024)));
        }
        const qint64 taken = inferInto ? inferInto->recordCount() : r.records.size();
        if (taken >= maxRecords)
            break;
        const int room = maxRecords - int(taken);
        if (format == QLatin1String("csv")) {
            QString sep = option(e, QStringLiteral("sep"));
            if (sep.isEmpty())
                sep = option(e, QStringLiteral("delimiter"));
            const QChar separator = sep.isEmpty() ? QChar(u',') : sep.at(0);
            const bool header =
                option(e, QStringLiteral("header")).toLower() == QLatin1String("true");
            const QList<QStringList> rows =
                csvRows(QString::fromUtf8(data), separator, room + (header ? 1 : 0));
            QStringList names;
            qsizetype at = 0;
            if (header && !rows.isEmpty())
                names = rows.at(at++);
            for (; at < rows.size(); ++at) {
                QJsonObject o;
                const QStringList &row = rows.at(at);
                for (qsizetype i = 0; i < row.size(); ++i) {
                    const QString name =
                        i < names.size() ? names.at(i) : QStringLiteral("_c%1").arg(i);
                    o.insert(name, cellValue(row.at(i)));
                }
                if (inferInto)
                    inferInto->addRecord(o);
                else
                    r.records.append(o);
            }
            continue;
        }
        if (inferInto) {
            // JSON lines unless it is one array; a document spread over lines is tried last.
            const bool array = data.trimmed().startsWith('[');
            SchemaInferrer trial = *inferInto;
            QString error;
            bool ok = trial.addJsonText(data, !array, inferInto->recordCount() + room, &error);
            if (!ok && !array) {
                trial = *inferInto;
                ok = trial.addJsonText(data, false, inferInto->recordCount() + room, &error);
            }
            if (!ok) {
                r.error = QStringLiteral("%1: not JSON or JSON lines (%2)").arg(path, error);
                return r;
            }
            *inferInto = std::move(trial);
            continue;
        }
        // JSON: one document, else JSON lines.
        r.fractionKeys.unite(SchemaInferrer::keysWithFractions(data));
        QJsonParseError pe;
        const QJsonDocument doc = cut ? QJsonDocument() : QJsonDocument::fromJson(data, &pe);
        if (!cut && pe.error == QJsonParseError::NoError) {
            const QJsonArray all = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
            for (qsizetype i = 0; i < all.size() && i < room; ++i)
                r.records.append(all.at(i));
            continue;
        }
        int lineNo = 0;
        for (const QByteArray &line : data.split('\n')) {
            ++lineNo;
            if (line.trimmed().isEmpty())
                continue;
            if (r.records.size() >= maxRecords)
                break;
            QJsonParseError le;
            const QJsonDocument d = QJsonDocument::fromJson(line, &le);
            if (le.error != QJsonParseError::NoError) {
                r.notes.append(QStringLiteral("%1:%2: not JSON (%3); skipped, as the engines skip "
                                              "a poison record")
                                   .arg(path)
                                   .arg(lineNo)
                                   .arg(le.errorString()));
                continue;
            }
            r.records.append(d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object()));
        }
    }
    return r;
}

void FileSampler::start(const Provider &provider, const Endpoint &endpoint, int maxRecords,
                        qint64 maxBytes)
{
    m_watcher.setFuture(QtConcurrent::run([provider, endpoint, maxRecords, maxBytes] {
        return sample(provider, endpoint, maxRecords, maxBytes);
    }));
}

} // namespace uis
