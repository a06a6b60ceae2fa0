/**
 * The read options are a value each read is given, not state of the process: a read with
 * --encoding or --root-path leaves nothing behind for the next read in the same process (a
 * second command in a test worker, an embedding program), and an unknown encoding is refused
 * naming the option.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatLocation, InputError } from "../shared/errors.ts";
import { readDocuments } from "./ocds-json.ts";
import { NO_READ_OPTIONS, readSettingsOf } from "./ocds-read-options.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-read-settings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A package whose tender title is "Café" in UTF-8 (the é as the two bytes c3 a9). */
const path = join(dir, "utf8.json");
writeFileSync(
  path,
  JSON.stringify({ uri: "u", releases: [{ ocid: "ocds-x-1", id: "1", tender: { title: "Café" } }] }),
);

async function documents(read = NO_READ_OPTIONS) {
  const out: unknown[] = [];
  for await (const d of readDocuments(path, { read })) out.push(d.value);
  return out;
}
const title = (v: unknown) => (v as { releases: { tender: { title: string } }[] }).releases[0]!.tender.title;

describe("read settings", () => {
  it("reads with latin-1 once, then as UTF-8 when the next read gives no encoding", async () => {
    const [latin] = await documents(readSettingsOf({ encoding: "latin-1" }));
    // Each UTF-8 byte of é read as a windows-1252 character.
    expect(title(latin)).toBe("CafÃ©");
    const [plain] = await documents(readSettingsOf({}));
    expect(title(plain)).toBe("Café");
    const [none] = await documents();
    expect(title(none)).toBe("Café");
  });

  it("picks at --root-path once, then reads whole values when the next read gives none", async () => {
    const picked = await documents(readSettingsOf({ rootPath: "releases.item" }));
    expect(picked).toEqual([{ ocid: "ocds-x-1", id: "1", tender: { title: "Café" } }]);
    const whole = await documents(readSettingsOf({ rootPath: undefined }));
    expect(whole).toHaveLength(1);
    expect(whole[0]).toHaveProperty("uri", "u");
  });

  it("refuses an unknown encoding, naming --encoding", () => {
    let error: unknown;
    try {
      readSettingsOf({ encoding: "klingon-8" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(`${formatLocation(e.location)}: ${e.message}`).toBe(
      '--encoding: unknown encoding "klingon-8" (give a label such as utf-8, latin-1, utf-16le)',
    );
  });

  it("gives immutable values, the same one for no options", () => {
    expect(readSettingsOf({ encoding: "utf_8", rootPath: "" })).toBe(NO_READ_OPTIONS);
    const s = readSettingsOf({ encoding: "latin-1", rootPath: "a.b" });
    expect(s).toEqual({ encoding: "latin1", rootPath: ["a", "b"] });
    expect(Object.isFrozen(s) && Object.isFrozen(s.rootPath)).toBe(true);
  });
});
