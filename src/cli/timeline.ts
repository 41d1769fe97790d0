/** `zhishang timeline <file>`: a claim-deadlines scenario as a dated Markdown table and a Mermaid gantt chart. */
import type { ClaimDeadlines } from "../deadlines/claim.js";
import { renderClaimTimeline } from "../deadlines/timeline.js";
import { invalidInput } from "../core/errors.js";
import { evaluateScenario } from "../scenario/scenario.js";
import { loadRuleSet, type RuleSetRegistry } from "../provinces/registry.js";
import type { RuleSet } from "../provinces/schema.js";
import { choice, errorLine, HELP_OPTION, parseCommand, parseJson, readTextFile, RULE_SET_HELP, RULE_SET_OPTION, ruleSetRegistry, typed, usageError, type CliIO } from "./io.js";

export const TIMELINE_USAGE = `Usage: zhishang timeline [--rule-set <file>]... <scenario-file> [--lang zh|en]
  The deadlines of a claim-deadlines scenario in date order: a Markdown table and a Mermaid gantt chart.
${RULE_SET_HELP}
`;

export function timelineCommand(args: readonly string[], io: CliIO): number {
  const parsed = parseCommand(io, "timeline", TIMELINE_USAGE, {
    args: [...args],
    options: { lang: { type: "string" }, ...RULE_SET_OPTION, ...HELP_OPTION },
    allowPositionals: true,
  });
  if (parsed === null) return 2;
  if (parsed.values.help === true) {
    io.stdout(TIMELINE_USAGE);
    return 0;
  }
  const lang = choice(io, "timeline", TIMELINE_USAGE, "lang", parsed.values.lang, ["zh", "en"], "zh");
  if (lang === null) return 2;
  const [file, ...more] = parsed.positionals;
  if (file === undefined || more.length > 0) return usageError(io, "timeline", "give one claim-deadlines scenario file", TIMELINE_USAGE);
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
  const scenario = input.value as { kind?: unknown; ruleSet?: unknown } | null;
  if (scenario === null || typeof scenario !== "object" || scenario.kind !== "claim-deadlines") {
    const kind = scenario !== null && typeof scenario === "object" ? scenario.kind : undefined;
    io.stdout(errorLine(invalidInput(["kind"], `timeline needs a claim-deadlines scenario, not kind ${JSON.stringify(kind ?? null)}`,
      `timeline 需要 claim-deadlines 场景，而非 ${JSON.stringify(kind ?? null)}`)));
    return 1;
  }
  const r = typed(() => {
    const evaluated = evaluateScenario(scenario, { registry });
    const version = versionUsed(evaluated.ruleSet, scenario, registry);
    return renderClaimTimeline(
      {
        value: evaluated.output as unknown as ClaimDeadlines,
        explanation: evaluated.explanation,
        ...(evaluated.ruleSet === undefined ? {} : { ruleSet: evaluated.ruleSet }),
      },
      { lang, ...(version === undefined ? {} : { rules: version }) },
    );
  }, (e) => io.stdout(errorLine(e)));
  if (!r.ok) return 1;
  io.stdout(`${r.value.markdown}\n\`\`\`mermaid\n${r.value.mermaid}\`\`\`\n`);
  return 0;
}

/**
 * The version the evaluation used (its `ruleSet` id, `+overrides` dropped), for the timeline's heading: from the
 * registry (bundled and `--rule-set` files), or the scenario's own `ruleSet`.
 */
function versionUsed(id: string | undefined, scenario: { ruleSet?: unknown }, registry: RuleSetRegistry): RuleSet | undefined {
  if (id === undefined) return undefined;
  const base = id.endsWith("+overrides") ? id.slice(0, -"+overrides".length) : id;
  const held = registry.byId(base);
  if (held !== undefined || scenario.ruleSet === undefined) return held;
  const inline = loadRuleSet(scenario.ruleSet, registry);
  return inline.id === base ? inline : undefined;
}
