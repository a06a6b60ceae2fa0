/** Buffered output of the streaming compile. */
import type { Writable } from "node:stream";

/** What a Sink writes with: `onWritten` is called once the bytes have left (the buffer may be reused). */
export type SinkWrite = (b: Buffer | string, onWritten?: () => void) => Promise<void> | void;

/** Writes to a stream, waiting when its buffer is full. */
export function streamWriter(out: Writable): SinkWrite {
  return (s, onWritten) =>
    new Promise<void>((resolve, reject) => {
      const ok = out.write(s, (err) => {
        if (err) reject(err);
        else onWritten?.();
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
  constructor(private readonly write: SinkWrite) {}
  async add(s: string | Buffer): Promise<void> {
    this.parts.push(s);
    if (typeof s !== "string") this.strings = false;
    this.size += s.length;
    if (this.size >= 1 << 20) await this.flush();
  }
  /** Writes a large buffer as it is, after what is buffered; onWritten once it has left. */
  async direct(b: Buffer, onWritten?: () => void): Promise<void> {
    await this.flush();
    await this.write(b, onWritten);
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
