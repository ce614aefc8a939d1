-- Kafka -> dedupe -> 10 s tumbling window per user -> Kafka, written the way the UIS Flink
-- compiler writes it (backticked identifiers, one CREATE TABLE per source and sink, views for
-- transforms). Placeholders are resolved by the runner from the environment.
SET 'pipeline.name' = 'uis-kafka-window';
SET 'parallelism.default' = '1';
SET 'execution.checkpointing.interval' = '10 s';

CREATE TABLE `events` (
  `event_id` STRING,
  `user` STRING,
  `amount` DOUBLE,
  `ts` TIMESTAMP(3),
  `proc_time` AS PROCTIME(),
  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '{{env.UIS_TEST_IN_TOPIC}}',
  'properties.bootstrap.servers' = '{{env.KAFKA_BOOTSTRAP}}',
  'properties.group.id' = 'uis-kafka-window',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE `per_user_out` (
  `window_start` TIMESTAMP(3),
  `window_end` TIMESTAMP(3),
  `user` STRING,
  `cnt` BIGINT,
  `total` DOUBLE
) WITH (
  'connector' = 'kafka',
  'topic' = '{{env.UIS_TEST_OUT_TOPIC}}',
  'properties.bootstrap.servers' = '{{env.KAFKA_BOOTSTRAP}}',
  'key.format' = 'raw',
  'key.fields' = 'user',
  'value.format' = 'json',
  'sink.delivery-guarantee' = 'at-least-once'
);

/* dedupe: first row per event_id; keeps the event-time attribute for the window */
CREATE TEMPORARY VIEW `unique_events` AS
SELECT `event_id`, `user`, `amount`, `ts` FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY `event_id` ORDER BY `proc_time`) AS `rn` FROM `events`
) WHERE `rn` = 1;

CREATE TEMPORARY VIEW `per_user` AS
SELECT `window_start`, `window_end`, `user`, COUNT(*) AS `cnt`, SUM(`amount`) AS `total`
FROM TABLE(TUMBLE(TABLE `unique_events`, DESCRIPTOR(`ts`), INTERVAL '10' SECOND))
GROUP BY `window_start`, `window_end`, `user`;

INSERT INTO `per_user_out` SELECT * FROM `per_user`;
