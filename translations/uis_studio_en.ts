<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>PreviewSamples</name>
    <message>
        <source>not a JSON array: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Design UIS ingestion pipelines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::AddNode</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ChangesDock</name>
    <message>
        <source>+ %1 %2 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>− %1 %2 removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>~ %1 %2 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with a Git revision (HEAD, main~1, a commit hash) or the saved file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec, or one of the artifacts it compiles to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the text with the base version (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes added, removed or changed, in spec terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No base: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−%1 +%2 lines vs %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> · %n node(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n artifact(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is no base version to restore.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ChangesIntegration</name>
    <message>
        <source>&amp;Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the spec with HEAD or another revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git branch, and whether the text differs from HEAD</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ChangesModel</name>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ClustersDock</name>
    <message>
        <source>Clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server for its targets and jobs now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Web UI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected engine&apos;s web UI in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %n job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No target selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;%1&quot;&gt;Open the %2 web UI&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 of %n target(s) reachable · updated %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ClustersModel</name>
    <message>
        <source>%1 GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n TaskManager(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1/%2 slots free</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n running job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alive worker(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cores (%2 used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 memory (%2 used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n local job(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, runs %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web UI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ConnectNodes</name>
    <message>
        <source>Connect %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::DataPreviewDock</name>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample records for WebSocket, webhook and CDC sources (else the first case of the spec&apos;s tests.yaml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source or transform whose rows are shown; follows the canvas selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the sources and transforms on a local %1…
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the sources and transforms of this pipeline on a few rows on the spec&apos;s engine (Spark or Flink, a dry run: no sink is written) to see the data of each node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a local %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pipeline&apos;s sources are read by the preview itself: no sample records needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink mini-cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the preview (its engine&apos;s process group is ended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview data: run the sources and transforms on the first %1 of each node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 previewed in %2 (the first %3 of each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec changed: run again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the spec changed since this preview: run it again to see the current data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::DataPreviewModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::DataPreviewRunner</name>
    <message>
        <source>pyspark is not installed: run `make deps` in %1 (preview data runs Spark from its .venv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Java is not installed: Spark needs a JDK 17 (e.g. `sudo apt install openjdk-17-jre-headless`)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec cannot be read: fix it first, then preview data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec has an error: fix 1 error first, then preview data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec has %1 errors: fix %1 errors first, then preview data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UIS runner is missing (%1): set UIS_RUNNERS_DIR to the runners/ folder of UIS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the %1 runner: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec does not compile for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sample records for %1: its data only arrives while the job runs. Paste or load sample rows for it in the Data Preview, or add a case to the spec&apos;s tests.yaml.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 runner crashed%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 runner exited with code %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::DisconnectNodes</name>
    <message>
        <source>Disconnect %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::EnvironmentsDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use for Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DCP Environments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. staging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens are kept in the OS keychain only, never in a file. DCP_URL and DCP_TOKEN, when set, override every environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a token is stored in the keychain (type to replace it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token of %1 saved in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token removed from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DCP_URL or DCP_TOKEN is set: it overrides the settings below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (used for Submit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the dcp-local the studio starts (or reuses) on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://dcp.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit now uses %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::FieldEditor</name>
    <message>
        <source>e.g. 30 s, 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 512m, 8g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0 */6 * * *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. $.results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON or YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nested value: edit it in Source.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::FindBar</name>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::FormEditor</name>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline and provider settings · select a node on the canvas to edit it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source does not parse, so these fields show the last version that did and cannot be edited. Fix the syntax error in Source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: reads %1 by default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::GraphScene</name>
    <message>
        <source>Cannot add a node while the source does not parse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an output (right) to an input (left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::JobsConnections</name>
    <message>
        <source>local at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the token of %1 from the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment `%1` has no URL: set it in the Environments dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 (token from %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll every job that has not ended now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether the open spec can take over this job&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n not finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot watch job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped watching job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel job “%1” (%2) on %3?

The engine is stopped; work in progress is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot cancel job %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of job %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel of job %1 requested</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::JobsIntegration</name>
    <message>
        <source>&amp;Submit Job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate, compile and submit this pipeline to the selected DCP environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Environments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade: job %1 is no longer in the Jobs list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UIS Studio jobs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::JobsLocalServer</name>
    <message>
        <source>dcp-local was not found next to the studio or in PATH; install it or set UIS_DCP_LOCAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting dcp-local (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dcp-local did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::JobsModel</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not confirmed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (engine job %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine keeps restarting this job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine UI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last poll</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::LogDock</name>
    <message>
        <source>Job Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job selected: double-click a job in the Jobs dock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::LogView</name>
    <message>
        <source>Follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to Root Cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the first Java or Python exception and its “Caused by” chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep showing the end of the log while the job runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Search wrapped around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Java or Python exception in this log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause (line %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::MainWindow</name>
    <message>
        <source>Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Selected Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inline &amp;Messages in Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview &amp;Spark Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview F&amp;link Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About UIS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About UIS Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;UIS Studio %1&lt;/h3&gt;&lt;p&gt;Design Unified Ingestion Spec pipelines and compile them to Spark or Flink jobs.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a transform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a sink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors and warnings; F8 goes to the next one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in %1 ms · compiled in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UIS specs (*.uis.yaml *.uis.yml *.uis.json *.yaml *.yml *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Pipeline As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML spec (*.uis.yaml);;JSON spec (*.uis.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UIS Studio did not shut down properly. Unsaved changes to &lt;b&gt;%1&lt;/b&gt; from %2 were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored unsaved changes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::MiniMapView</name>
    <message>
        <source>Overview: click to move the view</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::MoveNodes</name>
    <message>
        <source>Move Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Move %n Nodes</source>
        <translation>
            <numerusform>Move %n Node</numerusform>
            <numerusform>Move %n Nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::NodeItem</name>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade check: state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed · %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PaletteModel</name>
    <message>
        <source>Rename fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQL over the inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep rows matching a condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enforce types and not-null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop repeated keys within a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event time for streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tumbling or hopping window aggregates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parquet files in a landing zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Iceberg table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ClickHouse table over JDBC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Kafka topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One HTTP request per row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print rows (local runs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A feed of the provider (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sinks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PipelineDocument</name>
    <message>
        <source>untitled.uis.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has no file name yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the syntax errors before saving in another format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source has syntax errors; fix them in Source first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source has syntax errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text; it cannot be restored exactly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PlatformPanel</name>
    <message>
        <source>Start Local Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a Flink session cluster, Spark master and worker, Kafka, an S3 store and dcp-local with them as targets, on 127.0.0.1 (in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every process the local platform started; jobs running on it end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Local platform&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v/%m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local platform runs; its targets are in the list above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local platform started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local platform: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local platform is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local platform stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (UI %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 services running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PortItem</name>
    <message>
        <source>Output: drag to a node&apos;s input to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PreviewDock</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Spark compiler&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Flink compiler&apos;s output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the shown artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown artifact as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec&apos;s mode compiles with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compiling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt;&lt;br&gt;The preview shows output once it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The compilers are not part of this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Fix %n error(s) to see the compiled output.&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Fix %n error to see the compiled output.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Fix %n errors to see the compiled output.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Spark and the Flink artifacts side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The %1 compiler cannot compile this spec.&lt;/b&gt;&lt;br&gt;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one engine compiles this spec</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PreviewIntegration</name>
    <message>
        <source>Pre&amp;view Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the sources and transforms on a few rows on the spec&apos;s engine (Spark or Flink) and show them (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;Locally…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this pipeline on the real engine through the local dcp-local (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A submit is already in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local platform not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This pipeline reads or writes s3a:// buckets. Run Locally finds them in the local platform&apos;s object store (with Spark, Flink and Kafka), which is not running.

Start the local platform now? The pipeline runs once it is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Local Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PreviewSamplesDialog</name>
    <message>
        <source>Sample Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These sources only receive data while a job runs. Preview them from sample records: JSON lines or a JSON array of objects, with the endpoint&apos;s fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Sample Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json *.jsonl *.ndjson);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation>
            <numerusform>%n info</numerusform>
            <numerusform>%n info</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ProblemsModel</name>
    <message>
        <source>Ln %1, Col %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::RemoveNode</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n Nodes</source>
        <translation>
            <numerusform>Delete %n Node</numerusform>
            <numerusform>Delete %n Nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::RenameNode</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::ReplaceText</name>
    <message>
        <source>Typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::RunOverlay</name>
    <message>
        <source>%1 in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::RunOverlayController</name>
    <message>
        <source>Job %1 has not reported rows per node yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 reports on nodes that are not on this canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Showing the rows of job %1 on %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::SavepointsDock</name>
    <message>
        <source>Savepoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a job in the Jobs list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a savepoint of the running Flink job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop with Savepoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the pipeline again, starting from the selected savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) on %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoints of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint %1 of job %2 requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop with Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop job “%1” (%2) with a savepoint?

Its state is kept in the savepoint; Restore starts the pipeline again from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is stopping with a savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 is stopping with savepoint %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade of %1: savepoint %2 %3: %4; the job keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade of %1: savepoint %2 not written after 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Savepoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete savepoint %1 of job %2?

%3

Its files are removed; the job can no longer be restored from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Savepoint %1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::SetValue</name>
    <message>
        <source>Set %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editor font:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Autosave every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::SourceView</name>
    <message>
        <source>Line %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt; %1%2 — Design and the forms show the last version that parsed until this is fixed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::SubmitDialog</name>
    <message>
        <source>Remember typed values in the OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(server picks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the job runs: the server&apos;s execution targets that run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking the server for its targets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders the job needs (values are sent with the job, never stored):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>•••• (from the %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter the value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request (secrets masked):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) missing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (unreachable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>targets unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) run %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>uis::SubmitFlow</name>
    <message>
        <source>keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec has errors; fix them before submitting:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec does not compile:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job starts from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job named “%1” is already running (%2): this submit starts another one. To replace it and keep its state, stop it with a savepoint and use Restore in the Savepoints tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last job named “%1” (%2) left state (%3 %4). A Spark streaming job continues from its checkpoint; a Flink job starts empty unless you use Restore in the Savepoints tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot submit to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job %1 submitted to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::TargetJobsModel</name>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine keeps restarting this job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine UI: %1 (double-click to open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::TemplateDialog</name>
    <message>
        <source>New Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from an example or from an empty pipeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A provider and nothing else: build the pipeline by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::TestsDock</name>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run every case of the tests file (uisctl test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Case from Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append a case made from the Data Preview&apos;s rows to the tests file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec&apos;s engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row diff of the selected case: - missing, + unexpected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case added to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the pipeline to give it a tests file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No %1 yet: add a case from the Data Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 error(s): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Save the pipeline first: the cases run on the saved file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uisctl test failed (exit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the pipeline first: its tests file goes next to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview data first (F5): the new case takes the preview&apos;s rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview has no source rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::UndoHistoryDock</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::UpgradeFlow</name>
    <message>
        <source>Upgrade check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec has errors; fix them before checking an upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The spec does not compile; fix it before checking an upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upgrade check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open spec can start from the job&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open spec cannot start from all of the job&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canvas shows each node&apos;s verdict: green restored, amber dropped, red incompatible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>uis::VcsState</name>
    <message>
        <source>no commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>modified vs HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same as HEAD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UIS Studio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
