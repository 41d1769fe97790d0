/**
 * The lines of a stream of chunks, read as they come (`eval --ndjson`, `orders count`): split at the byte `\n`
 * (`\r\n` ending a line too), the last line without an end included, each line decoded as strict UTF-8 — a line
 * that is not valid UTF-8 is given without its text, so that the caller answers it with a typed error, as the
 * service's NDJSON batch does, rather than reading replacement characters. Lines are handed over in batches —
 * every complete line of the chunks read so far — so that a caller can answer them all before it waits for more
 * input (a client that writes one line and waits for its answer is answered at once). A line longer than
 * `maxLength` is not kept: it is given without its text (its end is still awaited), so memory stays bounded
 * whatever the input.
 */
import { isUtf8 } from "node:buffer";

/** Why a line is given without its text: longer than the limit, or not valid UTF-8. */
export type LineProblem = "too-long" | "not-utf8";

/** One line of the input: its text (`null` with the `problem` when it has none) and its 1-based number. */
export interface InputLine {
  readonly text: string | null;
  readonly number: number;
  readonly problem?: LineProblem;
}

const NEWLINE = 0x0a;

/**
 * The batches of lines of `chunks` (see the module comment); `maxLength` in bytes of UTF-8. A chunk given as a
 * string (a test's stdin) is read as its UTF-8 bytes.
 */
export async function* lineBatches(chunks: AsyncIterable<string | Uint8Array>, maxLength: number): AsyncGenerator<InputLine[]> {
  /** The bytes of the line begun and not ended yet (none once it is known to be too long). */
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let tooLong = false;
  let number = 0;
  const refused = (problem: LineProblem): InputLine => ({ text: null, number, problem });
  /** A complete line from its bytes (a "\r" before its end removed). */
  const fromBytes = (bytes: Buffer, batch: InputLine[]): void => {
    number += 1;
    if (tooLong || bytes.length > maxLength) {
      tooLong = false;
      batch.push(refused("too-long"));
      return;
    }
    const end = bytes.length > 0 && bytes[bytes.length - 1] === 0x0d ? bytes.length - 1 : bytes.length;
    batch.push(isUtf8(bytes) ? { text: bytes.toString("utf8", 0, end), number } : refused("not-utf8"));
  };
  /** The complete lines of `region` (bytes between two line ends, themselves excluded). */
  const fromRegion = (region: Buffer, batch: InputLine[]): void => {
    if (!isUtf8(region)) {
      // some line in it is not UTF-8: each line on its own, to tell which
      let start = 0;
      for (let end = region.indexOf(NEWLINE); ; end = region.indexOf(NEWLINE, start)) {
        fromBytes(region.subarray(start, end === -1 ? region.length : end), batch);
        if (end === -1) return;
        start = end + 1;
      }
    }
    // the common case: the region decoded at once and split as text (slices share its characters)
    const text = region.toString("utf8");
    let start = 0;
    for (let end = text.indexOf("\n"); ; end = text.indexOf("\n", start)) {
      let line = text.slice(start, end === -1 ? text.length : end);
      number += 1;
      if (line.endsWith("\r")) line = line.slice(0, -1);
      // a line's UTF-8 bytes are at least its UTF-16 length and at most three times it
      if (line.length > maxLength || (line.length * 3 > maxLength && Buffer.byteLength(line) > maxLength)) batch.push(refused("too-long"));
      else batch.push({ text: line, number });
      if (end === -1) return;
      start = end + 1;
    }
  };
  /** Keeps the start of a line that the next chunk ends; past the limit it is dropped and the line is too long. */
  const keep = (bytes: Buffer): void => {
    if (tooLong || bytes.length === 0) return;
    pendingSize += bytes.length;
    if (pendingSize > maxLength) {
      tooLong = true;
      pending = [];
      pendingSize = 0;
      return;
    }
    pending.push(Buffer.from(bytes)); // a copy: the chunk's memory is the stream's
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const first = bytes.indexOf(NEWLINE);
    if (first === -1) {
      keep(bytes);
      continue;
    }
    const batch: InputLine[] = [];
    fromBytes(pendingSize === 0 ? bytes.subarray(0, first) : Buffer.concat([...pending, bytes.subarray(0, first)]), batch);
    pending = [];
    pendingSize = 0;
    const last = bytes.lastIndexOf(NEWLINE);
    if (last > first) fromRegion(bytes.subarray(first + 1, last), batch);
    keep(bytes.subarray(last + 1));
    yield batch;
  }
  if (pendingSize > 0 || tooLong) {
    const batch: InputLine[] = [];
    fromBytes(Buffer.concat(pending), batch);
    yield batch;
  }
}

/** A whole text as the one chunk of a stream, for {@link lineBatches} (a test's stdin given as a string). */
export async function* textChunks(text: string): AsyncGenerator<string> {
  yield text;
}
