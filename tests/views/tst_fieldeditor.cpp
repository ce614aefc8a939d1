// SPDX-License-Identifier: Apache-2.0
// The form's field editors: one class per value kind, and the shared table of
// tests/support/formatcases.h typed into the real editors of a real form, expecting the very
// verdict (and message) the validator gives once the value is committed to the document.
#include "../support/formatcases.h"
#include "boolfieldeditor.h"
#include "enumfieldeditor.h"
#include "fieldeditor.h"
#include "formeditor.h"
#include "jsonfieldeditor.h"
#include "listfieldeditor.h"
#include "mapfieldeditor.h"
#include "numberfieldeditor.h"
#include "objectlistfieldeditor.h"
#include "pipelinedocument.h"
#include "specloader.h"
#include "specreader.h"
#include "sqlfieldeditor.h"
#include "textfieldeditor.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace uis;
using namespace uis::test;

namespace {

/// The node whose form shows `pointer`, or InvalidNodeId for the pipeline's own form.
NodeId nodeFor(const PipelineDocument &doc, const QString &pointer)
{
    for (NodeId id : doc.graph()->nodeIds()) {
        if (pointer.startsWith(doc.graph()->node(id)->pointer + QLatin1Char('/')))
            return id;
    }
    return InvalidNodeId;
}

/// The validator's errors at exactly `pointer`.
DiagnosticList errorsAt(const DiagnosticList &all, const QString &pointer)
{
    DiagnosticList out;
    for (const Diagnostic &d : all) {
        if (d.severity == Severity::Error && d.pointer == pointer)
            out.append(d);
    }
    return out;
}

SourceNode parse(const char *yaml)
{
    return *SpecReader::read(QByteArray("v: ") + yaml, SpecFormat::Yaml).root->find(u"v");
}

} // namespace

class TestFieldEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePerKind()
    {
        using K = FieldDef::Kind;
        int made = 0;
        for (const ObjectDef &o : SpecSchema::instance().objects()) {
            for (const FieldDef &f : o.fields) {
                if (f.kind == K::Object)
                    continue; // a form section of its own
                std::unique_ptr<FieldEditor> e(FieldEditor::create(f, QStringLiteral("/x")));
                const QString what = o.name + QLatin1Char('.') + f.name;
                QVERIFY2(e->input() && e->focusProxy() == e->input(), qPrintable(what));
                bool right = false;
                switch (f.kind) {
                case K::String:
                    right = SqlFieldEditor::isSql(f) ? bool(qobject_cast<SqlFieldEditor *>(e.get()))
                                                     : qobject_cast<TextFieldEditor *>(e.get()) &&
                                                           qobject_cast<QLineEdit *>(e->input());
                    break;
                case K::Integer:
                case K::Number:
                    right = qobject_cast<NumberFieldEditor *>(e.get()) &&
                            qobject_cast<QLineEdit *>(e->input());
                    break;
                case K::Boolean:
                    right = qobject_cast<BoolFieldEditor *>(e.get()) &&
                            qobject_cast<QComboBox *>(e->input());
                    break;
                case K::Enum:
                    right = qobject_cast<EnumFieldEditor *>(e.get()) &&
                            !qobject_cast<BoolFieldEditor *>(e.get()) &&
                            qobject_cast<QComboBox *>(e->input());
                    break;
                case K::StringList:
                    right = qobject_cast<ListFieldEditor *>(e.get()) &&
                            qobject_cast<QListWidget *>(e->input());
                    break;
                case K::TextMap:
                case K::ScalarMap:
                case K::FreeMap:
                    right = qobject_cast<MapFieldEditor *>(e.get()) &&
                            qobject_cast<QTableWidget *>(e->input());
                    break;
                case K::ObjectList:
                    right = qobject_cast<ObjectListFieldEditor *>(e.get()) &&
                            qobject_cast<QTableWidget *>(e->input());
                    break;
                case K::Any:
                    right = qobject_cast<JsonFieldEditor *>(e.get()) &&
                            qobject_cast<QPlainTextEdit *>(e->input());
                    break;
                case K::Object:
                    break;
                }
                QVERIFY2(right, qPrintable(what));
                ++made;
            }
        }
        QVERIFY(made > 50);
    }

    void valuesRoundTrip_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("yaml");
        auto row = [](const char *o, const char *f, const char *yaml) {
            QTest::newRow(
                qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(o), QLatin1String(f))))
                << QString::fromLatin1(o) << QString::fromLatin1(f) << QString::fromUtf8(yaml);
        };
        row("provider", "name", "demo_api");
        row("provider", "parallelism", "4");
        row("endpoint.rest_api", "rate_limit_per_second", "0.5");
        row("provider", "mode", "micro_batch");
        row("schema_field", "nullable", "false");
        row("transform.dedupe", "keys", "[id, day]");
        row("endpoint.rest_api", "headers", "{Accept: application/json, X-Id: \"7\"}");
        row("provider", "config", "{executor_memory: 8g, executor_cores: \"4\", parallel: 3}");
        row("transform.schema_validation", "schema", "[{name: id, type: int, nullable: false}]");
        row("transform.sql", "query", "SELECT * FROM items");
        row("endpoint.rest_api", "body", "{q: 1, tags: [a, b]}");
    }
    void valuesRoundTrip()
    {
        QFETCH(QString, object);
        QFETCH(QString, field);
        QFETCH(QString, yaml);
        const FieldDef *f = SpecSchema::instance().object(object)->field(field);
        QVERIFY(f);
        std::unique_ptr<FieldEditor> e(FieldEditor::create(*f, QStringLiteral("/x")));
        const SourceNode v = parse(yaml.toUtf8().constData());
        e->setValue(v);
        QVERIFY(e->value());
        QVERIFY(PipelineDocument::sameValue(e->value(), v));
        e->setValue(std::nullopt);
        QVERIFY(!e->value());
    }

    void sharedTable_data()
    {
        QTest::addColumn<int>("index");
        const QList<FormatCase> cases = formatCases();
        for (int i = 0; i < cases.size(); ++i)
            QTest::newRow(qPrintable(cases[i].name())) << i;
    }

    /// Typed into the form, a value gets the verdict the validator gives it once committed.
    void sharedTable()
    {
        QFETCH(int, index);
        const FormatCase c = formatCases().at(index);
        const QString pointer = QString::fromLatin1(c.pointer);
        const QString text = QString::fromUtf8(c.text);
        const QString code = QString::fromLatin1(c.code);

        PipelineDocument doc;
        doc.openText(kFormatBase, SpecFormat::Yaml);
        FormEditor form(&doc);
        form.setTarget(nodeFor(doc, pointer));
        form.show();
        FieldEditor *fe = form.fieldEditor(pointer);
        QVERIFY2(fe, qPrintable(pointer));
        auto *line = qobject_cast<QLineEdit *>(fe->input());
        QVERIFY(line);
        QCOMPARE(fe->localProblem(), QString()); // the base is valid

        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, text);
        QCOMPARE(line->text(), text);
        const QString local = fe->localProblem();
        // Marked while typing, before anything reaches the document.
        QCOMPARE(line->property("uisProblem").toString(),
                 code.isEmpty() ? QString() : QStringLiteral("error"));
        QTest::keyClick(line, Qt::Key_Return);

        const LoadedSpec loaded = SpecLoader::load(doc.text().toUtf8(), SpecFormat::Yaml);
        QVERIFY(loaded.parsed());
        const std::optional<SourceNode> stored = doc.valueAt(pointer);
        QVERIFY(stored);
        if (fe->field().kind == FieldDef::Kind::String)
            QCOMPARE(stored->text(), text.trimmed());
        const DiagnosticList errors = errorsAt(loaded.diagnostics, pointer);
        QStringList codes;
        for (const Diagnostic &d : errors)
            codes.append(d.code);
        QCOMPARE(codes.join(QLatin1Char(',')), code);
        // Same verdict, same words.
        QCOMPARE(local, errors.isEmpty() ? QString() : errors.first().message);
    }

    void typedProblemIsNotCommittedUntilFinished()
    {
        PipelineDocument doc;
        doc.openText(kFormatBase, SpecFormat::Yaml);
        FormEditor form(&doc);
        form.show();
        form.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&form));
        const QString pointer = QStringLiteral("/provider/schedule/trigger_interval");
        FieldEditor *fe = form.fieldEditor(pointer);
        QVERIFY(fe);
        auto *line = qobject_cast<QLineEdit *>(fe->input());
        QSignalSpy committed(fe, &FieldEditor::committed);
        const int undo = doc.undoStack()->count();
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, QStringLiteral("5 mins"));
        QVERIFY(fe->isEditing());
        QVERIFY2(fe->localProblem().contains(u"trigger interval `5 mins`"),
                 qPrintable(fe->localProblem()));
        QVERIFY(line->toolTip().startsWith(fe->localProblem()));
        QCOMPARE(committed.count(), 0);
        QCOMPARE(doc.undoStack()->count(), undo);
        // Fixing it clears the mark as it is typed.
        QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClicks(line, QStringLiteral("nutes"));
        QCOMPARE(line->text(), QStringLiteral("5 minutes"));
        QCOMPARE(fe->localProblem(), QString());
        QCOMPARE(line->property("uisProblem").toString(), QString());
        QTest::keyClick(line, Qt::Key_Return);
        QCOMPARE(committed.count(), 0); // the same value as before: nothing to commit
    }

    void providerTypeDecidesUrlSchemes()
    {
        const FieldDef *baseUrl = SpecSchema::instance().object(u"provider")->field(u"base_url");
        std::unique_ptr<FieldEditor> e(
            FieldEditor::create(*baseUrl, QStringLiteral("/provider/base_url")));
        e->setProviderType(QStringLiteral("rest_api"));
        e->setValue(SourceNode::makeString(QStringLiteral("wss://feed.example.com")));
        QVERIFY(e->localProblem().contains(u"scheme `wss`"));
        e->setProviderType(QStringLiteral("websocket"));
        QCOMPARE(e->localProblem(), QString());
    }

    void formatProblemIsTheRulesVerdict()
    {
        using F = FieldDef::Format;
        QCOMPARE(FieldEditor::formatProblem(F::Duration, QStringLiteral("5 mins")), QString());
        QCOMPARE(FieldEditor::formatProblem(F::Duration, QStringLiteral("10 sec")), QString());
        QCOMPARE(FieldEditor::formatProblem(F::Duration, QStringLiteral("100 millis")), QString());
        QVERIFY(!FieldEditor::formatProblem(F::Identifier, QStringLiteral("MyName")).isEmpty());
        QVERIFY(!FieldEditor::formatProblem(F::Interval, QStringLiteral("5minutes")).isEmpty());
    }
};

QTEST_MAIN(TestFieldEditor)
#include "tst_fieldeditor.moc"
