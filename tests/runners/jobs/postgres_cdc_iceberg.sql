-- PostgreSQL CDC (pgoutput) -> Iceberg (Hadoop catalog) upsert table, as the UIS Flink compiler
-- writes a `database` provider with an iceberg sink. Iceberg commits on every checkpoint.
SET 'pipeline.name' = 'uis-customers-cdc';
SET 'parallelism.default' = '1';
SET 'execution.checkpointing.interval' = '2 s';

CREATE TABLE `customers_cdc` (
  `id` INT,
  `name` STRING,
  `city` STRING,
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH (
  'connector' = 'postgres-cdc',
  'hostname' = '127.0.0.1',
  'port' = '{{env.PG_PORT}}',
  'username' = 'postgres',
  'password' = '{{secret.shop_db:password}}',
  'database-name' = 'shop',
  'schema-name' = 'public',
  'table-name' = 'customers',
  'slot.name' = 'uis_customers',
  'decoding.plugin.name' = 'pgoutput',
  'scan.startup.mode' = 'initial',
  'scan.incremental.snapshot.enabled' = 'true'
);

CREATE CATALOG `lake` WITH (
  'type' = 'iceberg',
  'catalog-type' = 'hadoop',
  'warehouse' = 'file://{{env.UIS_TEST_WAREHOUSE}}'
);
CREATE DATABASE IF NOT EXISTS `lake`.`shop`;
CREATE TABLE IF NOT EXISTS `lake`.`shop`.`customers` (
  `id` INT,
  `name` STRING,
  `city` STRING,
  PRIMARY KEY (`id`) NOT ENFORCED
) WITH ('format-version' = '2', 'write.upsert.enabled' = 'true');

INSERT INTO `lake`.`shop`.`customers` SELECT `id`, `name`, `city` FROM `customers_cdc`;
