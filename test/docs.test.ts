/** Generated documentation stays in step with the code. */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { renderProvincesDoc } from "./support/provinces-doc.js";

const DOCS = join(import.meta.dirname, "..", "docs");

test("docs/provinces.md is generated from the rule sets", () => {
  const generated = renderProvincesDoc();
  const path = join(DOCS, "provinces.md");
  if (process.env.UPDATE_DOCS === "1") writeFileSync(path, generated);
  expect(readFileSync(path, "utf8")).toBe(generated);
});
