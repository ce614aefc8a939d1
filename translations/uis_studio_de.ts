<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>PreviewSamples</name>
    <message>
        <source>not a JSON array: %1</source>
        <translation>kein JSON-Array: %1</translation>
    </message>
    <message>
        <source>line %1 is not a JSON object</source>
        <translation>Zeile %1 ist kein JSON-Objekt</translation>
    </message>
</context>
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
    <name>uis::ChangesDock</name>
    <message>
        <source>+ %1 %2 added</source>
        <translation>+ %1 %2 hinzugefügt</translation>
    </message>
    <message>
        <source>− %1 %2 removed</source>
        <translation>− %1 %2 entfernt</translation>
    </message>
    <message>
        <source>~ %1 %2 changed</source>
        <translation>~ %1 %2 geändert</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>HEAD</source>
        <translation>HEAD</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Zuletzt gespeichert</translation>
    </message>
    <message>
        <source>Compare with a Git revision (HEAD, main~1, a commit hash) or the saved file</source>
        <translation>Mit einer Git-Revision (HEAD, main~1, einem Commit-Hash) oder der gespeicherten Datei vergleichen</translation>
    </message>
    <message>
        <source>The spec, or one of the artifacts it compiles to</source>
        <translation>Die Spezifikation oder eines der Artefakte, in die sie übersetzt wird</translation>
    </message>
    <message>
        <source>Restore This Version</source>
        <translation>Diese Fassung wiederherstellen</translation>
    </message>
    <message>
        <source>Replace the text with the base version (undoable)</source>
        <translation>Den Text durch die Basisfassung ersetzen (rückgängig machbar)</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Nodes added, removed or changed, in spec terms</source>
        <translation>Hinzugefügte, entfernte oder geänderte Knoten, bezogen auf die Spezifikation</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spezifikation</translation>
    </message>
    <message>
        <source>No base: %1</source>
        <translation>Keine Basis: %1</translation>
    </message>
    <message>
        <source>No differences from %1</source>
        <translation>Keine Unterschiede zu %1</translation>
    </message>
    <message>
        <source>−%1 +%2 lines vs %3</source>
        <translation>−%1 +%2 Zeilen ggü. %3</translation>
    </message>
    <message numerus="yes">
        <source> · %n node(s) changed</source>
        <translation>
            <numerusform> · %n Knoten geändert</numerusform>
            <numerusform> · %n Knoten geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n artifact(s) changed</source>
        <translation>
            <numerusform> · %n Artefakt geändert</numerusform>
            <numerusform> · %n Artefakte geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no base version to restore.</source>
        <translation>Es gibt keine Basisfassung zum Wiederherstellen.</translation>
    </message>
</context>
<context>
    <name>uis::ChangesIntegration</name>
    <message>
        <source>&amp;Changes</source>
        <translation>Ä&amp;nderungen</translation>
    </message>
    <message>
        <source>Compare the spec with HEAD or another revision</source>
        <translation>Die Spezifikation mit HEAD oder einer anderen Revision vergleichen</translation>
    </message>
    <message>
        <source>Git branch, and whether the text differs from HEAD</source>
        <translation>Git-Branch und ob der Text von HEAD abweicht</translation>
    </message>
</context>
<context>
    <name>uis::ChangesModel</name>
    <message>
        <source>Base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
</context>
<context>
    <name>uis::ClustersDock</name>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Ask the server for its targets and jobs now</source>
        <translation>Zielsysteme und Jobs jetzt beim Server abfragen</translation>
    </message>
    <message>
        <source>Open Web UI</source>
        <translation>Web-UI öffnen</translation>
    </message>
    <message>
        <source>Open the selected engine&apos;s web UI in the browser</source>
        <translation>Die Web-UI der ausgewählten Engine im Browser öffnen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n job(s) running</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Job läuft</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n Jobs laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>No target selected</source>
        <translation>Kein Zielsystem gewählt</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <source>Spark master</source>
        <translation>Spark-Master</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;Open the %2 web UI&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;%1&quot;&gt;Web-UI (%2) öffnen&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>Frage %1 ab …</translation>
    </message>
    <message>
        <source>the environment changed</source>
        <translation>die Umgebung hat sich geändert</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n target(s) reachable · updated %3</source>
        <translation>
            <numerusform>%1: %2 von %n Zielsystem erreichbar · aktualisiert um %3</numerusform>
            <numerusform>%1: %2 von %n Zielsystemen erreichbar · aktualisiert um %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uis::ClustersModel</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message numerus="yes">
        <source>%n TaskManager(s)</source>
        <translation>
            <numerusform>%n TaskManager</numerusform>
            <numerusform>%n TaskManager</numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 slots free</source>
        <translation>%1/%2 Slots frei</translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s)</source>
        <translation>
            <numerusform>%n laufender Job</numerusform>
            <numerusform>%n laufende Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alive worker(s)</source>
        <translation>
            <numerusform>%n aktiver Worker</numerusform>
            <numerusform>%n aktive Worker</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cores (%2 used)</source>
        <translation>%1 Kerne (%2 belegt)</translation>
    </message>
    <message>
        <source>%1 memory (%2 used)</source>
        <translation>%1 Speicher (%2 belegt)</translation>
    </message>
    <message numerus="yes">
        <source>%n local job(s) running</source>
        <translation>
            <numerusform>%n lokaler Job läuft</numerusform>
            <numerusform>%n lokale Jobs laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>✓ reachable</source>
        <translation>✓ erreichbar</translation>
    </message>
    <message>
        <source>✗ unreachable</source>
        <translation>✗ nicht erreichbar</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>%1: %2, runs %3</source>
        <translation>%1: %2, führt %3 aus</translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>Web UI: %1</source>
        <translation>Web-UI: %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielsystem</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Running jobs</source>
        <translation>Laufende Jobs</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
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
    <name>uis::DataPreviewDock</name>
    <message>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Data Preview</source>
        <translation>Datenvorschau</translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation>Beispiele …</translation>
    </message>
    <message>
        <source>Sample records for WebSocket, webhook and CDC sources (else the first case of the spec&apos;s tests.yaml)</source>
        <translation>Beispieldatensätze für WebSocket-, Webhook- und CDC-Quellen (sonst der erste Fall aus der tests.yaml der Spezifikation)</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>The source or transform whose rows are shown; follows the canvas selection</source>
        <translation>Die Quelle oder Transformation, deren Zeilen angezeigt werden; folgt der Auswahl auf der Arbeitsfläche</translation>
    </message>
    <message>
        <source>Running the sources and transforms on a local %1…
%2</source>
        <translation>Quellen und Transformationen laufen auf einem lokalen %1 …
%2</translation>
    </message>
    <message>
        <source>Run the sources and transforms of this pipeline on a few rows on the spec&apos;s engine (Spark or Flink, a dry run: no sink is written) to see the data of each node.</source>
        <translation>Führen Sie die Quellen und Transformationen dieser Pipeline auf einigen Zeilen mit der Engine der Spezifikation aus (Spark oder Flink, ein Probelauf: kein Ziel wird beschrieben), um die Daten jedes Knotens zu sehen.</translation>
    </message>
    <message>
        <source>Starting a local %1…</source>
        <translation>Starte einen lokalen %1 …</translation>
    </message>
    <message>
        <source>This pipeline&apos;s sources are read by the preview itself: no sample records needed.</source>
        <translation>Die Quellen dieser Pipeline liest die Vorschau selbst: keine Beispieldatensätze nötig.</translation>
    </message>
    <message>
        <source>Flink mini-cluster</source>
        <translation>Flink-Mini-Cluster</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop the preview (its engine&apos;s process group is ended)</source>
        <translation>Die Vorschau stoppen (die Prozessgruppe ihrer Engine wird beendet)</translation>
    </message>
    <message>
        <source>Preview data: run the sources and transforms on the first %1 of each node</source>
        <translation>Datenvorschau: die Quellen und Transformationen auf den ersten %1 jedes Knotens ausführen</translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation>bisher %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>1 column</source>
        <translation>1 Spalte</translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation>%1 Spalten</translation>
    </message>
    <message>
        <source>1 node</source>
        <translation>1 Knoten</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 Knoten</translation>
    </message>
    <message>
        <source>running %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 previewed in %2 (the first %3 of each)</source>
        <translation>%1 in %2 in der Vorschau (jeweils die ersten %3)</translation>
    </message>
    <message>
        <source>failed after %1</source>
        <translation>fehlgeschlagen nach %1</translation>
    </message>
    <message>
        <source>stopped after %1</source>
        <translation>gestoppt nach %1</translation>
    </message>
    <message>
        <source>spec changed: run again</source>
        <translation>Spezifikation geändert: erneut ausführen</translation>
    </message>
    <message>
        <source>the spec changed since this preview: run it again to see the current data</source>
        <translation>die Spezifikation hat sich seit dieser Vorschau geändert: erneut ausführen, um die aktuellen Daten zu sehen</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>transform</source>
        <translation>Transformation</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>uis::DataPreviewModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>uis::DataPreviewRunner</name>
    <message>
        <source>pyspark is not installed: run `make deps` in %1 (preview data runs Spark from its .venv)</source>
        <translation>pyspark ist nicht installiert: führen Sie `make deps` in %1 aus (die Datenvorschau startet Spark aus der dortigen .venv)</translation>
    </message>
    <message>
        <source>Java is not installed: Spark needs a JDK 17 (e.g. `sudo apt install openjdk-17-jre-headless`)</source>
        <translation>Java ist nicht installiert: Spark braucht ein JDK 17 (z. B. `sudo apt install openjdk-17-jre-headless`)</translation>
    </message>
    <message>
        <source>The spec cannot be read: fix it first, then preview data.</source>
        <translation>Die Spezifikation lässt sich nicht einlesen: erst beheben, dann die Datenvorschau starten.</translation>
    </message>
    <message>
        <source>The spec has an error: fix 1 error first, then preview data.</source>
        <translation>Die Spezifikation enthält einen Fehler: erst den Fehler beheben, dann die Datenvorschau starten.</translation>
    </message>
    <message>
        <source>The spec has %1 errors: fix %1 errors first, then preview data.</source>
        <translation>Die Spezifikation enthält %1 Fehler: erst die %1 Fehler beheben, dann die Datenvorschau starten.</translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation>Temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>The UIS runner is missing (%1): set UIS_RUNNERS_DIR to the runners/ folder of UIS Studio</source>
        <translation>Der UIS-Runner fehlt (%1): setzen Sie UIS_RUNNERS_DIR auf den Ordner runners/ von UIS Studio</translation>
    </message>
    <message>
        <source>Cannot start the %1 runner: %2</source>
        <translation>Der %1-Runner kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The spec does not compile for %1: %2</source>
        <translation>Die Spezifikation lässt sich nicht für %1 übersetzen: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>No sample records for %1: its data only arrives while the job runs. Paste or load sample rows for it in the Data Preview, or add a case to the spec&apos;s tests.yaml.</source>
        <translation>Keine Beispieldatensätze für %1: Daten kommen dort erst an, während der Job läuft. Fügen Sie in der Datenvorschau Beispielzeilen dafür ein oder laden Sie welche, oder ergänzen Sie einen Fall in der tests.yaml der Spezifikation.</translation>
    </message>
    <message>
        <source>The dry run failed: %1</source>
        <translation>Der Probelauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The %1 runner crashed%2</source>
        <translation>Der %1-Runner ist abgestürzt%2</translation>
    </message>
    <message>
        <source>The %1 runner exited with code %2%3</source>
        <translation>Der %1-Runner wurde mit Code %2 beendet%3</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>wird gestoppt …</translation>
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
    <name>uis::EnvironmentsDialog</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Use for Submit</source>
        <translation>Zum Übermitteln verwenden</translation>
    </message>
    <message>
        <source>Forget Token</source>
        <translation>Token vergessen</translation>
    </message>
    <message>
        <source>DCP Environments</source>
        <translation>DCP-Umgebungen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>e.g. staging</source>
        <translation>z. B. staging</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Tokens are kept in the OS keychain only, never in a file. DCP_URL and DCP_TOKEN, when set, override every environment.</source>
        <translation>Tokens liegen nur im Schlüsselbund des Betriebssystems, nie in einer Datei. Sind DCP_URL und DCP_TOKEN gesetzt, haben sie Vorrang vor jeder Umgebung.</translation>
    </message>
    <message>
        <source>a token is stored in the keychain (type to replace it)</source>
        <translation>ein Token ist im Schlüsselbund gespeichert (zum Ersetzen neu eingeben)</translation>
    </message>
    <message>
        <source>no token stored</source>
        <translation>kein Token gespeichert</translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <source>Token of %1 saved in the keychain</source>
        <translation>Token von %1 im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation>Das Token wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Token removed from the keychain</source>
        <translation>Token aus dem Schlüsselbund entfernt</translation>
    </message>
    <message>
        <source>DCP_URL or DCP_TOKEN is set: it overrides the settings below.</source>
        <translation>DCP_URL oder DCP_TOKEN ist gesetzt: das hat Vorrang vor den Einstellungen unten.</translation>
    </message>
    <message>
        <source>%1 (used for Submit)</source>
        <translation>%1 (zum Übermitteln verwendet)</translation>
    </message>
    <message>
        <source>empty: the dcp-local the studio starts (or reuses) on this machine</source>
        <translation>leer: lokales dcp-local (vom Studio gestartet)</translation>
    </message>
    <message>
        <source>https://dcp.example.com</source>
        <translation>https://dcp.example.com</translation>
    </message>
    <message>
        <source>checking the keychain…</source>
        <translation>prüfe den Schlüsselbund …</translation>
    </message>
    <message>
        <source>%1 saved</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Submit now uses %1</source>
        <translation>Übermitteln verwendet jetzt %1</translation>
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
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
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
    <message>
        <source>Empty: reads %1 by default</source>
        <translation>Leer: liest standardmäßig %1</translation>
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
    <name>uis::JobsConnections</name>
    <message>
        <source>local at %1</source>
        <translation>lokal unter %1</translation>
    </message>
    <message>
        <source>Reading the token of %1 from the keychain…</source>
        <translation>Lese das Token von %1 aus dem Schlüsselbund …</translation>
    </message>
    <message>
        <source>environment `%1` has no URL: set it in the Environments dialog</source>
        <translation>Umgebung `%1` hat keine URL: im Dialog „Umgebungen“ festlegen</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 unter %2: %3</translation>
    </message>
    <message>
        <source>%1 at %2 (token from %3)</source>
        <translation>%1 unter %2 (Token: %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uis::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Poll every job that has not ended now</source>
        <translation>Alle noch nicht beendeten Jobs jetzt abfragen</translation>
    </message>
    <message>
        <source>Show Log</source>
        <translation>Log anzeigen</translation>
    </message>
    <message>
        <source>Cancel Job…</source>
        <translation>Job abbrechen …</translation>
    </message>
    <message>
        <source>Remove from List</source>
        <translation>Aus Liste entfernen</translation>
    </message>
    <message>
        <source>Upgrade…</source>
        <translation>Upgrade …</translation>
    </message>
    <message>
        <source>Check whether the open spec can take over this job&apos;s state</source>
        <translation>Prüfen, ob die geöffnete Spezifikation den Zustand dieses Jobs übernehmen kann</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Job</numerusform>
            <numerusform>%n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not finished</source>
        <translation>
            <numerusform>, %n nicht beendet</numerusform>
            <numerusform>, %n nicht beendet</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot watch job %1: %2</source>
        <translation>Job %1 kann nicht beobachtet werden: %2</translation>
    </message>
    <message>
        <source>Stopped watching job %1: %2</source>
        <translation>Beobachtung von Job %1 beendet: %2</translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation>Job abbrechen</translation>
    </message>
    <message>
        <source>Cancel job “%1” (%2) on %3?

The engine is stopped; work in progress is lost.</source>
        <translation>Job „%1“ (%2) auf %3 abbrechen?

Die Engine wird angehalten; laufende Arbeit geht verloren.</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Cannot cancel job %1: %2</source>
        <translation>Job %1 kann nicht abgebrochen werden: %2</translation>
    </message>
    <message>
        <source>Cancel of job %1 failed: %2</source>
        <translation>Abbruch von Job %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Cancel of job %1 requested</source>
        <translation>Abbruch von Job %1 angefordert</translation>
    </message>
</context>
<context>
    <name>uis::JobsIntegration</name>
    <message>
        <source>&amp;Submit Job…</source>
        <translation>Job &amp;übermitteln …</translation>
    </message>
    <message>
        <source>Validate, compile and submit this pipeline to the selected DCP environment</source>
        <translation>Diese Pipeline prüfen, übersetzen und an die ausgewählte DCP-Umgebung übermitteln</translation>
    </message>
    <message>
        <source>&amp;Environments…</source>
        <translation>&amp;Umgebungen …</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Übermitteln</translation>
    </message>
    <message>
        <source>Upgrade: job %1 is no longer in the Jobs list</source>
        <translation>Upgrade: Job %1 ist nicht mehr in der Jobliste</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Job %1</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) auf %3</translation>
    </message>
    <message>
        <source>UIS Studio jobs</source>
        <translation>UIS-Studio-Jobs</translation>
    </message>
</context>
<context>
    <name>uis::JobsLocalServer</name>
    <message>
        <source>dcp-local was not found next to the studio or in PATH; install it or set UIS_DCP_LOCAL</source>
        <translation>dcp-local weder neben dem Studio noch im PATH gefunden; installieren oder UIS_DCP_LOCAL setzen</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Starting dcp-local (%1)…</source>
        <translation>Starte dcp-local (%1) …</translation>
    </message>
    <message>
        <source>dcp-local did not start: %1</source>
        <translation>dcp-local ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>keine Ausgabe</translation>
    </message>
</context>
<context>
    <name>uis::JobsModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>confirmed %1</source>
        <translation>bestätigt %1</translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation>noch nicht bestätigt</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Zielsystem: %1</translation>
    </message>
    <message>
        <source> (engine job %1)</source>
        <translation> (Engine-Job %1)</translation>
    </message>
    <message>
        <source>The engine keeps restarting this job: %1</source>
        <translation>Die Engine startet diesen Job immer wieder neu: %1</translation>
    </message>
    <message>
        <source>State %1 (%2)</source>
        <translation>Zustand %1 (%2)</translation>
    </message>
    <message>
        <source>Engine UI: %1</source>
        <translation>Engine-UI: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation>Engine-Zustand</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielsystem</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Last poll</source>
        <translation>Letzte Abfrage</translation>
    </message>
</context>
<context>
    <name>uis::LogDock</name>
    <message>
        <source>Job Log</source>
        <translation>Job-Log</translation>
    </message>
    <message>
        <source>No job selected: double-click a job in the Jobs dock</source>
        <translation>Kein Job ausgewählt: Job unter „Jobs“ doppelklicken</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>%1 (%2) on %3: %4</source>
        <translation>%1 (%2) auf %3: %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>uis::LogView</name>
    <message>
        <source>Follow</source>
        <translation>Folgen</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Log durchsuchen</translation>
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
        <source>Jump to Root Cause</source>
        <translation>Zur Grundursache</translation>
    </message>
    <message>
        <source>Select the first Java or Python exception and its “Caused by” chain</source>
        <translation>Die erste Java- oder Python-Exception samt ihrer „Caused by“-Kette auswählen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Keep showing the end of the log while the job runs</source>
        <translation>Das Ende des Logs anzeigen, solange der Job läuft</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Search wrapped around</source>
        <translation>Suche am Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>“%1” not found</source>
        <translation>„%1“ nicht gefunden</translation>
    </message>
    <message>
        <source>No Java or Python exception in this log</source>
        <translation>Keine Java- oder Python-Exception in diesem Log</translation>
    </message>
    <message>
        <source>Root cause (line %1): %2</source>
        <translation>Grundursache (Zeile %1): %2</translation>
    </message>
    <message>
        <source>Raised as: %1</source>
        <translation>Ausgelöst als: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Log speichern</translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation>Logs (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
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
        <source>Checked in %1 ms · compiled in %2 ms</source>
        <translation>Geprüft in %1 ms · kompiliert in %2 ms</translation>
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
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
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
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::NodeItem</name>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 Fehler, %2 Warnung(en)</translation>
    </message>
    <message>
        <source>Last run: %1</source>
        <translation>Letzter Lauf: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>upgrade check: state %1</source>
        <translation>Upgrade-Prüfung: Zustand %1</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>failed · %1</source>
        <translation>fehlgeschlagen · %1</translation>
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
    <message>
        <source>%1 is not UTF-8 text; it cannot be restored exactly.</source>
        <translation>%1 ist kein UTF-8-Text; die Datei lässt sich nicht exakt wiederherstellen.</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
</context>
<context>
    <name>uis::PlatformPanel</name>
    <message>
        <source>Start Local Platform</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Start a Flink session cluster, Spark master and worker, Kafka, an S3 store and dcp-local with them as targets, on 127.0.0.1 (in %1)</source>
        <translation>Einen Flink-Session-Cluster, Spark-Master und -Worker, Kafka, einen S3-Speicher und dcp-local mit diesen als Zielsystemen auf 127.0.0.1 starten (in %1)</translation>
    </message>
    <message>
        <source>Stop every process the local platform started; jobs running on it end</source>
        <translation>Alle Prozesse beenden, die die lokale Plattform gestartet hat; darauf laufende Jobs enden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Local platform&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lokale Plattform&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%v/%m</source>
        <translation>%v/%m</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>startet …</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The local platform runs; its targets are in the list above</source>
        <translation>Die lokale Plattform läuft; ihre Zielsysteme stehen in der Liste oben</translation>
    </message>
    <message>
        <source>Local platform started</source>
        <translation>Lokale Plattform gestartet</translation>
    </message>
    <message>
        <source>Local platform: %1</source>
        <translation>Lokale Plattform: %1</translation>
    </message>
    <message>
        <source>The local platform is stopped</source>
        <translation>Die lokale Plattform ist gestoppt</translation>
    </message>
    <message>
        <source>Local platform stopped</source>
        <translation>Lokale Plattform gestoppt</translation>
    </message>
    <message>
        <source>%1  (UI %2)</source>
        <translation>%1  (UI %2)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>%1 of %2 services running</source>
        <translation>%1 von %2 Diensten laufen</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>wird gestoppt …</translation>
    </message>
</context>
<context>
    <name>uis::PortItem</name>
    <message>
        <source>Output: drag to a node&apos;s input to connect</source>
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
        <source>Show the Spark compiler&apos;s output</source>
        <translation>Ausgabe des Spark-Compilers anzeigen</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <source>Show the Flink compiler&apos;s output</source>
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
        <source>The spec&apos;s mode compiles with %1</source>
        <translation>Laut Spezifikationsmodus: %1</translation>
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
    <message numerus="yes">
        <source>&lt;b&gt;Fix %n error(s) to see the compiled output.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Beheben Sie %n Fehler, um die übersetzte Ausgabe zu sehen.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Beheben Sie %n Fehler, um die übersetzte Ausgabe zu sehen.&lt;/b&gt;</numerusform>
        </translation>
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
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Show the Spark and the Flink artifacts side by side</source>
        <translation>Spark- und Flink-Artefakte nebeneinander anzeigen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The %1 compiler cannot compile this spec.&lt;/b&gt;&lt;br&gt;%2</source>
        <translation>&lt;b&gt;Der %1-Compiler kann diese Spezifikation nicht übersetzen.&lt;/b&gt;&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Only one engine compiles this spec</source>
        <translation>Nur eine Engine kann diese Spezifikation übersetzen</translation>
    </message>
</context>
<context>
    <name>uis::PreviewIntegration</name>
    <message>
        <source>Pre&amp;view Data</source>
        <translation>&amp;Datenvorschau</translation>
    </message>
    <message>
        <source>Run the sources and transforms on a few rows on the spec&apos;s engine (Spark or Flink) and show them (F5)</source>
        <translation>Die Quellen und Transformationen auf einigen Zeilen mit der Engine der Spezifikation (Spark oder Flink) ausführen und anzeigen (F5)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>S&amp;top Preview</source>
        <translation>Vorschau &amp;beenden</translation>
    </message>
    <message>
        <source>Run &amp;Locally…</source>
        <translation>Lokal &amp;ausführen …</translation>
    </message>
    <message>
        <source>Run this pipeline on the real engine through the local dcp-local (Ctrl+R)</source>
        <translation>Diese Pipeline über das lokale dcp-local auf der echten Engine ausführen (Strg+R)</translation>
    </message>
    <message>
        <source>Run Locally</source>
        <translation>Lokal ausführen</translation>
    </message>
    <message>
        <source>A submit is already in progress</source>
        <translation>Eine Übermittlung läuft bereits</translation>
    </message>
    <message>
        <source>Local platform not running</source>
        <translation>Lokale Plattform läuft nicht</translation>
    </message>
    <message>
        <source>This pipeline reads or writes s3a:// buckets. Run Locally finds them in the local platform&apos;s object store (with Spark, Flink and Kafka), which is not running.

Start the local platform now? The pipeline runs once it is up.</source>
        <translation>Diese Pipeline liest oder schreibt s3a://-Buckets. „Lokal ausführen“ findet sie im Objektspeicher der lokalen Plattform (mit Spark, Flink und Kafka), die nicht läuft.

Die lokale Plattform jetzt starten? Die Pipeline läuft, sobald sie bereit ist.</translation>
    </message>
    <message>
        <source>Start Local Platform</source>
        <translation>Lokale Plattform starten</translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation>Trotzdem ausführen</translation>
    </message>
</context>
<context>
    <name>uis::PreviewSamplesDialog</name>
    <message>
        <source>Sample Records</source>
        <translation>Beispieldatensätze</translation>
    </message>
    <message>
        <source>These sources only receive data while a job runs. Preview them from sample records: JSON lines or a JSON array of objects, with the endpoint&apos;s fields.</source>
        <translation>Diese Quellen erhalten nur Daten, während ein Job läuft. Die Vorschau nutzt für sie Beispieldatensätze: JSON Lines oder ein JSON-Array aus Objekten, mit den Feldern des Endpunkts.</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden …</translation>
    </message>
    <message>
        <source>Load Sample Records</source>
        <translation>Beispieldatensätze laden</translation>
    </message>
    <message>
        <source>JSON (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation>JSON (*.json *.jsonl *.ndjson);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
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
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
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
        <translation>
            <numerusform>%n Knoten löschen</numerusform>
            <numerusform>%n Knoten löschen</numerusform>
        </translation>
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
    <name>uis::RunOverlay</name>
    <message>
        <source>%1 in</source>
        <translation>%1 ein</translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation>%1 aus</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>uis::RunOverlayController</name>
    <message>
        <source>Job %1 has not reported rows per node yet</source>
        <translation>Job %1 hat noch keine Zeilen pro Knoten gemeldet</translation>
    </message>
    <message>
        <source>Job %1 reports on nodes that are not on this canvas</source>
        <translation>Job %1 meldet Knoten, die nicht auf dieser Arbeitsfläche sind</translation>
    </message>
    <message numerus="yes">
        <source>Showing the rows of job %1 on %n node(s)</source>
        <translation>
            <numerusform>Zeilen von Job %1 an %n Knoten angezeigt</numerusform>
            <numerusform>Zeilen von Job %1 an %n Knoten angezeigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::SavepointsDock</name>
    <message>
        <source>Savepoints</source>
        <translation>Savepoints</translation>
    </message>
    <message>
        <source>Select a job in the Jobs list</source>
        <translation>Job in der Jobliste auswählen</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Trigger Savepoint</source>
        <translation>Savepoint auslösen</translation>
    </message>
    <message>
        <source>Take a savepoint of the running Flink job</source>
        <translation>Einen Savepoint des laufenden Flink-Jobs erstellen</translation>
    </message>
    <message>
        <source>Stop with Savepoint…</source>
        <translation>Mit Savepoint stoppen …</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <source>Submit the pipeline again, starting from the selected savepoint</source>
        <translation>Die Pipeline erneut übermitteln, ausgehend vom ausgewählten Savepoint</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation>Savepoint</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>%1 (%2) on %3: %4</source>
        <translation>%1 (%2) auf %3: %4</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Savepoints of %1</source>
        <translation>Savepoints von %1</translation>
    </message>
    <message>
        <source>deleted by %1 at %2</source>
        <translation>gelöscht von %1 am %2</translation>
    </message>
    <message>
        <source>Savepoint of %1</source>
        <translation>Savepoint von %1</translation>
    </message>
    <message>
        <source>Savepoint %1 of job %2 requested</source>
        <translation>Savepoint %1 von Job %2 angefordert</translation>
    </message>
    <message>
        <source>Stop with Savepoint</source>
        <translation>Mit Savepoint stoppen</translation>
    </message>
    <message>
        <source>Stop job “%1” (%2) with a savepoint?

Its state is kept in the savepoint; Restore starts the pipeline again from it.</source>
        <translation>Job „%1“ (%2) mit einem Savepoint stoppen?

Sein Zustand bleibt im Savepoint erhalten; „Wiederherstellen“ startet die Pipeline erneut von dort.</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stop of %1</source>
        <translation>Stopp von %1</translation>
    </message>
    <message>
        <source>Job %1 is stopping with a savepoint</source>
        <translation>Job %1 wird mit einem Savepoint gestoppt</translation>
    </message>
    <message>
        <source>Upgrade of %1</source>
        <translation>Upgrade von %1</translation>
    </message>
    <message>
        <source>Job %1 is stopping with savepoint %2</source>
        <translation>Job %1 wird mit Savepoint %2 gestoppt</translation>
    </message>
    <message>
        <source>Upgrade of %1: savepoint %2 %3: %4; the job keeps running</source>
        <translation>Upgrade von %1: Savepoint %2 %3: %4; der Job läuft weiter</translation>
    </message>
    <message>
        <source>Upgrade of %1: savepoint %2 not written after 10 minutes</source>
        <translation>Upgrade von %1: Savepoint %2 nach 10 Minuten nicht geschrieben</translation>
    </message>
    <message>
        <source>Delete Savepoint</source>
        <translation>Savepoint löschen</translation>
    </message>
    <message>
        <source>Delete savepoint %1 of job %2?

%3

Its files are removed; the job can no longer be restored from it.</source>
        <translation>Savepoint %1 von Job %2 löschen?

%3

Seine Dateien werden entfernt; der Job lässt sich danach nicht mehr daraus wiederherstellen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete of %1</source>
        <translation>Löschen von %1</translation>
    </message>
    <message>
        <source>Savepoint %1 deleted</source>
        <translation>Savepoint %1 gelöscht</translation>
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
    <name>uis::SubmitDialog</name>
    <message>
        <source>Remember typed values in the OS keychain</source>
        <translation>Eingegebene Werte im Schlüsselbund des Betriebssystems speichern</translation>
    </message>
    <message>
        <source>Submit “%1”</source>
        <translation>„%1“ übermitteln</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>(server picks)</source>
        <translation>(wählt der Server)</translation>
    </message>
    <message>
        <source>Where the job runs: the server&apos;s execution targets that run %1</source>
        <translation>Wo der Job läuft: die Zielsysteme des Servers, die %1 ausführen</translation>
    </message>
    <message>
        <source>asking the server for its targets…</source>
        <translation>frage den Server nach seinen Zielsystemen …</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Zielsystem</translation>
    </message>
    <message>
        <source>Placeholders the job needs (values are sent with the job, never stored):</source>
        <translation>Platzhalter, die der Job braucht (Werte werden mit dem Job gesendet, nie gespeichert):</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>•••• (from the %1)</source>
        <translation>•••• (Quelle: %1)</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>enter the value</source>
        <translation>Wert eingeben</translation>
    </message>
    <message>
        <source>Request (secrets masked):</source>
        <translation>Anfrage (Geheimnisse maskiert):</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Übermitteln</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) missing</source>
        <translation>
            <numerusform>%n Wert fehlt</numerusform>
            <numerusform>%n Werte fehlen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (unreachable)</source>
        <translation>%1 (nicht erreichbar)</translation>
    </message>
    <message>
        <source>targets unknown: %1</source>
        <translation>Zielsysteme unbekannt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) run %1</source>
        <translation>
            <numerusform>%n Zielsystem führt %1 aus</numerusform>
            <numerusform>%n Zielsysteme führen %1 aus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::SubmitFlow</name>
    <message>
        <source>keychain</source>
        <translation>Schlüsselbund</translation>
    </message>
    <message>
        <source>The spec has errors; fix them before submitting:
%1</source>
        <translation>Die Spezifikation enthält Fehler; beheben Sie sie vor dem Übermitteln:
%1</translation>
    </message>
    <message>
        <source>The spec does not compile:
%1</source>
        <translation>Die Spezifikation lässt sich nicht übersetzen:
%1</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <source>Submit cancelled</source>
        <translation>Übermittlung abgebrochen</translation>
    </message>
    <message>
        <source>The job starts from %1</source>
        <translation>Der Job startet von %1 aus</translation>
    </message>
    <message>
        <source>A job named “%1” is already running (%2): this submit starts another one. To replace it and keep its state, stop it with a savepoint and use Restore in the Savepoints tab.</source>
        <translation>Ein Job namens „%1“ läuft bereits (%2): diese Übermittlung startet einen weiteren. Um ihn zu ersetzen und seinen Zustand zu behalten, stoppen Sie ihn mit einem Savepoint und verwenden Sie „Wiederherstellen“ im Tab „Savepoints“.</translation>
    </message>
    <message>
        <source>The last job named “%1” (%2) left state (%3 %4). A Spark streaming job continues from its checkpoint; a Flink job starts empty unless you use Restore in the Savepoints tab.</source>
        <translation>Der letzte Job namens „%1“ (%2) hat Zustand hinterlassen (%3 %4). Ein Spark-Streaming-Job setzt an seinem Checkpoint fort; ein Flink-Job startet leer, sofern Sie nicht „Wiederherstellen“ im Tab „Savepoints“ verwenden.</translation>
    </message>
    <message>
        <source>Submitting to %1…</source>
        <translation>Übermittle an %1 …</translation>
    </message>
    <message>
        <source>Cannot submit to %1: %2</source>
        <translation>Übermitteln an %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Submit to %1 failed: %2</source>
        <translation>Übermittlung an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Job %1 submitted to %2</source>
        <translation>Job %1 an %2 übermittelt</translation>
    </message>
</context>
<context>
    <name>uis::TargetJobsModel</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The engine keeps restarting this job: %1</source>
        <translation>Die Engine startet diesen Job immer wieder neu: %1</translation>
    </message>
    <message>
        <source>Engine UI: %1 (double-click to open)</source>
        <translation>Engine-UI: %1 (Doppelklick zum Öffnen)</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation>Engine-Zustand</translation>
    </message>
    <message>
        <source>Engine job</source>
        <translation>Engine-Job</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bestätigt</translation>
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
    <name>uis::TestsDock</name>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>Run All</source>
        <translation>Alle testen</translation>
    </message>
    <message>
        <source>Run every case of the tests file (uisctl test)</source>
        <translation>Alle Fälle der Testdatei ausführen (uisctl test)</translation>
    </message>
    <message>
        <source>Run Selected</source>
        <translation>Auswahl testen</translation>
    </message>
    <message>
        <source>Run the selected case</source>
        <translation>Den ausgewählten Fall ausführen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Stop the engines</source>
        <translation>Die Engines stoppen</translation>
    </message>
    <message>
        <source>New Case from Preview</source>
        <translation>Fall aus Vorschau</translation>
    </message>
    <message>
        <source>Append a case made from the Data Preview&apos;s rows to the tests file</source>
        <translation>Einen Fall aus den Zeilen der Datenvorschau an die Testdatei anhängen</translation>
    </message>
    <message>
        <source>Spec&apos;s engine</source>
        <translation>Vorgesehene Engine</translation>
    </message>
    <message>
        <source>Both engines</source>
        <translation>Beide Engines</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>The row diff of the selected case: - missing, + unexpected</source>
        <translation>Zeilen-Diff des ausgewählten Falls: - fehlt, + unerwartet</translation>
    </message>
    <message>
        <source>Case added to %1</source>
        <translation>Fall zu %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Save the pipeline to give it a tests file</source>
        <translation>Für Tests die Pipeline zuerst speichern</translation>
    </message>
    <message>
        <source>No %1 yet: add a case from the Data Preview</source>
        <translation>Noch keine %1: Fall aus der Datenvorschau hinzufügen</translation>
    </message>
    <message>
        <source>%1: %2 error(s): %3</source>
        <translation>%1: %2 Fehler: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Fall</numerusform>
            <numerusform>%n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the pipeline first: the cases run on the saved file</source>
        <translation>Erst die Pipeline speichern: die Fälle laufen auf der gespeicherten Datei</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation>%1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Starting the engine…</source>
        <translation>Starte die Engine …</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stoppe …</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>uisctl test failed (exit %1)</source>
        <translation>uisctl test fehlgeschlagen (Exit-Code %1)</translation>
    </message>
    <message>
        <source>All passed</source>
        <translation>Alle bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation>✔ bestanden</translation>
    </message>
    <message>
        <source>✘ fail</source>
        <translation>✘ fehlgeschlagen</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Save the pipeline first: its tests file goes next to it</source>
        <translation>Erst die Pipeline speichern: ihre Testdatei liegt daneben</translation>
    </message>
    <message>
        <source>Preview data first (F5): the new case takes the preview&apos;s rows</source>
        <translation>Erst die Datenvorschau ausführen (F5): der neue Fall übernimmt ihre Zeilen</translation>
    </message>
    <message>
        <source>The preview has no source rows</source>
        <translation>Die Vorschau hat keine Quellzeilen</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
<context>
    <name>uis::UpgradeFlow</name>
    <message>
        <source>Upgrade check</source>
        <translation>Upgrade-Prüfung</translation>
    </message>
    <message>
        <source>The spec has errors; fix them before checking an upgrade.</source>
        <translation>Die Spezifikation enthält Fehler; beheben Sie sie, bevor Sie ein Upgrade prüfen.</translation>
    </message>
    <message>
        <source>The spec does not compile; fix it before checking an upgrade.</source>
        <translation>Die Spezifikation lässt sich nicht übersetzen; beheben Sie das, bevor Sie ein Upgrade prüfen.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The upgrade check failed: %1</source>
        <translation>Die Upgrade-Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>Upgrade von %1</translation>
    </message>
    <message>
        <source>The open spec can start from the job&apos;s state.</source>
        <translation>Die geöffnete Spezifikation kann vom Zustand des Jobs aus starten.</translation>
    </message>
    <message>
        <source>The open spec cannot start from all of the job&apos;s state.</source>
        <translation>Die geöffnete Spezifikation kann nicht vom gesamten Zustand des Jobs aus starten.</translation>
    </message>
    <message>
        <source>The canvas shows each node&apos;s verdict: green restored, amber dropped, red incompatible.</source>
        <translation>Die Arbeitsfläche zeigt das Ergebnis je Knoten: grün wiederhergestellt, orange verworfen, rot inkompatibel.</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
</context>
<context>
    <name>uis::VcsState</name>
    <message>
        <source>no commits</source>
        <translation>keine Commits</translation>
    </message>
    <message>
        <source>new file</source>
        <translation>neue Datei</translation>
    </message>
    <message>
        <source>modified vs HEAD</source>
        <translation>geändert ggü. HEAD</translation>
    </message>
    <message>
        <source>same as HEAD</source>
        <translation>wie HEAD</translation>
    </message>
    <message>
        <source>UIS Studio</source>
        <translation>UIS Studio</translation>
    </message>
</context>
</TS>
