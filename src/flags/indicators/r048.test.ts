import { describe, expect, it } from "vitest";
import { award, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, supplier: string | string[], codes: string[]) => ({
  ocid,
  awards: [
    award(supplier, "active", { items: codes.map((id) => ({ classification: { scheme: "CPV", id } })) }),
  ],
});

describe("R048 heterogeneous supplier", () => {
  it("flags a supplier whose variety of first-level classifications reaches the threshold", () => {
    const { json } = run("[R048]\nthreshold = 2\nminimum_contracting_processes = 1", [
      rel("1", "F", ["45000000", "45100000"]),
      rel("2", "F", ["72000000"]),
      rel("3", "N", ["45000000", "45200000"]),
    ]);
    expect(json).toEqual({ Tenderer: { F: { R048: 2 } } });
  });

  it("reads digits, and computes the fence over suppliers with enough processes", () => {
    const releases = [
      rel("1", "F", ["45100000", "45200000", "45300000"]),
      ...["G", "H", "I", "J"].map((t, i) => rel(String(i + 2), t, ["45100000"])),
    ];
    // With 3 digits F has 3 classes, the others 1: Q1 = 1, Q3 = 1.6667, upper fence = 2.6667.
    const { json } = run("[R048]\ndigits = 3\nminimum_contracting_processes = 1", releases, { meta: true });
    expect(json.Tenderer).toEqual({ F: { R048: 3 } });
    expect(json.Meta.R048).toEqual({ q1: 1, q3: 1.6667, upper_fence: 2.6667 });
    // With the default minimum of 20 processes, no supplier qualifies and nothing is flagged.
    expect(run("[R048]\ndigits = 3", releases).json).toEqual({});
  });

  it("excludes awards made to several suppliers and inactive awards", () => {
    const { json } = run("[R048]\nthreshold = 1\nminimum_contracting_processes = 1", [
      rel("1", ["F", "G"], ["45000000"]),
      { ocid: "2", awards: [award("H", "pending", { items: [{ classification: { id: "45000000" } }] })] },
    ]);
    expect(json).toEqual({});
  });

  it("compares every supplier with the fence of the suppliers awarded in enough processes", () => {
    // A to E are awarded twice each (eligible); varieties 1, 1, 1, 1, 2: Q1 = 1, Q3 = 1.3333,
    // upper fence = 1.8333. X (one process, variety 3) does not move the fence but is flagged.
    const releases = [
      ...["A", "B", "C", "D"].flatMap((t) => [rel(`${t}1`, t, ["45000000"]), rel(`${t}2`, t, ["45100000"])]),
      rel("E1", "E", ["45000000"]),
      rel("E2", "E", ["72000000"]),
      rel("X1", "X", ["45000000", "72000000", "30000000"]),
      rel("Y1", "Y", ["45000000"]),
    ];
    const { json } = run("[R048]\nminimum_contracting_processes = 2", releases, { meta: true });
    expect(json.Tenderer).toEqual({ E: { R048: 2 }, X: { R048: 3 } });
    expect(json.Meta.R048).toEqual({ q1: 1, q3: 1.3333, upper_fence: 1.8333 });
  });
});
