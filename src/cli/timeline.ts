/**
 * `zhishang timeline <file>`: a scenario's dates in order — the dates it supplies, each deadline computed with
 * whether the supplied date that answers it met it, and the dated periods — as Markdown (a table and a Mermaid
 * gantt chart), the Mermaid chart alone, or JSON (src/deadlines/timeline.ts).
 */
import { renderTimeline, scenarioTimeline, TIMELINE_FORMATS, TIMELINE_KINDS } from "../deadlines/timeline.js";
import { choice, errorLine, HELP_OPTION, parseCommand, parseJson, readTextFile, RULE_SET_HELP, RULE_SET_OPTION, ruleSetRegistry, typed, usageError, type CliIO } from "./io.js";

export const TIMELINE_USAGE = `Usage: zhishang timeline [--rule-set <file>]... <scenario-file> [--format markdown|mermaid|json] [--lang zh|en]
  A scenario's dates in date order: the dates it supplies, each deadline computed with whether the date supplied
  for it met it (met / missed by N days / not yet known), and the dated periods. Kinds:
  ${TIMELINE_KINDS.slice(0, 4).join(", ")},
  ${TIMELINE_KINDS.slice(4).join(", ")}.
  --format markdown   a Markdown table and a Mermaid gantt chart in a \`\`\`mermaid block (the default)
  --format mermaid    the Mermaid gantt chart alone
  --format json       the timeline as JSON (the Timeline type, docs/scenarios.md)
  --lang zh|en        the language of the labels (default zh; json carries both)
${RULE_SET_HELP}
`;

export function timelineCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "timeline", TIMELINE_USAGE, {
    args: [...args],
    options: { lang: { type: "string" }, format: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: true,
  });
  if (typeof parsed === "number") return parsed;
  const lang = choice(io, "timeline", TIMELINE_USAGE, "lang", parsed.values.lang, ["zh", "en"], "zh");
  if (lang === null) return 2;
  const format = choice(io, "timeline", TIMELINE_USAGE, "format", parsed.values.format, TIMELINE_FORMATS, "markdown");
  if (format === null) return 2;
  const [file, ...more] = parsed.positionals;
  if (file === undefined || more.length > 0) return usageError(io, "timeline", "give one scenario file", TIMELINE_USAGE);
  const registry = ruleSetRegistry(io, parsed.values["rule-set"]);
  if (registry === null) return 2;
  const read = readTextFile(file);
  if (!read.ok) {
    io.stderr(`zhishang timeline: ${read.error.messageEn}\n`);
    return 2;
  }
  const input = parseJson(read.text, file);
  if (!input.ok) {
    io.stdout(errorLine(input.error));
    return 1;
  }
  const r = typed(() => renderTimeline(scenarioTimeline(input.value, { registry }), { format, lang }), (e) => io.stdout(errorLine(e)));
  if (!r.ok) return 1;
  io.stdout(r.value);
  return 0;
}
