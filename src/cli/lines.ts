/**
 * The lines of a stream of chunks, read as they come (`eval --ndjson`, `orders count`): UTF-8 decoded across chunk boundaries,
 * `\n` or `\r\n` ending a line, the last line without an end included. Lines are handed over in batches — every
 * complete line of the chunks read so far — so that a caller can answer them all before it waits for more input
 * (a client that writes one line and waits for its answer is answered at once). A line longer than `maxLength`
 * is not kept: it is given as `null` (its end is still awaited), so memory stays bounded whatever the input.
 */
import { StringDecoder } from "node:string_decoder";

/** One line of the input: its text (`null` when it was longer than the limit) and its 1-based number. */
export interface InputLine {
  readonly text: string | null;
  readonly number: number;
}

/** The batches of lines of `chunks` (see the module comment); `maxLength` in UTF-16 code units. */
export async function* lineBatches(chunks: AsyncIterable<string | Uint8Array>, maxLength: number): AsyncGenerator<InputLine[]> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let tooLong = false;
  let number = 0;
  const take = (text: string, batch: InputLine[]): void => {
    number += 1;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    batch.push({ text: tooLong || line.length > maxLength ? null : line, number });
    tooLong = false;
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer);
    const batch: InputLine[] = [];
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      take(pending.length === 0 ? text.slice(start, end) : pending + text.slice(start, end), batch);
      pending = "";
      start = end + 1;
    }
    if (!tooLong) {
      pending += text.slice(start);
      if (pending.length > maxLength) {
        tooLong = true;
        pending = "";
      }
    }
    if (batch.length > 0) yield batch;
  }
  const rest = pending + decoder.end();
  if (rest.length > 0 || tooLong) {
    const batch: InputLine[] = [];
    take(tooLong ? "" : rest, batch);
    yield batch;
  }
}

/** A whole text as the one chunk of a stream, for {@link lineBatches} (a test's stdin given as a string). */
export async function* textChunks(text: string): AsyncGenerator<string> {
  yield text;
}
