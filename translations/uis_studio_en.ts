<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Design UIS ingestion pipelines.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The spec to open.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::AddNode</name>
    <message>
        <source>Add %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::ConnectNodes</name>
    <message>
        <source>Connect %1 → %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::DisconnectNodes</name>
    <message>
        <source>Disconnect %1 → %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::FieldEditor</name>
    <message>
        <source>e.g. 30 s, 5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 512m, 8g</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. 0 */6 * * *</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>https://…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. $.results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 … %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&gt; %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>≥ %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a whole number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Out of range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(choose)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add an entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove the selected column</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>JSON or YAML</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A nested value: edit it in Source.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use kebab-case: lower-case letters, digits and '-'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use snake_case: lower-case letters, digits and '_'</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not an absolute URL</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A duration is a number and a unit: 30 s, 5 minutes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use &lt;n&gt; seconds|minutes|hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A memory size looks like 512m or 8g</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not an e-mail address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A cron expression has 5 fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A JSONPath starts with $</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The path starts with /</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use namespace.table</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::FindBar</name>
    <message>
        <source>Match case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Whole words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace with</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace All</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No more matches</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation><numerusform>%n replaced</numerusform><numerusform>%n replaced</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::FormEditor</name>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pipeline and provider settings · select a node on the canvas to edit it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The source does not parse, so these fields show the last version that did and cannot be edited. Fix the syntax error in Source.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::GraphScene</name>
    <message>
        <source>Cannot add a node while the source does not parse.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete Selection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect an output (right) to an input (left).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot connect: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::MainWindow</name>
    <message>
        <source>Design</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;New from Template…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Find and &amp;Replace…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Go to Line…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Go to Line</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Line:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Delete Selected Nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Delete the selected nodes and connections (Del)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Design</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic &amp;Layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Inline &amp;Messages in Source</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;Endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Check Now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Next Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Previous Problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview &amp;Spark Output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Preview F&amp;link Output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;About UIS Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About UIS Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;h3&gt;UIS Studio %1&lt;/h3&gt;&lt;p&gt;Design Unified Ingestion Spec pipelines and compile them to Spark or Flink jobs.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;Transform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add &amp;Sink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a transform</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Add a sink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Errors and warnings; F8 goes to the next one</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Checked in %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UIS Studio</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ln %1, Col %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Open Pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UIS specs (*.uis.yaml *.uis.yml *.uis.json *.yaml *.yml *.json);;All files (*)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save Pipeline As</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>YAML spec (*.uis.yaml);;JSON spec (*.uis.json)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save As</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>UIS Studio did not shut down properly. Unsaved changes to &lt;b&gt;%1&lt;/b&gt; from %2 were kept.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Later</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restored unsaved changes to %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::MiniMapView</name>
    <message>
        <source>Overview: click to move the view</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::MoveNodes</name>
    <message>
        <source>Move Node</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Move %n Nodes</source>
        <translation><numerusform>Move %n Node</numerusform><numerusform>Move %n Nodes</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::NodeItem</name>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PaletteDock</name>
    <message>
        <source>Palette</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PaletteModel</name>
    <message>
        <source>Rename fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SQL over the inputs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Keep rows matching a condition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enforce types and not-null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Drop repeated keys within a time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Event time for streaming</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Tumbling or hopping window aggregates</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Parquet files in a landing zone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>An Iceberg table</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A ClickHouse table over JDBC</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A Kafka topic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>One HTTP request per row</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Print rows (local runs)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 endpoint</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A feed of the provider (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Transforms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Sinks</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PipelineDocument</name>
    <message>
        <source>untitled.uis.yaml</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The document has no file name yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the syntax errors before saving in another format.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The source has syntax errors; fix them in Source first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the source has syntax errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Automatic Layout</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PortItem</name>
    <message>
        <source>Output: drag to a node's input to connect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PreviewDock</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Spark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the Spark compiler's output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Flink</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show the Flink compiler's output</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Copy the shown artifact</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save the shown artifact as…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The spec's mode compiles with %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Compiling…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt;&lt;br&gt;The preview shows output once it does.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The compilers are not part of this build.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No output.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The %1 compiler does not apply to this spec.&lt;/b&gt;&lt;br&gt;%2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Fix %n error(s) to see the compiled output.&lt;/b&gt;</source>
        <translation><numerusform>&lt;b&gt;Fix %n error to see the compiled output.&lt;/b&gt;</numerusform><numerusform>&lt;b&gt;Fix %n errors to see the compiled output.&lt;/b&gt;</numerusform></translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::ProblemsDock</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show errors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show warnings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show information</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Filter problems</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n info</source>
        <translation><numerusform>%n info</numerusform><numerusform>%n info</numerusform></translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::ProblemsModel</name>
    <message>
        <source>Ln %1, Col %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::RemoveNode</name>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Delete %n Nodes</source>
        <translation><numerusform>Delete %n Node</numerusform><numerusform>Delete %n Nodes</numerusform></translation>
    </message>
</context>
<context>
    <name>uis::RenameNode</name>
    <message>
        <source>Rename %1 to %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::ReplaceText</name>
    <message>
        <source>Typing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Replace Text</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::SetValue</name>
    <message>
        <source>Set %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Editor font:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Autosave every:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A new language applies after a restart.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::SourceView</name>
    <message>
        <source>Line %1: </source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;b&gt;The source does not parse.&lt;/b&gt; %1%2 — Design and the forms show the last version that parsed until this is fixed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::TemplateDialog</name>
    <message>
        <source>New Pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start from an example or from an empty pipeline.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Empty pipeline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A provider and nothing else: build the pipeline by hand</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>uis::UndoHistoryDock</name>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>