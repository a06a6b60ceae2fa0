/**
 * Compile throughput: `npx tsx bench/ocds.ts [N] [memoryMiB] [workers]` writes N synthetic releases as JSON
 * Lines (about four per ocid: planning, tender, award, contract, sometimes implementation; parties,
 * items, awards, contracts; releases of one ocid mostly close together, 2% arriving at the very
 * end of the file), and the same lines shuffled (in random order), then times, for each file:
 *   floor:   read every line and JSON.parse it, nothing else;
 *   compile: the streaming compile to compiled releases, one per line, written to a file.
 * Prints releases/s for each, the ratio compile/floor (each floor measured just before its
 * compile, as the machine's load changes) and the peak RSS of the process.
 * Optional third argument: worker threads for the compile (0 = all on the main thread).
 * The compile is the build's (dist/, what `nous` runs) when it is newer than the sources, else the
 * sources through tsx (whose worker threads start slower, compiling the sources first).
 */
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { createReadStream, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readLines } from "../src/io/ocds-json.ts";

type CompileStream = typeof import("../src/io/ocds-compile.ts").compileStream;
const root = fileURLToPath(new URL("../", import.meta.url));
/** The build's folder: dist/, or NOUS_BENCH_DIST (a build made elsewhere, e.g. to compare versions). */
const dist = resolve(process.env.NOUS_BENCH_DIST ?? join(root, "dist"));
const built = join(dist, "src/io/ocds-compile.js");
/** The build's record of its last run (tsc leaves outputs that did not change as they were). */
const buildInfo = join(dist, ".tsbuildinfo");
/** The build is used when it is newer than every source it is made from. */
const fresh =
  (process.env.NOUS_BENCH_DIST !== undefined && existsSync(built)) ||
  (existsSync(built) &&
    existsSync(buildInfo) &&
    ["src/io", "src/ocds", "src/shared"].every((d) =>
      readdirSync(join(root, d), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
        .every((f) => statSync(join(root, d, f)).mtimeMs <= statSync(buildInfo).mtimeMs),
    ));
const { compileStream } = (await import(fresh ? built : "../src/io/ocds-compile.ts")) as {
  compileStream: CompileStream;
};
console.log(fresh ? "compile: the build in dist/" : "compile: the sources (npm run build to time the build)");

const N = Number(process.argv[2] ?? 100_000);
const memoryMiB = Number(process.argv[3] ?? 64);
/** Worker threads for the compile; default: the compile's own choice. */
const workers = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const dir = mkdtempSync(join(tmpdir(), "nous-bench-ocds-"));
const input = join(dir, "releases.jsonl");

// Deterministic generator (xorshift) so runs are comparable.
let seed = 42;
const rnd = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;

function party(id: string, name: string, roles: string[]) {
  return {
    id,
    name,
    identifier: { scheme: "GB-COH", id: id.slice(-8), legalName: name },
    address: {
      streetAddress: "1 High Street",
      locality: "London",
      postalCode: "N1 1AA",
      countryName: "United Kingdom",
    },
    contactPoint: { name: "Commercial team", email: "commercial@example.org" },
    roles,
  };
}

function releasesFor(n: number): Record<string, unknown>[] {
  const ocid = `ocds-b5fd17-${String(n).padStart(8, "0")}`;
  const buyer = party(`GB-LAC-${1000 + (n % 300)}`, `Council ${n % 300}`, ["buyer", "procuringEntity"]);
  const supplier = party(`GB-COH-${String(10_000_000 + (n % 5000))}`, `Supplier ${n % 5000} Ltd`, [
    "supplier",
  ]);
  const amount = Math.round(rnd() * 5_000_000) / 100 + 10_000;
  const day = (d: number) =>
    new Date(Date.UTC(2020, 0, 1) + (n % 1000) * 86_400_000 + d * 86_400_000).toISOString();
  const items = [
    {
      id: "1",
      description: pick(["Catering services", "Vehicle maintenance", "Translation", "Custody healthcare"]),
      classification: { scheme: "CPV", id: pick(["55520000", "50110000", "79530000", "85100000"]) },
      quantity: 1,
      unit: { name: "service", value: { amount, currency: "GBP" } },
    },
  ];
  const base = (i: number, tag: string, d: number) => ({
    ocid,
    id: `${ocid}-${i}-${tag}`,
    date: day(d),
    tag: [tag],
    initiationType: "tender",
    language: "en",
  });
  const out: Record<string, unknown>[] = [
    {
      ...base(1, "planning", 0),
      parties: [buyer],
      buyer: { id: buyer.id, name: buyer.name },
      planning: {
        rationale: "Service renewal",
        budget: { amount: { amount: amount * 1.1, currency: "GBP" } },
      },
    },
    {
      ...base(2, "tender", 20),
      parties: [buyer],
      tender: {
        id: `${ocid}-tender`,
        title: `${items[0]!.description} for council ${n % 300}`,
        status: "active",
        procurementMethod: "open",
        mainProcurementCategory: "services",
        value: { amount, currency: "GBP" },
        tenderPeriod: { startDate: day(20), endDate: day(50) },
        items,
      },
    },
    {
      ...base(3, "award", 60),
      parties: [supplier],
      tender: { status: "complete" },
      awards: [
        {
          id: `${ocid}-award-1`,
          status: "active",
          date: day(60),
          value: { amount, currency: "GBP" },
          suppliers: [{ id: supplier.id, name: supplier.name }],
          items,
        },
      ],
    },
    {
      ...base(4, "contract", 75),
      contracts: [
        {
          id: `${ocid}-contract-1`,
          awardID: `${ocid}-award-1`,
          status: "active",
          value: { amount, currency: "GBP" },
          period: { startDate: day(90), endDate: day(90 + 365 * 3) },
          dateSigned: day(75),
          items,
        },
      ],
    },
  ];
  if (rnd() < 0.5) {
    out.push({
      ...base(5, "implementation", 200),
      contracts: [
        {
          id: `${ocid}-contract-1`,
          implementation: {
            transactions: [
              {
                id: "t1",
                date: day(200),
                value: { amount: Math.round(amount * 25) / 100, currency: "GBP" },
                payee: { id: supplier.id },
              },
            ],
          },
        },
      ],
    });
  }
  return out;
}

// Generate: releases of one ocid are interleaved with a few dozen neighbours; 2% go to the end.
const genStart = performance.now();
const fd = openSync(input, "w");
let buf: string[] = [];
const late: string[] = [];
let written = 0;
let n = 0;
const window: Record<string, unknown>[][] = [];
while (written < N) {
  while (window.length < 40) window.push(releasesFor(n++));
  const k = Math.floor(rnd() * window.length);
  const next = window[k]!.shift()!;
  if (window[k]!.length === 0) window.splice(k, 1);
  const line = JSON.stringify(next);
  if (rnd() < 0.02 && next.tag && (next.tag as string[])[0] !== "planning") late.push(line);
  else buf.push(line);
  written++;
  if (buf.length >= 5000) {
    writeSync(fd, `${buf.join("\n")}\n`);
    buf = [];
  }
}
if (buf.length) writeSync(fd, `${buf.join("\n")}\n`);
if (late.length) writeSync(fd, `${late.join("\n")}\n`);
closeSync(fd);
const size = statSync(input).size;
console.log(
  `generated ${N} releases (${n} ocids started, ${late.length} late) in ${((performance.now() - genStart) / 1000).toFixed(1)} s, ${(size / 1048576).toFixed(0)} MiB`,
);

// The same lines in random order (Fisher-Yates with the generator above), copied by their
// positions: the file is never held whole (at 1M releases it is longer than the longest string
// V8 makes, and holding it would count in the peak RSS printed below).
const shuffled = join(dir, "shuffled.jsonl");
{
  const starts: number[] = [];
  const ends: number[] = [];
  const ifd = openSync(input, "r");
  const chunk = Buffer.allocUnsafe(1 << 22);
  let base = 0;
  let lineStart = 0;
  for (;;) {
    const n = readSync(ifd, chunk, 0, chunk.length, base);
    if (n === 0) break;
    for (let at = chunk.indexOf(10); at >= 0 && at < n; at = chunk.indexOf(10, at + 1)) {
      if (base + at > lineStart) {
        starts.push(lineStart);
        ends.push(base + at);
      }
      lineStart = base + at + 1;
    }
    base += n;
  }
  const order = Array.from({ length: starts.length }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1));
    [order[i], order[k]] = [order[k]!, order[i]!];
  }
  const sfd = openSync(shuffled, "w");
  const out = Buffer.allocUnsafe(1 << 22);
  let used = 0;
  for (const k of order) {
    const len = ends[k]! - starts[k]!;
    if (used + len + 1 > out.length) {
      writeSync(sfd, out, 0, used);
      used = 0;
    }
    readSync(ifd, out, used, len, starts[k]!);
    used += len;
    out[used++] = 10;
  }
  writeSync(sfd, out, 0, used);
  closeSync(sfd);
  closeSync(ifd);
}

const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

/** Floor: read + JSON.parse every line. */
async function floor(file: string): Promise<{ s: number; cpu: number }> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  let parsed = 0;
  for await (const l of readLines(createReadStream(file, { highWaterMark: 1 << 20 }))) {
    if (l.text) {
      JSON.parse(l.text);
      parsed++;
    }
  }
  const s = (performance.now() - t) / 1000;
  console.log(`floor:   ${parsed} lines in ${s.toFixed(2)} s = ${Math.round(parsed / s)} releases/s`);
  return { s, cpu: cpuS(process.cpuUsage(cpu)) };
}

async function compile(file: string, label: string): Promise<void> {
  const base = await floor(file);
  const t = performance.now();
  const cpu = process.cpuUsage();
  const out = createWriteStream(join(dir, "compiled.jsonl"));
  const result = await compileStream([file], out, {
    memoryBudget: memoryMiB * 1024 * 1024,
    tmpDir: dir,
    ...(workers === undefined ? {} : { workers }),
  });
  await new Promise<void>((resolve) => out.end(resolve));
  const s = (performance.now() - t) / 1000;
  const c = cpuS(process.cpuUsage(cpu));
  console.log(
    `compile: ${result.releases} releases -> ${result.ocids} compiled (${result.reopened} reopened) with ${result.workers} worker thread(s) in ${s.toFixed(2)} s = ${Math.round(result.releases / s)} releases/s, ${((s / result.releases) * 1e6).toFixed(2)} us/release`,
  );
  console.log(`ratio compile/floor (${label}, ${N} releases): ${(s / base.s).toFixed(2)} (target <= 2.0)`);
  console.log(
    `CPU time (all threads): floor ${base.cpu.toFixed(2)} s, compile ${c.toFixed(2)} s, ratio ${(c / base.cpu).toFixed(2)}`,
  );
}

await compile(input, "releases of an ocid close together");
await compile(shuffled, "shuffled");
console.log(
  `peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (memory budget ${memoryMiB} MiB)`,
);
if (process.env.NOUS_BENCH_KEEP) console.log(`kept ${input}`);
else rmSync(dir, { recursive: true, force: true });
