/**
 * The index of one partition of the parallel streaming compile: for each of its lines (or, for
 * packages, releases), the file, offset, length, line number, ocid number and flags, and the
 * hash that says which partition an ocid belongs to. Built by the worker's scan
 * (ocds-compile-partition.ts) or, for packages, by the main thread (ocds-compile-packages.ts).
 */

/** FNV-1a of the ocid's UTF-16 code units: the partition an ocid belongs to. */
export function partitionOf(ocid: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ocid.length; i++) {
    h ^= ocid.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** partitionOf of an ocid given as ASCII bytes (its bytes are its UTF-16 code units), not decoded. */
export function partitionOfBytes(buf: Buffer, start: number, end: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** Index flag: the scan parsed the line (its ocid was not in its text); it is parsed again, checked. */
export const PARSED = 1;
/** Index flag: the line's bytes are ASCII, decoded byte for byte. */
export const ASCII = 2;

/** A partition's index as sent to its worker: its arrays (the first `size` entries used), and its ocids. */
export interface PartitionIndexData {
  size: number;
  files: Uint16Array<ArrayBuffer>;
  offsets: Float64Array<ArrayBuffer>;
  lengths: Int32Array<ArrayBuffer>;
  lines: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  names: string[];
}

/** The partition's lines: file, offset, length, line number, ocid number and flags. */
export class PartitionIndex {
  files = new Uint16Array(1 << 16);
  offsets = new Float64Array(1 << 16);
  lengths = new Int32Array(1 << 16);
  lines = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);
  /** PARSED, ASCII. */
  flags = new Uint8Array(1 << 16);
  size = 0;
  readonly idOf = new Map<string, number>();
  readonly names: string[] = [];

  /** An index made elsewhere (the releases of packages, indexed by the main thread). */
  static of(data: PartitionIndexData): PartitionIndex {
    const index = new PartitionIndex();
    index.size = data.size;
    index.files = data.files;
    index.offsets = data.offsets;
    index.lengths = data.lengths;
    index.lines = data.lines;
    index.ids = data.ids;
    index.flags = data.flags;
    for (const [id, ocid] of data.names.entries()) {
      index.names.push(ocid);
      index.idOf.set(ocid, id);
    }
    return index;
  }

  /**
   * The index to send to a worker: its arrays themselves, whose first `size` entries are used
   * (sent, not copied: this index is not used again here).
   */
  data(): PartitionIndexData {
    const { size, files, offsets, lengths, lines, ids, flags, names } = this;
    return { size, files, offsets, lengths, lines, ids, flags, names };
  }

  push(ocid: string, file: number, offset: number, length: number, line: number, flags: number): void {
    let id = this.idOf.get(ocid);
    if (id === undefined) {
      id = this.names.length;
      this.idOf.set(ocid, id);
      this.names.push(ocid);
    }
    if (this.size === this.ids.length) {
      const n = this.size * 2;
      const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.files = grow(this.files, new Uint16Array(n));
      this.offsets = grow(this.offsets, new Float64Array(n));
      this.lengths = grow(this.lengths, new Int32Array(n));
      this.lines = grow(this.lines, new Int32Array(n));
      this.ids = grow(this.ids, new Int32Array(n));
      this.flags = grow(this.flags, new Uint8Array(n));
    }
    const i = this.size++;
    this.files[i] = file;
    this.offsets[i] = offset;
    this.lengths[i] = length;
    this.lines[i] = line;
    this.ids[i] = id;
    this.flags[i] = flags;
  }
}
