/**
 * Benchmark of `nous flags indicators`: generates N compiled releases with bids and awards
 * (argument, default 100000) into a temporary JSON Lines file, then measures
 *   floor:      read the file and JSON.parse every line (one thread), the least any tool must do;
 *   indicators: every indicator enabled, through the same path as the CLI (worker threads when
 *               the file is large), including finalize and writing the JSON text;
 * and prints releases/s, the ratio indicators/floor, and peak RSS. For linear scaling, the indicators
 * also run on the first tenth of the releases and the time per release of both runs is printed.
 *
 *   npx tsx bench/flags.ts 1000000
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cardinalJson } from "../src/flags/engine.ts";
import { allIndicatorsSettings } from "../src/flags/settings.ts";
import { forEachLine } from "../src/io/flags-lines.ts";
import { foldIndicators } from "../src/io/flags-parallel.ts";

const n = Number(process.argv[2] ?? 100_000);
const workersArg = process.argv[3] !== undefined ? Number(process.argv[3]) : undefined;

/** Small deterministic generator (mulberry32), so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const METHODS = ["open", "open", "open", "selective", "limited", "direct"] as const;
const STREETS = ["1 High Street", "2 Station Road", "3 Mill Lane", "4 Church Street"];

function release(i: number): unknown {
  const method = pick(METHODS);
  const buyer = `GB-BUYER-${int(1, 400)}`;
  const start = Date.UTC(2025, 0, 1) + int(0, 360) * 86_400_000;
  const end = start + int(3, 40) * 86_400_000;
  const nBids = method === "direct" ? 1 : int(1, 6);
  const parties: unknown[] = [{ id: buyer, roles: ["buyer", "procuringEntity"] }];
  const details: unknown[] = [];
  const base = int(10_000, 2_000_000);
  let winner = "";
  let low = Number.POSITIVE_INFINITY;
  for (let b = 0; b < nBids; b++) {
    const t = `GB-COH-${int(1, 20_000)}`;
    const status = rand() < 0.12 ? "disqualified" : "valid";
    const amount = Math.round(base * (1 + rand() * 0.3));
    const late = rand() < 0.01;
    details.push({
      id: `${i}-${b}`,
      status,
      date: new Date(late ? end + 86_400_000 : end - 3_600_000).toISOString(),
      tenderers: [{ id: t, name: `Supplier ${t}` }],
      value: { amount, currency: "GBP" },
    });
    parties.push({
      id: t,
      roles: ["tenderer"],
      address: { streetAddress: pick(STREETS), locality: "London", postalCode: `E${int(1, 20)} 1AA` },
      contactPoint: { email: `bids@${t.toLowerCase()}.example` },
    });
    if (status === "valid" && amount < low) {
      low = amount;
      winner = t;
    }
  }
  const awards = winner
    ? [
        {
          id: `${i}-a`,
          status: "active",
          date: new Date(end + 10 * 86_400_000).toISOString(),
          suppliers: [{ id: winner }],
          value: { amount: low, currency: "GBP" },
          items: [{ id: "1", classification: { scheme: "CPV", id: `${int(10, 90)}000000` } }],
        },
      ]
    : [];
  return {
    ocid: `ocds-b5fd17-${i}`,
    id: `${i}-1`,
    date: new Date(end).toISOString(),
    tag: ["compiled"],
    buyer: { id: buyer, name: `Buyer ${buyer}` },
    parties,
    tender: {
      id: `${i}`,
      status: "complete",
      procurementMethod: method,
      procurementMethodDetails: method === "open" ? "Open procedure" : "Other",
      procuringEntity: { id: buyer },
      tenderPeriod: { startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() },
      value: { amount: base, currency: "GBP" },
    },
    bids: { details },
    awards,
  };
}

async function generate(file: string, tenthFile: string): Promise<void> {
  const out = createWriteStream(file);
  const tenth = createWriteStream(tenthFile);
  let buf = "";
  for (let i = 0; i < n; i++) {
    buf += `${JSON.stringify(release(i))}\n`;
    if (buf.length > 1 << 22 || i === Math.floor(n / 10) - 1) {
      if (i < Math.floor(n / 10)) tenth.write(buf);
      if (!out.write(buf)) await new Promise<void>((r) => out.once("drain", () => r()));
      buf = "";
    }
  }
  out.end(buf);
  tenth.end();
  await Promise.all([out, tenth].map((s) => new Promise<void>((r) => s.on("finish", () => r()))));
}

async function runAll(path: string) {
  const t0 = performance.now();
  const { engine, acc } = await foldIndicators(
    path,
    allIndicatorsSettings(),
    { today: "2025-12-31", map: false },
    { workers: workersArg },
  );
  const result = engine.finalize(acc);
  const text = cardinalJson(result);
  return { seconds: (performance.now() - t0) / 1000, result, text };
}

const dir = mkdtempSync(join(tmpdir(), "nous-bench-flags-"));
const file = join(dir, "releases.jsonl");
const tenthFile = join(dir, "releases-tenth.jsonl");
try {
  await generate(file, tenthFile);
  const mb = statSync(file).size / 1e6;
  console.log(`flags bench: ${n} releases, ${mb.toFixed(0)} MB`);

  const t0 = performance.now();
  let parsed = 0;
  await forEachLine({ file }, (line) => {
    if (line !== "") {
      JSON.parse(line);
      parsed++;
    }
  });
  const floor = (performance.now() - t0) / 1000;
  console.log(
    `floor (read + JSON.parse, 1 thread): ${floor.toFixed(2)} s, ${Math.round(parsed / floor)} releases/s`,
  );

  const small = await runAll(tenthFile);
  const { seconds: run, result, text } = await runAll(file);
  const flagged = Object.values(result.results).reduce((a, m) => a + m.size, 0);
  console.log(
    `indicators (13, all cores): ${run.toFixed(2)} s, ${Math.round(n / run)} releases/s, ` +
      `${flagged} flagged ids, ${(text.length / 1e6).toFixed(1)} MB of JSON`,
  );
  const tenth = Math.floor(n / 10);
  console.log(
    `scaling: ${((small.seconds / tenth) * 1e6).toFixed(1)} µs/release at ${tenth}, ` +
      `${((run / n) * 1e6).toFixed(1)} µs/release at ${n}`,
  );
  console.log(`ratio indicators/floor: ${(run / floor).toFixed(2)}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
