# SPDX-License-Identifier: Apache-2.0
"""The Flink runner: a `flink-sql` script run on a local PyFlink mini-cluster."""
