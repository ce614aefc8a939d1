// SPDX-License-Identifier: Apache-2.0
#include "targetregistry.h"

#include "flinksessiontarget.h"
#include "jobstore.h"
#include "localtarget.h"
#include "snapshotmanager.h"
#include "sparkstandalonetarget.h"

#include "compilesupport.h"
#include "specreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <tuple>

namespace uis::dcplocal {

namespace {

struct Problem
{
    SourcePos pos;
    QString message;
};

/// A URL with one of `schemes` and a host; "" or why not.
QString checkUrl(const QString &text, const QStringList &schemes, bool needPort, QUrl *out)
{
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || !schemes.contains(u.scheme()) || u.host().isEmpty())
        return QStringLiteral("`%1` is not a %2 URL")
            .arg(text, schemes.join(QStringLiteral(" or ")));
    if (needPort && u.port() <= 0)
        return QStringLiteral("`%1` has no port").arg(text);
    if (u.hasQuery() || u.hasFragment())
        return QStringLiteral("`%1` must not have a query or fragment").arg(text);
    *out = u;
    return QString();
}

std::optional<Problem> parseEntry(const SourceNode &item, TargetSpec *spec)
{
    if (!item.isMap())
        return Problem{item.pos(),
                       QStringLiteral("a target is a map like {name: local, kind: local}, not %1")
                           .arg(item.typeName())};
    static const QStringList known{QStringLiteral("name"),          QStringLiteral("kind"),
                                   QStringLiteral("rest_url"),      QStringLiteral("master"),
                                   QStringLiteral("master_ui"),     QStringLiteral("fit_resources"),
                                   QStringLiteral("waiting_limit"), QStringLiteral("spark_connect"),
                                   QStringLiteral("sql_gateway")};
    for (const SourceNode &c : item.children()) {
        if (!known.contains(c.key()))
            return Problem{c.keyPos(), QStringLiteral("unknown key `%1` (a target has %2)")
                                           .arg(c.key(), known.join(QStringLiteral(", ")))};
        if (!c.isScalar() || c.isNull())
            return Problem{
                c.pos(),
                QStringLiteral("`%1` must be a string, not %2").arg(c.key(), c.typeName())};
    }
    const SourceNode *name = item.find(u"name");
    if (!name || name->text().trimmed().isEmpty())
        return Problem{item.pos(), QStringLiteral("a target needs a `name`")};
    static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$"));
    if (!nameRe.match(name->text()).hasMatch())
        return Problem{name->pos(),
                       QStringLiteral("target name `%1`: use letters, digits, `_`, `.` and `-` "
                                      "(at most 63, starting with a letter or digit)")
                           .arg(name->text())};
    spec->name = name->text();
    spec->line = item.pos().line;
    const SourceNode *kind = item.find(u"kind");
    if (!kind)
        return Problem{item.pos(),
                       QStringLiteral("target `%1` needs a `kind` (local, flink-session or "
                                      "spark-standalone)")
                           .arg(spec->name)};
    if (!TargetSpec::parseKind(kind->text(), &spec->kind))
        return Problem{
            kind->pos(),
            QStringLiteral("unknown kind `%1` (use local, flink-session or spark-standalone)")
                .arg(kind->text())};
    auto need = [&](const char16_t *key, const QStringList &schemes, bool port,
                    QUrl *out) -> std::optional<Problem> {
        const SourceNode *n = item.find(key);
        if (!n)
            return Problem{item.pos(), QStringLiteral("a %1 target needs `%2`")
                                           .arg(spec->kindName(), QString::fromUtf16(key))};
        if (const QString e = checkUrl(n->text().trimmed(), schemes, port, out); !e.isEmpty())
            return Problem{n->pos(), QString::fromUtf16(key) + QStringLiteral(": ") + e};
        return std::nullopt;
    };
    auto forbid = [&](const QStringList &keys) -> std::optional<Problem> {
        for (const QString &k : keys) {
            if (const SourceNode *n = item.find(k))
                return Problem{
                    n->pos().line ? item.find(k)->pos() : item.pos(),
                    QStringLiteral("`%1` does not apply to a %2 target").arg(k, spec->kindName())};
        }
        return std::nullopt;
    };
    if (const SourceNode *n = item.find(u"fit_resources")) {
        const std::optional<bool> b = n->toBool();
        if (!b)
            return Problem{n->pos(), QStringLiteral("`fit_resources` must be true or false")};
        spec->fitResources = *b;
    }
    if (const SourceNode *n = item.find(u"waiting_limit")) {
        // A bare number is seconds; else a UIS duration (`90 s`, `5 min`).
        bool plain = false;
        const double secs = n->text().trimmed().toDouble(&plain);
        const std::optional<qint64> ms = plain ? std::optional<qint64>(qint64(secs * 1000))
                                               : CompileSupport::durationMs(n->text());
        if (!ms || *ms <= 0)
            return Problem{n->pos(), QStringLiteral("`waiting_limit` must be a positive duration "
                                                    "like `120 s` or `5 min`, not `%1`")
                                         .arg(n->text())};
        spec->waitingLimitMs = *ms;
    }
    const QStringList http{QStringLiteral("http"), QStringLiteral("https")};
    // Session servers: optional, each on a target that runs its engine.
    for (const auto &[key, engine, schemes, url] :
         {std::tuple(u"spark_connect", QStringLiteral("spark"), QStringList{QStringLiteral("sc")},
                     &spec->sparkConnect),
          std::tuple(u"sql_gateway", QStringLiteral("flink"), http, &spec->sqlGateway)}) {
        const SourceNode *n = item.find(key);
        if (!n)
            continue;
        if (!spec->runs(engine))
            return Problem{n->pos(), QStringLiteral("`%1` does not apply to a %2 target (it runs "
                                                    "no %3 jobs)")
                                         .arg(QString::fromUtf16(key), spec->kindName(), engine)};
        // Spark Connect has no default port a URL could leave out safely (15002 is a
        // convention); the gateway's REST port is named too, as `sql-gateway.sh` prints it.
        if (const QString e = checkUrl(n->text().trimmed(), schemes, true, url); !e.isEmpty())
            return Problem{n->pos(), QString::fromUtf16(key) + QStringLiteral(": ") + e};
    }
    switch (spec->kind) {
    case TargetSpec::Kind::Local:
        return forbid({QStringLiteral("rest_url"), QStringLiteral("master"),
                       QStringLiteral("master_ui"), QStringLiteral("fit_resources"),
                       QStringLiteral("waiting_limit")});
    case TargetSpec::Kind::FlinkSession:
        if (auto p = need(u"rest_url", http, false, &spec->restUrl))
            return p;
        return forbid({QStringLiteral("master"), QStringLiteral("master_ui")});
    case TargetSpec::Kind::SparkStandalone:
        if (auto p = need(u"master", {QStringLiteral("spark")}, true, &spec->master))
            return p;
        if (auto p = need(u"master_ui", http, false, &spec->masterUi))
            return p;
        return forbid({QStringLiteral("rest_url")});
    }
    return std::nullopt;
}

} // namespace

TargetRegistry::TargetRegistry(JobStore *store, JobRunner *runner, int pollIntervalMs,
                               QObject *parent)
    : QObject(parent), m_store(store), m_runner(runner),
      m_pollIntervalMs(qMax(100, pollIntervalMs)),
      m_snapshots(new SnapshotManager(store, runner, this, m_pollIntervalMs, this))
{
}

TargetRegistry::~TargetRegistry() = default;

bool TargetRegistry::parse(const QByteArray &data, const QString &fileName, QList<TargetSpec> *out,
                           QString *error)
{
    auto fail = [&](SourcePos pos, const QString &message) {
        *error = QStringLiteral("%1:%2:%3: %4")
                     .arg(fileName)
                     .arg(qMax(1, pos.line))
                     .arg(qMax(1, pos.column))
                     .arg(message);
        return false;
    };
    const ReadResult read = SpecReader::readSettingsFile(data, fileName);
    for (const Diagnostic &d : read.diagnostics) {
        if (d.severity == Severity::Error)
            return fail({d.line, d.column}, d.message);
    }
    if (!read.root || !read.root->isMap())
        return fail(
            read.root ? read.root->pos() : SourcePos{},
            QStringLiteral("a targets file is a map with `targets:`, a list of {name, kind, …}"));
    const SourceNode &root = *read.root;
    for (const SourceNode &c : root.children()) {
        if (c.key() != QLatin1String("targets"))
            return fail(
                c.keyPos(),
                QStringLiteral("unknown key `%1` (the file has only `targets`)").arg(c.key()));
    }
    const SourceNode *list = root.find(u"targets");
    if (!list)
        return fail(root.pos(), QStringLiteral("the file has no `targets:` list"));
    if (!list->isList())
        return fail(list->pos(),
                    QStringLiteral("`targets` must be a list, not %1").arg(list->typeName()));
    if (list->size() == 0)
        return fail(list->pos(), QStringLiteral("`targets` is empty: name at least one target"));
    QList<TargetSpec> specs;
    QSet<QString> names;
    for (const SourceNode &item : list->children()) {
        TargetSpec spec;
        if (const auto p = parseEntry(item, &spec))
            return fail(p->pos, p->message);
        if (names.contains(spec.name))
            return fail(item.find(u"name")->pos(),
                        QStringLiteral("target `%1` is named twice").arg(spec.name));
        names.insert(spec.name);
        specs.append(spec);
    }
    *out = specs;
    return true;
}

QString TargetRegistry::readFile(const QString &path, QList<TargetSpec> *out)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the targets file %1: %2").arg(path, f.errorString());
    QString error;
    if (!parse(f.readAll(), path, out, &error))
        return error;
    return QString();
}

void TargetRegistry::setTargets(const QList<TargetSpec> &specs)
{
    const QList<TargetSpec> all =
        specs.isEmpty() ? QList<TargetSpec>{TargetSpec::defaultLocal()} : specs;
    for (const TargetSpec &s : all) {
        switch (s.kind) {
        case TargetSpec::Kind::Local:
            m_targets.push_back(std::make_unique<LocalTarget>(s, m_store, m_runner));
            break;
        case TargetSpec::Kind::FlinkSession:
            m_targets.push_back(
                std::make_unique<FlinkSessionTarget>(s, m_store, m_runner, m_pollIntervalMs));
            break;
        case TargetSpec::Kind::SparkStandalone:
            m_targets.push_back(std::make_unique<SparkStandaloneTarget>(s, m_store, m_runner));
            break;
        }
    }
}

void TargetRegistry::start()
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, [this] {
            for (const auto &t : m_targets)
                t->refresh();
        });
    }
    m_timer->start(m_pollIntervalMs);
    for (const auto &t : m_targets)
        t->refresh();
}

void TargetRegistry::stop()
{
    if (m_timer)
        m_timer->stop();
}

ExecutionTarget *TargetRegistry::find(const QString &name) const
{
    for (const auto &t : m_targets) {
        if (t->name() == name)
            return t.get();
    }
    return nullptr;
}

ExecutionTarget *TargetRegistry::pick(const QString &name, const QString &engine,
                                      QString *error) const
{
    QStringList names;
    for (const auto &t : m_targets)
        names << t->name();
    if (!name.isEmpty()) {
        ExecutionTarget *t = find(name);
        if (!t) {
            *error = QStringLiteral("unknown target `%1` (this server has %2)")
                         .arg(name, names.join(QStringLiteral(", ")));
            return nullptr;
        }
        if (!t->spec().runs(engine)) {
            *error = QStringLiteral("target `%1` (%2) does not run %3 jobs")
                         .arg(name, t->spec().kindName(), engine);
            return nullptr;
        }
        return t;
    }
    for (const auto &t : m_targets) {
        if (t->spec().runs(engine))
            return t.get();
    }
    *error = QStringLiteral("no target of this server runs %1 jobs (it has %2)")
                 .arg(engine, names.join(QStringLiteral(", ")));
    return nullptr;
}

ExecutionTarget *TargetRegistry::targetOf(const JobRecord &record) const
{
    if (!record.status.target.isEmpty())
        return find(record.status.target);
    // Records of versions before targets ran locally.
    for (const auto &t : m_targets) {
        if (t->spec().kind == TargetSpec::Kind::Local)
            return t.get();
    }
    return nullptr;
}

bool TargetRegistry::canReattach(const JobRecord &record) const
{
    const ExecutionTarget *t = targetOf(record);
    return t && t->spec().kind == TargetSpec::Kind::FlinkSession &&
           !record.status.engineJobId.isEmpty() && !m_runner->isRunning(record.status.jobId);
}

void TargetRegistry::reattach(const QString &id)
{
    if (const JobRecord *r = m_store->find(id)) {
        if (ExecutionTarget *t = targetOf(*r))
            t->reattach(id);
    }
}

void TargetRegistry::requeue(const QString &id)
{
    const JobRecord *r = m_store->find(id);
    if (!r)
        return;
    if (ExecutionTarget *t = targetOf(*r)) {
        t->requeue(id);
        return;
    }
    JobStatus st = r->status;
    st.state = JobState::Failed;
    st.engineState = QStringLiteral("NOT_STARTED");
    st.finishedAt = QDateTime::currentDateTimeUtc();
    st.error = QStringLiteral("target `%1` is not in this server's targets any more")
                   .arg(r->status.target);
    m_runner->appendLog(id, JobRunner::logLine(st.error));
    m_runner->setStatus(id, st);
}

JobRunner::CancelOutcome TargetRegistry::cancel(const QString &id)
{
    const JobRecord *r = m_store->find(id);
    if (!r)
        return JobRunner::CancelOutcome::NotFound;
    if (isTerminal(r->status.state))
        return JobRunner::CancelOutcome::AlreadyFinished;
    if (ExecutionTarget *t = targetOf(*r))
        return t->cancel(id);
    return m_runner->cancel(id);
}

QJsonObject TargetRegistry::toJson() const
{
    QJsonArray list;
    for (const auto &t : m_targets)
        list.append(t->toJson());
    return QJsonObject{{QStringLiteral("targets"), list},
                       {QStringLiteral("poll_interval_seconds"), m_pollIntervalMs / 1000.0}};
}

} // namespace uis::dcplocal
