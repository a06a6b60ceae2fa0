import { describe, expect, it } from "vitest";
import { noticeStatuses } from "./notice-status.ts";

describe("notice statuses", () => {
  it("says which notices can be produced, why not the others, and which are already published", () => {
    const out = noticeStatuses(
      [
        {
          type: "UK6",
          attempt: { ok: true, release: { ocid: "ocds-x-1", id: "uk6-1" }, about: "award of c1" },
        },
        {
          type: "UK7",
          attempt: { ok: true, release: { ocid: "ocds-x-1", id: "uk7-1" }, about: "details of c1" },
        },
        { type: "UK11", attempt: { ok: false, reason: "no termination is recorded" } },
      ],
      (ocid, id) => ocid === "ocds-x-1" && id === "uk6-1",
    );
    expect(out).toEqual([
      {
        type: "UK6",
        name: "Contract award notice",
        producible: true,
        reason: "award of c1",
        releaseId: "uk6-1",
        published: true,
      },
      {
        type: "UK7",
        name: expect.any(String),
        producible: true,
        reason: "details of c1",
        releaseId: "uk7-1",
        published: false,
      },
      {
        type: "UK11",
        name: expect.any(String),
        producible: false,
        reason: "no termination is recorded",
        releaseId: null,
        published: false,
      },
    ]);
  });
});
