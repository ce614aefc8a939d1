# SPDX-License-Identifier: Apache-2.0
"""The Spark runner: a `spark-job` JSON (docs/COMPILERS.md) run on PySpark."""
