/**
 * Checkers of the machine-readable report formats, written from their specifications (no XML, XSD or YAML library
 * is a dependency):
 *
 * - {@link parseXml}: an XML 1.0 parser for what reports contain (declaration, elements, attributes, text,
 *   character and the five predefined entity references, comments); it refuses what is not well-formed — a raw
 *   `<` or `&`, a tag closed by another name, a repeated attribute, a character XML 1.0 does not allow.
 * - {@link checkJunit}: the structure of the JUnit XML that CI servers read (the Jenkins / Apache Ant schema,
 *   junit-10.xsd): `testsuites` of `testsuite` (name, tests, failures, errors, skipped, time) of `testcase` (name,
 *   classname, time) holding `failure` (message, type), `error`, `skipped`, `system-out`, `system-err`; only the
 *   attributes that schema defines, integer counts and decimal times, and counts that agree with the cases.
 * - {@link parseTap}: TAP version 14 — the version line, one plan `1..N`, test points `ok` / `not ok` numbered 1…N
 *   in order, each optionally followed by a YAML diagnostics block indented by two spaces between `  ---` and
 *   `  ...`, comments; descriptions with `#` and `\` escaped. The YAML of the blocks is read for the subset the
 *   reporter writes (mappings and sequences by indentation, every scalar in JSON form, which YAML 1.2 reads alike).
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (character data directly inside it), entity references decoded. */
  readonly text: string;
}

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function decode(raw: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`${where}: a raw < or & in ${JSON.stringify(raw.slice(0, 60))}`);
  return raw.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return '"';
      case "apos": return "'";
      default: {
        const cp = e.startsWith("#x") ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        const c = String.fromCodePoint(cp);
        if (!XML_CHAR.test(c)) throw new Error(`${where}: character reference to a character XML does not allow (${e})`);
        return c;
      }
    }
  });
}

/** The root element of an XML document; throws when the document is not well-formed. */
export function parseXml(doc: string): XmlElement {
  if (!XML_CHAR.test(doc)) throw new Error("a character XML 1.0 does not allow");
  let at = 0;
  const decl = /^<\?xml version="1\.0"( encoding="UTF-8")?\?>\n?/.exec(doc);
  if (decl === null) throw new Error("no XML declaration");
  at = decl[0].length;
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(doc.slice(at)) as RegExpExecArray;
      at += ws[0].length;
      if (doc.startsWith("<!--", at)) {
        const end = doc.indexOf("-->", at);
        if (end < 0) throw new Error("unclosed comment");
        at = end + 3;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (doc[at] !== "<") throw new Error(`expected < at ${at}`);
    at += 1;
    const name = NAME.exec(doc.slice(at))?.[0];
    if (name === undefined) throw new Error(`expected an element name at ${at}`);
    at += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(doc.slice(at));
      if (m === null) break;
      const key = m[1] as string;
      if (Object.hasOwn(attributes, key)) throw new Error(`${name}: attribute ${key} twice`);
      // attribute-value normalisation: a literal newline or tab reads as a space; &#10; keeps a newline
      attributes[key] = decode((m[3] ?? m[4] ?? "").replace(/[\t\n\r]/g, " "), `${name}@${key}`);
      at += m[0].length;
    }
    const close = /^\s*(\/?)>/.exec(doc.slice(at));
    if (close === null) throw new Error(`${name}: malformed start tag at ${at}`);
    at += close[0].length;
    const children: XmlElement[] = [];
    let text = "";
    if (close[1] === "/") return { name, attributes, children, text };
    for (;;) {
      const lt = doc.indexOf("<", at);
      if (lt < 0) throw new Error(`${name}: not closed`);
      text += decode(doc.slice(at, lt), name);
      at = lt;
      if (doc.startsWith("</", at)) {
        const end = new RegExp(`^</${name.replace(/[.]/g, "\\.")}\\s*>`).exec(doc.slice(at));
        if (end === null) throw new Error(`${name}: closed by another tag at ${at}`);
        at += end[0].length;
        return { name, attributes, children, text };
      }
      if (doc.startsWith("<!--", at)) {
        const end = doc.indexOf("-->", at);
        if (end < 0) throw new Error("unclosed comment");
        at = end + 3;
        continue;
      }
      if (doc.startsWith("<![CDATA[", at) || doc.startsWith("<?", at) || doc.startsWith("<!", at)) throw new Error("CDATA, processing instructions and declarations are not expected in a report");
      children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (at !== doc.length) throw new Error(`content after the root element at ${at}`);
  return root;
}

/** The Jenkins / Ant JUnit schema (junit-10.xsd): attributes and children each element may have. */
const JUNIT: Readonly<Record<string, { attributes: readonly string[]; required: readonly string[]; children: readonly string[]; text: boolean }>> = {
  testsuites: { attributes: ["name", "time", "tests", "failures", "errors", "skipped", "disabled"], required: [], children: ["testsuite"], text: false },
  testsuite: {
    attributes: ["name", "tests", "failures", "errors", "skipped", "time", "disabled", "timestamp", "hostname", "id", "package", "file", "log", "url", "version", "group"],
    required: ["name", "tests"],
    children: ["properties", "testcase", "system-out", "system-err"],
    text: false,
  },
  properties: { attributes: [], required: [], children: ["property"], text: false },
  property: { attributes: ["name", "value"], required: ["name", "value"], children: [], text: false },
  testcase: { attributes: ["name", "classname", "time", "assertions", "status", "file", "line", "group"], required: ["name"], children: ["skipped", "error", "failure", "system-out", "system-err", "properties"], text: false },
  failure: { attributes: ["message", "type"], required: [], children: [], text: true },
  error: { attributes: ["message", "type"], required: [], children: [], text: true },
  skipped: { attributes: ["message"], required: [], children: [], text: true },
  "system-out": { attributes: [], required: [], children: [], text: true },
  "system-err": { attributes: [], required: [], children: [], text: true },
};
const COUNTS = ["tests", "failures", "errors", "skipped", "disabled"];

/** The problems of a JUnit XML report against the schema (empty when it conforms). */
export function checkJunit(doc: string, required: { testsuite: readonly string[]; testcase: readonly string[]; failure: readonly string[] }): string[] {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(doc);
  } catch (e) {
    return [`not well-formed: ${(e as Error).message}`];
  }
  const walk = (el: XmlElement, where: string): void => {
    const rule = JUNIT[el.name];
    if (rule === undefined) {
      problems.push(`${where}: unknown element`);
      return;
    }
    for (const a of Object.keys(el.attributes)) if (!rule.attributes.includes(a)) problems.push(`${where}: attribute ${a} not in the schema`);
    const must = [...rule.required, ...((required as Record<string, readonly string[]>)[el.name] ?? [])];
    for (const a of must) if (!Object.hasOwn(el.attributes, a)) problems.push(`${where}: attribute ${a} missing`);
    for (const a of COUNTS) if (el.attributes[a] !== undefined && !/^\d+$/.test(el.attributes[a] as string)) problems.push(`${where}: ${a} is not an integer`);
    if (el.attributes.time !== undefined && !/^\d+(\.\d+)?$/.test(el.attributes.time)) problems.push(`${where}: time is not a decimal`);
    if (!rule.text && el.text.trim() !== "") problems.push(`${where}: text where the schema has none`);
    for (const c of el.children) if (!rule.children.includes(c.name)) problems.push(`${where}: ${c.name} not allowed in ${el.name}`);
    el.children.forEach((c, k) => walk(c, `${where}/${c.name}[${k}]`));
  };
  if (root.name !== "testsuites") problems.push(`the root is ${root.name}, not testsuites`);
  walk(root, root.name);
  const cases = (s: XmlElement) => s.children.filter((c) => c.name === "testcase");
  const failed = (s: XmlElement) => cases(s).filter((c) => c.children.some((x) => x.name === "failure")).length;
  const suites = root.children.filter((c) => c.name === "testsuite");
  for (const s of suites) {
    if (Number(s.attributes.tests) !== cases(s).length) problems.push(`testsuite ${s.attributes.name}: tests=${s.attributes.tests}, ${cases(s).length} cases`);
    if (Number(s.attributes.failures ?? 0) !== failed(s)) problems.push(`testsuite ${s.attributes.name}: failures=${s.attributes.failures}, ${failed(s)} failed cases`);
  }
  const total = suites.reduce((n, s) => n + cases(s).length, 0);
  const totalFailed = suites.reduce((n, s) => n + failed(s), 0);
  if (root.attributes.tests !== undefined && Number(root.attributes.tests) !== total) problems.push(`testsuites: tests=${root.attributes.tests}, ${total} cases`);
  if (root.attributes.failures !== undefined && Number(root.attributes.failures) !== totalFailed) problems.push(`testsuites: failures=${root.attributes.failures}, ${totalFailed} failed`);
  return problems;
}

/** Every element named `name` under `el` (itself included), document order. */
export function elements(el: XmlElement, name: string): XmlElement[] {
  return [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => elements(c, name))];
}

export type Yaml = string | number | boolean | null | Yaml[] | { [k: string]: Yaml };

export interface TapPoint {
  readonly ok: boolean;
  readonly number: number;
  /** The description, escapes (`\#`, `\\`) undone. */
  readonly description: string;
  readonly diagnostics?: { [k: string]: Yaml };
}

function unescapeDescription(raw: string): string {
  let out = "";
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k] as string;
    if (c === "\\" && (raw[k + 1] === "\\" || raw[k + 1] === "#")) {
      out += raw[k + 1];
      k += 1;
    } else if (c === "#") throw new Error(`an unescaped # in a description (a directive): ${raw}`);
    else out += c;
  }
  return out;
}

/** The YAML subset of the diagnostics: `key: <json>`, `key:` then a deeper mapping or a `- ` sequence. */
function parseYamlBlock(lines: readonly string[]): { [k: string]: Yaml } {
  const indentOf = (l: string) => (/^ */.exec(l) as RegExpExecArray)[0].length;
  return mappingOf(lines, 2);

  function mappingOf(block: readonly string[], indent: number): { [k: string]: Yaml } {
    const map: { [k: string]: Yaml } = {};
    let k = 0;
    while (k < block.length) {
      const line = block[k] as string;
      if (indentOf(line) !== indent) throw new Error(`unexpected indentation: ${JSON.stringify(line)}`);
      const m = /^([A-Za-z][A-Za-z0-9]*):( (.*))?$/.exec(line.slice(indent));
      if (m === null) throw new Error(`not a mapping pair: ${JSON.stringify(line)}`);
      const key = m[1] as string;
      if (Object.hasOwn(map, key)) throw new Error(`key ${key} twice`);
      k += 1;
      if (m[3] !== undefined) {
        map[key] = JSON.parse(m[3]) as Yaml;
        continue;
      }
      const inner: string[] = [];
      while (k < block.length && indentOf(block[k] as string) > indent) inner.push(block[k++] as string);
      if (inner.length === 0) throw new Error(`key ${key} without a value`);
      const innerIndent = indentOf(inner[0] as string);
      if ((inner[0] as string).slice(innerIndent).startsWith("- ")) map[key] = sequenceOf(inner, innerIndent);
      else map[key] = mappingOf(inner, innerIndent);
    }
    return map;
  }

  function sequenceOf(block: readonly string[], indent: number): Yaml[] {
    const items: Yaml[] = [];
    let k = 0;
    while (k < block.length) {
      const line = block[k] as string;
      if (indentOf(line) !== indent || !line.slice(indent).startsWith("- ")) throw new Error(`not a sequence item: ${JSON.stringify(line)}`);
      const rest = line.slice(indent + 2);
      k += 1;
      if (/^[A-Za-z][A-Za-z0-9]*:( |$)/.test(rest)) {
        const item = [" ".repeat(indent + 2) + rest];
        while (k < block.length && indentOf(block[k] as string) > indent) item.push(block[k++] as string);
        items.push(mappingOf(item, indent + 2));
      } else items.push(JSON.parse(rest) as Yaml);
    }
    return items;
  }
}

/** The test points of a TAP version 14 document; throws when it does not follow the specification. */
export function parseTap(doc: string): { plan: number; points: TapPoint[]; comments: string[] } {
  if (!doc.endsWith("\n")) throw new Error("the last line is not terminated");
  const lines = doc.slice(0, -1).split("\n");
  if (lines[0] !== "TAP version 14") throw new Error(`the first line is ${JSON.stringify(lines[0])}, not "TAP version 14"`);
  let plan: number | undefined;
  const points: TapPoint[] = [];
  const comments: string[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k] as string;
    const planMatch = /^1\.\.(\d+)$/.exec(line);
    if (planMatch !== null) {
      if (plan !== undefined) throw new Error("two plans");
      if (points.length > 0 && k !== lines.length - 1) throw new Error("a plan between test points");
      plan = Number(planMatch[1]);
      continue;
    }
    const point = /^(not ok|ok)(?: (\d+))?(?: - (.*))?$/.exec(line);
    if (point !== null) {
      const number = Number(point[2]);
      if (number !== points.length + 1) throw new Error(`test point ${point[2]} where ${points.length + 1} is due`);
      let diagnostics: { [k: string]: Yaml } | undefined;
      if (lines[k + 1] === "  ---") {
        const end = lines.indexOf("  ...", k + 2);
        if (end < 0) throw new Error(`the YAML block of test ${number} is not closed by "  ..."`);
        const block = lines.slice(k + 2, end);
        for (const b of block) if (!b.startsWith("  ")) throw new Error(`a YAML line not indented by two spaces: ${JSON.stringify(b)}`);
        diagnostics = parseYamlBlock(block);
        k = end;
      }
      points.push({ ok: point[1] === "ok", number, description: unescapeDescription(point[3] ?? ""), ...(diagnostics === undefined ? {} : { diagnostics }) });
      continue;
    }
    if (line.startsWith("#")) {
      comments.push(line.replace(/^# ?/, ""));
      continue;
    }
    if (line.trim() === "") continue;
    throw new Error(`a line TAP 14 does not define: ${JSON.stringify(line)}`);
  }
  if (plan === undefined) throw new Error("no plan");
  if (plan !== points.length) throw new Error(`plan 1..${plan}, ${points.length} test points`);
  return { plan, points, comments };
}
