<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>main</name>
    <message>
        <source>Design UIS ingestion pipelines.</source>
        <translation>UIS-Ingestion-Pipelines entwerfen.</translation>
    </message>
    <message>
        <source>The spec to open.</source>
        <translation>Die zu öffnende Spezifikation.</translation>
    </message>
</context>
<context>
    <name>uis::AddNode</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
</context>
<context>
    <name>uis::ConnectNodes</name>
    <message>
        <source>Connect %1 → %2</source>
        <translation>%1 → %2 verbinden</translation>
    </message>
</context>
<context>
    <name>uis::DisconnectNodes</name>
    <message>
        <source>Disconnect %1 → %2</source>
        <translation>Verbindung %1 → %2 lösen</translation>
    </message>
</context>
<context>
    <name>uis::FieldEditor</name>
    <message>
        <source>e.g. 30 s, 5 minutes</source>
        <translation>z. B. 30 s, 5 minutes</translation>
    </message>
    <message>
        <source>e.g. 5 minutes</source>
        <translation>z. B. 5 minutes</translation>
    </message>
    <message>
        <source>e.g. 512m, 8g</source>
        <translation>z. B. 512m, 8g</translation>
    </message>
    <message>
        <source>e.g. 0 */6 * * *</source>
        <translation>z. B. 0 */6 * * *</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>e.g. $.results</source>
        <translation>z. B. $.results</translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation>%1 … %2</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation>≥ %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <source>Not a whole number</source>
        <translation>Keine ganze Zahl</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Keine Zahl</translation>
    </message>
    <message>
        <source>Out of range</source>
        <translation>Außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(auswählen)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation>Ausgewählten Eintrag entfernen</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Anderer …</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation>Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>Ausgewählten Eintrag entfernen</translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation>Spalte hinzufügen</translation>
    </message>
    <message>
        <source>Remove the selected column</source>
        <translation>Ausgewählte Spalte entfernen</translation>
    </message>
    <message>
        <source>JSON or YAML</source>
        <translation>JSON oder YAML</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
    <message>
        <source>A nested value: edit it in Source.</source>
        <translation>Ein verschachtelter Wert: im Quelltext bearbeiten.</translation>
    </message>
    <message>
        <source>Use kebab-case: lower-case letters, digits and '-'</source>
        <translation>Kebab-Case verwenden: Kleinbuchstaben, Ziffern und '-'</translation>
    </message>
    <message>
        <source>Use snake_case: lower-case letters, digits and '_'</source>
        <translation>Snake_Case verwenden: Kleinbuchstaben, Ziffern und '_'</translation>
    </message>
    <message>
        <source>Not an absolute URL</source>
        <translation>Keine absolute URL</translation>
    </message>
    <message>
        <source>A duration is a number and a unit: 30 s, 5 minutes</source>
        <translation>Eine Dauer ist eine Zahl mit Einheit: 30 s, 5 minutes</translation>
    </message>
    <message>
        <source>Use &lt;n&gt; seconds|minutes|hours</source>
        <translation>&lt;n&gt; seconds|minutes|hours verwenden</translation>
    </message>
    <message>
        <source>A memory size looks like 512m or 8g</source>
        <translation>Eine Speichergröße sieht aus wie 512m oder 8g</translation>
    </message>
    <message>
        <source>Not an e-mail address</source>
        <translation>Keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>A cron expression has 5 fields</source>
        <translation>Ein Cron-Ausdruck hat 5 Felder</translation>
    </message>
    <message>
        <source>A JSONPath starts with $</source>
        <translation>Ein JSONPath beginnt mit $</translation>
    </message>
    <message>
        <source>The path starts with /</source>
        <translation>Der Pfad beginnt mit /</translation>
    </message>
    <message>
        <source>Use namespace.table</source>
        <translation>namespace.tabelle verwenden</translation>
    </message>
</context>
<context>
    <name>uis::FindBar</name>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>Ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ersetzen durch</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation>Ersetzen:</translation>
    </message>
    <message>
        <source>No more matches</source>
        <translation>Keine weiteren Treffer</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation><numerusform>%n ersetzt</numerusform><numerusform>%n ersetzt</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::FormEditor</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Pipeline and provider settings · select a node on the canvas to edit it</source>
        <translation>Pipeline- und Anbietereinstellungen · einen Knoten auf der Arbeitsfläche auswählen, um ihn zu bearbeiten</translation>
    </message>
    <message>
        <source>The source does not parse, so these fields show the last version that did and cannot be edited. Fix the syntax error in Source.</source>
        <translation>Der Quelltext lässt sich nicht einlesen. Diese Felder zeigen daher die letzte gültige Fassung und sind gesperrt. Beheben Sie den Syntaxfehler im Quelltext.</translation>
    </message>
</context>
<context>
    <name>uis::GraphScene</name>
    <message>
        <source>Cannot add a node while the source does not parse.</source>
        <translation>Solange der Quelltext nicht eingelesen werden kann, lassen sich keine Knoten hinzufügen.</translation>
    </message>
    <message>
        <source>Delete Selection</source>
        <translation>Auswahl löschen</translation>
    </message>
    <message>
        <source>Connect an output (right) to an input (left).</source>
        <translation>Verbinden Sie einen Ausgang (rechts) mit einem Eingang (links).</translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>Sink</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation>Automatisches Layout</translation>
    </message>
</context>
<context>
    <name>uis::MainWindow</name>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe …</translation>
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation>&amp;Neu aus Vorlage …</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öffnen …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation>Suchen und &amp;Ersetzen …</translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation>&amp;Gehe zu Zeile …</translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation>Gehe zu Zeile</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>Zeile:</translation>
    </message>
    <message>
        <source>&amp;Delete Selected Nodes</source>
        <translation>Ausgewählte Knoten &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections (Del)</source>
        <translation>Ausgewählte Knoten und Verbindungen löschen (Entf)</translation>
    </message>
    <message>
        <source>&amp;Design</source>
        <translation>&amp;Entwurf</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>&amp;Quelltext</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>&amp;In Ansicht einpassen</translation>
    </message>
    <message>
        <source>Automatic &amp;Layout</source>
        <translation>Automatisches &amp;Layout</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>&amp;Übersichtskarte</translation>
    </message>
    <message>
        <source>Inline &amp;Messages in Source</source>
        <translation>&amp;Meldungen im Quelltext anzeigen</translation>
    </message>
    <message>
        <source>Add &amp;Endpoint</source>
        <translation>&amp;Endpunkt hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation>&amp;Nächstes Problem</translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation>&amp;Vorheriges Problem</translation>
    </message>
    <message>
        <source>Preview &amp;Spark Output</source>
        <translation>&amp;Spark-Ausgabe anzeigen</translation>
    </message>
    <message>
        <source>Preview F&amp;link Output</source>
        <translation>F&amp;link-Ausgabe anzeigen</translation>
    </message>
    <message>
        <source>&amp;About UIS Studio</source>
        <translation>&amp;Über UIS Studio</translation>
    </message>
    <message>
        <source>About UIS Studio</source>
        <translation>Über UIS Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;UIS Studio %1&lt;/h3&gt;&lt;p&gt;Design Unified Ingestion Spec pipelines and compile them to Spark or Flink jobs.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;UIS Studio %1&lt;/h3&gt;&lt;p&gt;Pipelines im Unified Ingestion Spec entwerfen und zu Spark- oder Flink-Jobs übersetzen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License 2.0.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>Add &amp;Transform</source>
        <translation>&amp;Transformation hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Sink</source>
        <translation>&amp;Ziel hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Add a transform</source>
        <translation>Eine Transformation hinzufügen</translation>
    </message>
    <message>
        <source>Add a sink</source>
        <translation>Ein Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Errors and warnings; F8 goes to the next one</source>
        <translation>Fehler und Warnungen; F8 springt zum nächsten</translation>
    </message>
    <message>
        <source>Checked in %1 ms</source>
        <translation>Geprüft in %1 ms</translation>
    </message>
    <message>
        <source>UIS Studio</source>
        <translation>UIS Studio</translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>Z. %1, Sp. %2</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation>Pipeline öffnen</translation>
    </message>
    <message>
        <source>UIS specs (*.uis.yaml *.uis.yml *.uis.json *.yaml *.yml *.json);;All files (*)</source>
        <translation>UIS-Spezifikationen (*.uis.yaml *.uis.yml *.uis.json *.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Save Pipeline As</source>
        <translation>Pipeline speichern unter</translation>
    </message>
    <message>
        <source>YAML spec (*.uis.yaml);;JSON spec (*.uis.json)</source>
        <translation>YAML-Spezifikation (*.uis.yaml);;JSON-Spezifikation (*.uis.json)</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 enthält ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>UIS Studio did not shut down properly. Unsaved changes to &lt;b&gt;%1&lt;/b&gt; from %2 were kept.</source>
        <translation>UIS Studio wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an &lt;b&gt;%1&lt;/b&gt; vom %2 wurden aufbewahrt.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Restored unsaved changes to %1</source>
        <translation>Ungespeicherte Änderungen an %1 wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>uis::MiniMapView</name>
    <message>
        <source>Overview: click to move the view</source>
        <translation>Übersicht: klicken, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>uis::MoveNodes</name>
    <message>
        <source>Move Node</source>
        <translation>Knoten verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move %n Nodes</source>
        <translation><numerusform>%n Knoten verschieben</numerusform><numerusform>%n Knoten verschieben</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::NodeItem</name>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 Fehler, %2 Warnung(en)</translation>
    </message>
</context>
<context>
    <name>uis::PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
</context>
<context>
    <name>uis::PaletteModel</name>
    <message>
        <source>Rename fields</source>
        <translation>Felder umbenennen</translation>
    </message>
    <message>
        <source>SQL over the inputs</source>
        <translation>SQL über die Eingänge</translation>
    </message>
    <message>
        <source>Keep rows matching a condition</source>
        <translation>Zeilen behalten, die eine Bedingung erfüllen</translation>
    </message>
    <message>
        <source>Enforce types and not-null</source>
        <translation>Typen und Nicht-Null erzwingen</translation>
    </message>
    <message>
        <source>Drop repeated keys within a time</source>
        <translation>Wiederholte Schlüssel innerhalb einer Zeitspanne verwerfen</translation>
    </message>
    <message>
        <source>Event time for streaming</source>
        <translation>Ereigniszeit für Streaming</translation>
    </message>
    <message>
        <source>Tumbling or hopping window aggregates</source>
        <translation>Aggregate über feste oder gleitende Fenster</translation>
    </message>
    <message>
        <source>Parquet files in a landing zone</source>
        <translation>Parquet-Dateien in einer Landing Zone</translation>
    </message>
    <message>
        <source>An Iceberg table</source>
        <translation>Eine Iceberg-Tabelle</translation>
    </message>
    <message>
        <source>A ClickHouse table over JDBC</source>
        <translation>Eine ClickHouse-Tabelle über JDBC</translation>
    </message>
    <message>
        <source>A Kafka topic</source>
        <translation>Ein Kafka-Topic</translation>
    </message>
    <message>
        <source>One HTTP request per row</source>
        <translation>Eine HTTP-Anfrage pro Zeile</translation>
    </message>
    <message>
        <source>Print rows (local runs)</source>
        <translation>Zeilen ausgeben (lokale Läufe)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>%1 endpoint</source>
        <translation>%1-Endpunkt</translation>
    </message>
    <message>
        <source>A feed of the provider (%1)</source>
        <translation>Ein Datenstrom des Anbieters (%1)</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>Transformationen</translation>
    </message>
    <message>
        <source>Sinks</source>
        <translation>Ziele</translation>
    </message>
</context>
<context>
    <name>uis::PipelineDocument</name>
    <message>
        <source>untitled.uis.yaml</source>
        <translation>unbenannt.uis.yaml</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The document has no file name yet.</source>
        <translation>Das Dokument hat noch keinen Dateinamen.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Fix the syntax errors before saving in another format.</source>
        <translation>Beheben Sie die Syntaxfehler, bevor Sie in einem anderen Format speichern.</translation>
    </message>
    <message>
        <source>The source has syntax errors; fix them in Source first.</source>
        <translation>Der Quelltext enthält Syntaxfehler; beheben Sie diese zuerst im Quelltext.</translation>
    </message>
    <message>
        <source>the source has syntax errors</source>
        <translation>der Quelltext enthält Syntaxfehler</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation>Automatisches Layout</translation>
    </message>
</context>
<context>
    <name>uis::PortItem</name>
    <message>
        <source>Output: drag to a node's input to connect</source>
        <translation>Ausgang: zum Eingang eines Knotens ziehen, um zu verbinden</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
</context>
<context>
    <name>uis::PreviewDock</name>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Show the Spark compiler's output</source>
        <translation>Ausgabe des Spark-Compilers anzeigen</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <source>Show the Flink compiler's output</source>
        <translation>Ausgabe des Flink-Compilers anzeigen</translation>
    </message>
    <message>
        <source>Copy the shown artifact</source>
        <translation>Angezeigtes Artefakt kopieren</translation>
    </message>
    <message>
        <source>Save the shown artifact as…</source>
        <translation>Angezeigtes Artefakt speichern unter …</translation>
    </message>
    <message>
        <source>The spec's mode compiles with %1</source>
        <translation>Der Modus der Spezifikation wird mit %1 übersetzt</translation>
    </message>
    <message>
        <source>Compiling…</source>
        <translation>Übersetze …</translation>
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt;&lt;br&gt;The preview shows output once it does.</source>
        <translation>&lt;b&gt;Der Quelltext lässt sich nicht einlesen.&lt;/b&gt;&lt;br&gt;Die Vorschau erscheint, sobald er gültig ist.</translation>
    </message>
    <message>
        <source>The compilers are not part of this build.</source>
        <translation>Die Compiler sind in diesem Build nicht enthalten.</translation>
    </message>
    <message>
        <source>No output.</source>
        <translation>Keine Ausgabe.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The %1 compiler does not apply to this spec.&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Der %1-Compiler ist für diese Spezifikation nicht geeignet.&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Fix %n error(s) to see the compiled output.&lt;/b&gt;</source>
        <translation><numerusform>&lt;b&gt;Beheben Sie %n Fehler, um die übersetzte Ausgabe zu sehen.&lt;/b&gt;</numerusform><numerusform>&lt;b&gt;Beheben Sie %n Fehler, um die übersetzte Ausgabe zu sehen.&lt;/b&gt;</numerusform></translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation>%1 in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation>%1 speichern</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>uis::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Show errors</source>
        <translation>Fehler anzeigen</translation>
    </message>
    <message>
        <source>Show warnings</source>
        <translation>Warnungen anzeigen</translation>
    </message>
    <message>
        <source>Show information</source>
        <translation>Hinweise anzeigen</translation>
    </message>
    <message>
        <source>Filter problems</source>
        <translation>Probleme filtern</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n Fehler</numerusform><numerusform>%n Fehler</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n Warnung</numerusform><numerusform>%n Warnungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation><numerusform>%n Hinweis</numerusform><numerusform>%n Hinweise</numerusform></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
</context>
<context>
    <name>uis::ProblemsModel</name>
    <message>
        <source>Ln %1, Col %2</source>
        <translation>Z. %1, Sp. %2</translation>
    </message>
</context>
<context>
    <name>uis::PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
</context>
<context>
    <name>uis::RemoveNode</name>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Nodes</source>
        <translation><numerusform>%n Knoten löschen</numerusform><numerusform>%n Knoten löschen</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::RenameNode</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation>%1 in %2 umbenennen</translation>
    </message>
</context>
<context>
    <name>uis::ReplaceText</name>
    <message>
        <source>Typing</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Replace Text</source>
        <translation>Text ersetzen</translation>
    </message>
</context>
<context>
    <name>uis::SetValue</name>
    <message>
        <source>Set %1</source>
        <translation>%1 setzen</translation>
    </message>
</context>
<context>
    <name>uis::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Erscheinungsbild:</translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation>Editor-Schrift:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation>Automatisch speichern alle:</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
    </message>
</context>
<context>
    <name>uis::SourceView</name>
    <message>
        <source>Line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt; %1%2 — Design and the forms show the last version that parsed until this is fixed.</source>
        <translation>&lt;b&gt;Der Quelltext lässt sich nicht einlesen.&lt;/b&gt; %1%2 — Entwurf und Formulare zeigen bis zur Behebung die letzte gültige Fassung.</translation>
    </message>
</context>
<context>
    <name>uis::TemplateDialog</name>
    <message>
        <source>New Pipeline</source>
        <translation>Neue Pipeline</translation>
    </message>
    <message>
        <source>Start from an example or from an empty pipeline.</source>
        <translation>Mit einem Beispiel oder einer leeren Pipeline beginnen.</translation>
    </message>
    <message>
        <source>Empty pipeline</source>
        <translation>Leere Pipeline</translation>
    </message>
    <message>
        <source>A provider and nothing else: build the pipeline by hand</source>
        <translation>Nur ein Anbieter: die Pipeline von Hand aufbauen</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>uis::UndoHistoryDock</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
</context>
</TS>