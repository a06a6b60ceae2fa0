/** Buffered output of the streaming compile. */
import type { Writable } from "node:stream";

/** Writes to a stream, waiting when its buffer is full. */
export function streamWriter(out: Writable): (s: string | Buffer) => Promise<void> {
  return (s) =>
    new Promise<void>((resolve, reject) => {
      const ok = out.write(s, (err) => {
        if (err) reject(err);
      });
      if (ok) resolve();
      else out.once("drain", resolve);
    });
}

/** Buffered writes of strings and bytes, in chunks of about a MiB. */
export class Sink {
  private parts: (string | Buffer)[] = [];
  private size = 0;
  private strings = true;
  constructor(private readonly write: (b: Buffer | string) => Promise<void> | void) {}
  async add(s: string | Buffer): Promise<void> {
    this.parts.push(s);
    if (typeof s !== "string") this.strings = false;
    this.size += s.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  /** Writes a large buffer as it is, after what is buffered. */
  async direct(b: Buffer): Promise<void> {
    await this.flush();
    await this.write(b);
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const all = this.strings
      ? (this.parts as string[]).join("")
      : Buffer.concat(this.parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
    this.parts = [];
    this.size = 0;
    this.strings = true;
    await this.write(all);
  }
}
