/**
 * The straightforward way to reconcile, in DuckDB SQL: expand every invoice line into one row
 * per billed day, join the registers day by day, and take the first failing rule. It is the
 * baseline the engine is measured against and an independent implementation of the same rules
 * (see docs/billing/rules.md), so the two are compared line by line in the tests.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { penceToDecimal } from "../shared/money.ts";

export interface SqlException {
  line_id: string;
  invoice_id: string;
  subject_id: string;
  rule: string;
  days: number;
  amount_at_risk: string;
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const FAR = "DATE '9999-12-31'";

function table(dir: string, file: string, columns: Record<string, string>): string {
  const cols = Object.entries(columns)
    .map(([k, v]) => `${lit(k)}: ${lit(v)}`)
    .join(", ");
  const path = join(dir, file);
  if (!existsSync(path)) {
    const empty = Object.entries(columns)
      .map(([k, v]) => `CAST(NULL AS ${v}) AS ${k}`)
      .join(", ");
    return `SELECT ${empty} WHERE false`;
  }
  return `SELECT * FROM read_csv(${lit(path)}, header = true, auto_detect = false, columns = {${cols}})`;
}

/** The SQL statements, in order; the last one returns the exceptions. */
export function reconcileSql(dir: string): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE lines AS SELECT row_number() OVER () AS ln, invoice_id, line_id, contract_id,
       subject_id, service_code, period_start, period_end, CAST(amount * 100 AS BIGINT) AS amount_p,
       CAST(period_end - period_start + 1 AS BIGINT) AS ndays
     FROM (${table(dir, "invoice_lines.csv", {
       invoice_id: "VARCHAR",
       line_id: "VARCHAR",
       contract_id: "VARCHAR",
       subject_id: "VARCHAR",
       order_id: "VARCHAR",
       service_code: "VARCHAR",
       period_start: "DATE",
       period_end: "DATE",
       units: "DOUBLE",
       unit_price: "DECIMAL(18,2)",
       amount: "DECIMAL(18,2)",
     })})`,
    `CREATE OR REPLACE TEMP TABLE subjects AS ${table(dir, "subjects.csv", { subject_id: "VARCHAR" })}`,
    `CREATE OR REPLACE TEMP TABLE orders AS ${table(dir, "orders.csv", {
      order_id: "VARCHAR",
      subject_id: "VARCHAR",
      service_code: "VARCHAR",
      start_date: "DATE",
      end_date: "DATE",
    })}`,
    `CREATE OR REPLACE TEMP TABLE ev AS ${table(dir, "service_events.csv", {
      order_id: "VARCHAR",
      subject_id: "VARCHAR",
      event: "VARCHAR",
      date: "DATE",
    })}`,
    `CREATE OR REPLACE TEMP TABLE custody AS ${table(dir, "custody.csv", {
      subject_id: "VARCHAR",
      from_date: "DATE",
      to_date: "DATE",
    })}`,
    `CREATE OR REPLACE TEMP TABLE deaths AS ${table(dir, "deaths.csv", { subject_id: "VARCHAR", date_of_death: "DATE" })}`,
    `CREATE OR REPLACE TEMP TABLE departures AS ${table(dir, "departures.csv", {
      subject_id: "VARCHAR",
      departure_date: "DATE",
      return_date: "DATE",
    })}`,
    `CREATE OR REPLACE TEMP TABLE prices AS SELECT contract_id, service_code, valid_from, valid_to,
       CAST(unit_price * 100 AS BIGINT) AS price_p
     FROM (${table(dir, "prices.csv", {
       contract_id: "VARCHAR",
       service_code: "VARCHAR",
       valid_from: "DATE",
       valid_to: "DATE",
       unit_price: "DECIMAL(18,2)",
     })})`,
    // Monitored intervals: from each start to the next stop on or after it.
    `CREATE OR REPLACE TEMP TABLE mon AS SELECT s.order_id, s.date AS a,
       COALESCE((SELECT min(t.date) FROM ev t WHERE t.order_id = s.order_id AND t.event = 'stop' AND t.date >= s.date), ${FAR}) AS b
     FROM ev s WHERE s.event = 'start'`,
    // One row per billed day.
    `CREATE OR REPLACE TEMP TABLE days AS SELECT row_number() OVER () AS rid, ln, d FROM (
       SELECT ln, CAST(unnest(generate_series(period_start, period_end, INTERVAL 1 DAY)) AS DATE) AS d FROM lines)`,
    `CREATE OR REPLACE TEMP TABLE dl AS SELECT x.rid, x.ln, x.d, l.subject_id, l.service_code, l.contract_id
     FROM days x JOIN lines l USING (ln)`,
    // The days each register says are not due (or are covered, started, monitored), by day row.
    `CREATE OR REPLACE TEMP TABLE f01 AS SELECT rid FROM dl WHERE subject_id NOT IN (SELECT subject_id FROM subjects)`,
    `CREATE OR REPLACE TEMP TABLE f06 AS SELECT DISTINCT x.rid FROM dl x JOIN deaths t USING (subject_id)
     WHERE x.d > t.date_of_death`,
    `CREATE OR REPLACE TEMP TABLE f05 AS SELECT DISTINCT x.rid FROM dl x JOIN custody t USING (subject_id)
     WHERE x.d BETWEEN t.from_date AND COALESCE(t.to_date, ${FAR})`,
    `CREATE OR REPLACE TEMP TABLE f07 AS SELECT DISTINCT x.rid FROM dl x JOIN departures t USING (subject_id)
     WHERE x.d >= t.departure_date AND x.d < COALESCE(t.return_date, ${FAR})`,
    `CREATE OR REPLACE TEMP TABLE cov AS SELECT x.rid, o.order_id FROM dl x
     JOIN orders o ON o.subject_id = x.subject_id AND o.service_code = x.service_code
     WHERE x.d BETWEEN o.start_date AND COALESCE(o.end_date, ${FAR})`,
    `CREATE OR REPLACE TEMP TABLE fcov AS SELECT DISTINCT rid FROM cov`,
    `CREATE OR REPLACE TEMP TABLE fstart AS SELECT DISTINCT c.rid FROM cov c JOIN dl x USING (rid)
     JOIN ev e ON e.order_id = c.order_id AND e.event = 'start' WHERE e.date <= x.d`,
    `CREATE OR REPLACE TEMP TABLE fmon AS SELECT DISTINCT c.rid FROM cov c JOIN dl x USING (rid)
     JOIN mon m ON m.order_id = c.order_id WHERE x.d BETWEEN m.a AND m.b`,
    `CREATE OR REPLACE TEMP TABLE fprice AS SELECT x.rid, max(p.price_p) AS price_p FROM dl x
     JOIN prices p ON p.contract_id = x.contract_id AND p.service_code = x.service_code
     WHERE x.d BETWEEN p.valid_from AND COALESCE(p.valid_to, ${FAR}) GROUP BY x.rid`,
    `CREATE OR REPLACE TEMP TABLE frank AS SELECT x.rid,
       row_number() OVER (PARTITION BY l.subject_id, l.service_code, x.d ORDER BY l.invoice_id, l.line_id, l.ln) AS billing
     FROM days x JOIN lines l USING (ln)`,
    `CREATE OR REPLACE TEMP TABLE verdicts AS
     WITH ruled AS (
       SELECT x.ln, l.ndays, l.amount_p, p.price_p,
         CASE WHEN x.rid IN (SELECT rid FROM f01) THEN 'B01'
              WHEN x.rid IN (SELECT rid FROM f06) THEN 'B06'
              WHEN x.rid IN (SELECT rid FROM f05) THEN 'B05'
              WHEN x.rid IN (SELECT rid FROM f07) THEN 'B07'
              WHEN x.rid NOT IN (SELECT rid FROM fcov) THEN 'B02'
              WHEN x.rid NOT IN (SELECT rid FROM fstart) THEN 'B04'
              WHEN x.rid NOT IN (SELECT rid FROM fmon) THEN 'B03'
              WHEN r.billing > 1 THEN 'B08'
              WHEN p.price_p IS NULL AND l.amount_p > 0 THEN 'B09'
              WHEN l.amount_p > l.ndays * p.price_p THEN 'B09' END AS rule
       FROM days x JOIN lines l USING (ln) JOIN frank r USING (rid) LEFT JOIN fprice p USING (rid)
     )
     SELECT ln, rule, count(*) AS days, any_value(ndays) AS ndays,
       CAST(sum(CASE WHEN rule = 'B09' THEN amount_p - ndays * COALESCE(price_p, 0) ELSE amount_p END) AS BIGINT) AS num
     FROM ruled WHERE rule IS NOT NULL GROUP BY ln, rule`,
    `SELECT l.line_id, l.invoice_id, l.subject_id, v.rule, v.days,
       CASE WHEN v.num >= 0 THEN (2 * v.num + v.ndays) // (2 * v.ndays)
            ELSE -((-2 * v.num + v.ndays) // (2 * v.ndays)) END AS pence
     FROM verdicts v JOIN lines l USING (ln) ORDER BY v.ln, v.rule`,
  ];
}

/** Runs the SQL over a data folder and returns the exceptions in exceptions.csv's shape. */
export async function reconcileWithDuckdb(
  dir: string,
  opts: { threads?: number; memoryLimit?: string } = {},
): Promise<SqlException[]> {
  const instance = await DuckDBInstance.create(
    ":memory:",
    opts.threads ? { threads: String(opts.threads) } : {},
  );
  const conn = await instance.connect();
  try {
    const sql = reconcileSql(dir);
    for (const s of sql.slice(0, -1)) await conn.run(s);
    const reader = await conn.runAndReadAll(sql[sql.length - 1]!);
    return reader.getRowObjectsJS().map((r) => ({
      line_id: String(r.line_id),
      invoice_id: String(r.invoice_id),
      subject_id: String(r.subject_id),
      rule: String(r.rule),
      days: Number(r.days),
      amount_at_risk: penceToDecimal(Number(r.pence)),
    }));
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
