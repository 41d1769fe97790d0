/**
 * A structural check of a Mermaid `gantt` chart as zhishang writes it (src/deadlines/timeline.ts), against the
 * grammar of Mermaid's gantt diagrams (https://mermaid.js.org/syntax/gantt.html) as GitHub renders them:
 *
 * - the first line is `gantt`; then only `title …`, `dateFormat …`, `axisFormat …`, `%% …` comments,
 *   `section …` and task lines `<text> :<data>`; no blank line except the final newline;
 * - `dateFormat YYYY-MM-DD` comes before any task, and every task belongs to a section;
 * - a title, a section name or a task's text is not empty and holds none of `:`, `;`, `#` (Mermaid's separators
 *   and entity marker);
 * - a task's data is `[tags, ]id, start, end`: tags among `active`, `done`, `crit`, `milestone` (each once, before
 *   the id), an id unique in the chart (`[A-Za-z][A-Za-z0-9_]*`), a start that is a calendar date, and an end that
 *   is `0d` for a milestone, else a calendar date after the start (Mermaid's end dates are exclusive).
 *
 * Returns the problems found (empty when the chart is well formed) and the tasks read, for the tests to check.
 */

export interface GanttTask {
  readonly section: string;
  readonly text: string;
  readonly tags: readonly string[];
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

export interface GanttCheck {
  readonly problems: string[];
  readonly title: string | null;
  readonly sections: string[];
  readonly tasks: GanttTask[];
}

const TAGS = new Set(["active", "done", "crit", "milestone"]);
const SEPARATORS = /[:;#]/;

function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function checkGantt(chart: string): GanttCheck {
  const problems: string[] = [];
  const sections: string[] = [];
  const tasks: GanttTask[] = [];
  const ids = new Set<string>();
  let title: string | null = null;
  let dateFormat = false;
  let section: string | null = null;
  if (!chart.endsWith("\n")) problems.push("the chart does not end with a newline");
  const lines = chart.replace(/\n$/, "").split("\n");
  if (lines[0] !== "gantt") problems.push(`first line ${JSON.stringify(lines[0])} is not "gantt"`);
  lines.slice(1).forEach((raw, k) => {
    const at = `line ${k + 2}`;
    const line = raw.trim();
    if (line === "") {
      problems.push(`${at}: blank line`);
      return;
    }
    if (line.startsWith("%%")) return;
    const keyword = /^(title|dateFormat|axisFormat|section) (.+)$/.exec(line);
    if (keyword !== null) {
      const [, key, rest] = keyword as unknown as [string, string, string];
      if (key === "dateFormat") {
        if (rest !== "YYYY-MM-DD") problems.push(`${at}: dateFormat ${rest}`);
        dateFormat = true;
      } else if (key === "axisFormat") {
        if (!/^(%[a-zA-Z]|[-/ .])+$/.test(rest)) problems.push(`${at}: axisFormat ${rest}`);
      } else if (SEPARATORS.test(rest)) {
        problems.push(`${at}: ${key} holds a separator: ${rest}`);
      } else if (key === "title") {
        title = rest;
      } else {
        section = rest;
        sections.push(rest);
      }
      return;
    }
    const colon = line.indexOf(" :");
    if (colon <= 0) {
      problems.push(`${at}: neither a statement nor a task: ${line}`);
      return;
    }
    const text = line.slice(0, colon).trim();
    const data = line.slice(colon + 2).split(",").map((p) => p.trim());
    if (text === "" || SEPARATORS.test(text)) problems.push(`${at}: task text empty or holding a separator: ${JSON.stringify(text)}`);
    if (!dateFormat) problems.push(`${at}: a task before dateFormat`);
    if (section === null) problems.push(`${at}: a task outside any section`);
    const tags: string[] = [];
    while (data.length > 0 && TAGS.has(data[0] as string)) tags.push(data.shift() as string);
    if (new Set(tags).size !== tags.length) problems.push(`${at}: a tag twice`);
    if (data.length !== 3) {
      problems.push(`${at}: expected id, start and end after the tags: ${line}`);
      return;
    }
    const [id, start, end] = data as [string, string, string];
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(id)) problems.push(`${at}: bad id ${id}`);
    if (ids.has(id)) problems.push(`${at}: id ${id} used twice`);
    ids.add(id);
    if (!isCalendarDate(start)) problems.push(`${at}: start ${start} is not a calendar date`);
    if (tags.includes("milestone")) {
      if (end !== "0d") problems.push(`${at}: a milestone ends ${end}, not 0d`);
    } else if (!isCalendarDate(end) || !(end > start)) {
      problems.push(`${at}: end ${end} is not a calendar date after ${start}`);
    }
    tasks.push({ section: section ?? "", text, tags, id, start, end });
  });
  return { problems, title, sections, tasks };
}
