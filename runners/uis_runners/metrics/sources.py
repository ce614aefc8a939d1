# SPDX-License-Identifier: Apache-2.0
"""The Kafka sources of a compiled job config (either engine's): the spec node each one reports
under (its endpoint's name, as in the per-node counts), the bootstrap servers and the topics."""

from __future__ import annotations

from ..placeholders import resolve

BOOTSTRAP_KEYS = (
    "kafka.bootstrap.servers",
    "properties.bootstrap.servers",
    "bootstrap.servers",
    "bootstrap_servers",
)
TOPIC_KEYS = ("subscribe", "topic", "topics")


def _first(src: dict, keys) -> str | None:
    opts = src.get("options") or {}
    for k in keys:
        for where in (opts, src, src.get("config") or {}):
            if where.get(k):
                return str(where[k])
    return None


def kafka_sources(job: dict) -> list:
    out = []
    for src in job.get("sources") or []:
        kind = str(src.get("type") or src.get("connector") or "").lower()
        if kind != "kafka":
            continue
        bootstrap = _first(src, BOOTSTRAP_KEYS)
        topics = _first(src, TOPIC_KEYS)
        if not bootstrap or not topics:
            continue
        try:
            bootstrap, topics = resolve(bootstrap), resolve(topics)
        except Exception:
            continue  # a placeholder only the job's runtime knows: no lag for it
        out.append(
            {
                "node": src.get("endpoint") or src.get("name"),
                "bootstrap": bootstrap,
                "topics": [t.strip() for t in topics.replace(";", ",").split(",") if t.strip()],
            }
        )
    return out
