/** docs/time-limits.md is generated from the catalogue, the calendars and computed examples. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { renderTimeLimitsDoc } from "./time-limits-doc.js";

test("docs/time-limits.md is generated from the code and its examples hold", () => {
  const generated = renderTimeLimitsDoc();
  const path = join(import.meta.dirname, "..", "..", "docs", "time-limits.md");
  if (process.env.UPDATE_DOCS === "1") writeFileSync(path, generated);
  expect(readFileSync(path, "utf8")).toBe(generated);
});
