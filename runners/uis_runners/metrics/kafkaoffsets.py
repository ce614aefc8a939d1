# SPDX-License-Identifier: Apache-2.0
"""The broker's end offsets (high watermarks) per partition, with one client per bootstrap
address kept between requests (a new connection per sample would cost more than the sample)."""

from __future__ import annotations

TIMEOUT_S = 3.0


class EndOffsets:
    def __init__(self):
        self.consumers = {}

    def _consumer(self, bootstrap: str):
        from confluent_kafka import Consumer

        c = self.consumers.get(bootstrap)
        if c is None:
            c = Consumer(
                {
                    "bootstrap.servers": bootstrap,
                    "group.id": "uis-dcp-local-metrics",  # never subscribes nor commits
                    "enable.auto.commit": False,
                    "socket.timeout.ms": int(TIMEOUT_S * 1000),
                }
            )
            self.consumers[bootstrap] = c
        return c

    def get(self, bootstrap: str, topics: list) -> dict:
        """{topic: {partition: end offset}}; a topic the broker does not know is absent."""
        from confluent_kafka import TopicPartition

        c = self._consumer(bootstrap)
        md = c.list_topics(timeout=TIMEOUT_S)
        out = {}
        for t in topics:
            meta = md.topics.get(t)
            if meta is None or meta.error is not None:
                continue
            parts = {}
            for p in sorted(meta.partitions):
                _lo, hi = c.get_watermark_offsets(
                    TopicPartition(t, p), timeout=TIMEOUT_S, cached=False
                )
                parts[str(p)] = hi
            out[t] = parts
        return out

    def close(self):
        for c in self.consumers.values():
            c.close()
        self.consumers.clear()
