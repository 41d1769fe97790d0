/**
 * The one place the property suites of test/properties/ take their fast-check settings from.
 *
 * - `FC_SEED` (default 42): the seed of every property. CI runs the default, so a run is reproducible.
 * - `FC_PATH`: with `FC_SEED`, replays one failing case exactly (fast-check prints both on failure:
 *   `{ seed: 42, path: "17:3:0", endOnFailure: true }`). Use it with `-t "<test name>"` to run that property alone.
 * - `FC_RUNS`: a multiplier of every property's run count (default 1; e.g. `FC_RUNS=10` for a long fuzzing session).
 *
 * fast-check's own failure report (seed, path, shrunk counterexample) is kept: no custom reporter is installed.
 *
 *   FC_SEED=1234 npx vitest run test/properties
 *   FC_SEED=42 FC_PATH="17:3:0" npx vitest run test/properties -t "computeDeathBenefits"
 */
import type fc from "fast-check";

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new TypeError(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

export const FC_SEED: number = envInt("FC_SEED", 42);
const FC_PATH: string | undefined = process.env.FC_PATH === "" ? undefined : process.env.FC_PATH;
const FC_RUNS: number = Math.max(1, envInt("FC_RUNS", 1));

/** fast-check parameters: the seed (and replay path) from the environment, `numRuns` scaled by `FC_RUNS`. */
export function fcParams<T>(numRuns: number): fc.Parameters<T> {
  return {
    seed: FC_SEED,
    numRuns: numRuns * FC_RUNS,
    ...(FC_PATH === undefined ? {} : { path: FC_PATH, endOnFailure: true }),
  };
}
