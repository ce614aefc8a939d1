# SPDX-License-Identifier: Apache-2.0
"""UIS Studio's engine runners as one package.

Shared: `log` (the stdout contract), `errors` (JobError, root causes), `placeholders`
(`{{…}}` resolution and the one secret-to-variable rule), `jobconfig` (reading job files and
the connector jar folders), `registry` (type name → handler, used by both engines),
`lifecycle` (signals, exit codes, the closing line), `httpclient` (stdlib HTTP for REST).
Engines: `spark` and `flink`, each with an `app.main` that the scripts in runners/spark and
runners/flink call.
"""
