/**
 * The process-level data options of `run`, `eval` and `serve` — `--rule-set <file>`, `--calendar <file>` (both
 * repeatable) and `--statistics <file>` — read, parsed and checked once at start (src/scenario/batch.ts,
 * `loadProcessData`): a file that cannot be read or is refused stops the command before any scenario runs.
 */
import { isZhishangError, ZhishangError } from "../core/errors.js";
import { dataFileOf, loadProcessData, type DataFile, type ProcessData, type ProcessDataFiles } from "../scenario/batch.js";
import { readJsonFile } from "./files.js";

/** The three options, for `parseArgs` (each repeatable). */
export const PROCESS_DATA_OPTIONS = {
  "rule-set": { type: "string", multiple: true },
  calendar: { type: "string", multiple: true },
  statistics: { type: "string", multiple: true },
} as const;

/** Their text in a command's help. */
export const PROCESS_DATA_HELP = `  --rule-set <file>   load a rule-set file (JSON, schemas/rule-set.json) for this command; repeatable,
                      loaded in order (a later file may extend an earlier one)
  --calendar <file>   extra holiday years (a year in the scenario "calendars" format, or an array of them);
                      repeatable; a scenario's own calendars replace the same year
  --statistics <file> dated statistics (schemas/statistics.json), e.g. a year's national urban per-capita
                      disposable income; repeatable, a later file's year replaces an earlier one's
  A data file that cannot be read or is invalid stops the command (exit 2) before any scenario runs.`;

/** The file names given to the options, by kind of data (absent options: none). */
export interface ProcessDataPaths {
  readonly ruleSets?: readonly string[] | undefined;
  readonly calendars?: readonly string[] | undefined;
  readonly statistics?: readonly string[] | undefined;
}

/** The values of {@link PROCESS_DATA_OPTIONS} as `parseArgs` gives them. */
export interface ProcessDataValues {
  readonly "rule-set"?: string[] | undefined;
  readonly calendar?: string[] | undefined;
  readonly statistics?: string[] | undefined;
}

/** {@link ProcessDataValues} as {@link ProcessDataPaths}. */
export function processDataPaths(values: ProcessDataValues): ProcessDataPaths {
  return { ruleSets: values["rule-set"], calendars: values.calendar, statistics: values.statistics };
}

/**
 * The process data of the files named: each read and parsed (a file that cannot be read or is not JSON is a
 * typed error naming it: `RULE_SET_INVALID` for a rule-set file, else `INVALID_INPUT`), then checked together by
 * `loadProcessData`. `{ ok: false, file, error }` names the file refused (`file` undefined for an error of none).
 */
export function readProcessData(paths: ProcessDataPaths): { ok: true; data: ProcessData } | { ok: false; file: string | undefined; error: ZhishangError } {
  const files: { ruleSets: DataFile[]; calendars: DataFile[]; statistics: DataFile[] } = { ruleSets: [], calendars: [], statistics: [] };
  const kinds: Array<[keyof ProcessDataFiles, readonly string[] | undefined]> = [["ruleSets", paths.ruleSets], ["calendars", paths.calendars], ["statistics", paths.statistics]];
  for (const [kind, names] of kinds) {
    for (const file of names ?? []) {
      const read = readJsonFile(file, kind === "ruleSets" ? "RULE_SET_INVALID" : "INVALID_INPUT");
      if (!read.ok) return { ok: false, file, error: read.error };
      files[kind].push({ file, value: read.value });
    }
  }
  try {
    return { ok: true, data: loadProcessData(files) };
  } catch (e) {
    if (!isZhishangError(e)) throw e;
    return { ok: false, file: dataFileOf(e), error: e };
  }
}
