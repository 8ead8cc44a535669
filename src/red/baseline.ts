/**
 * Baselines: a RED window saved under `.gini/baselines/NAME.json` by `gini red --save NAME`, for
 * `gini red --compare NAME` and `gini check --baseline NAME` to compare with later.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

import * as z from "zod";

import { displayPath, ensureGiniDir, giniDir, writePrivateJson } from "../config/index.js";
import { errorMessage, EXIT_USAGE, GiniError } from "../errors.js";
import type { RedWindow } from "./red-window.js";

/** A saved window: what it holds, when it was saved and by which gini. */
export interface Baseline extends RedWindow {
  name: string;
  /** ISO 8601. */
  savedAt: string;
  /** The gini version that saved it. */
  gini: string;
}

const figures = z.object({
  requestsPerSecond: z.number(),
  requests: z.number(),
  errorPercent: z.number().nullable(),
  latencyMs: z.object({
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
  }),
});
const schema = z.object({
  name: z.string(),
  savedAt: z.string(),
  gini: z.string(),
  range: z.object({ start: z.string(), end: z.string(), windowSeconds: z.number().positive() }),
  selection: z.object({
    spanKind: z.string().nullable(),
    service: z.string().nullable(),
    operation: z.string().nullable(),
  }),
  metrics: z.object({ calls: z.string(), duration: z.string(), unit: z.string() }),
  operations: z.array(
    figures.extend({
      service: z.string(),
      operation: z.string(),
      errors: z.number(),
      histogram: z.object({ boundsMs: z.array(z.number()), counts: z.array(z.number()) }),
    }),
  ),
  noData: z.null(),
});

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const LIST_HINT = "`gini red --baselines` lists the saved ones; `gini red --save NAME` saves one";

/** `.gini/baselines/`. */
const folder = (projectDir: string) => join(giniDir(projectDir), "baselines");

/** The file of a baseline; a name that is no file name is a usage error. */
export function baselinePath(projectDir: string, name: string): string {
  if (!NAME.test(name)) {
    throw new GiniError(`baseline name "${name}" is not a plain name`, {
      hint: "use letters, digits, '.', '-' and '_', e.g. before-cache",
      exitCode: EXIT_USAGE,
    });
  }
  return join(folder(projectDir), `${name}.json`);
}

/**
 * Writes a baseline (atomically, for the user only); an existing one of that name is replaced.
 * Returns its path.
 */
export async function saveBaseline(projectDir: string, baseline: Baseline): Promise<string> {
  const file = baselinePath(projectDir, baseline.name);
  await ensureGiniDir(projectDir, "baselines");
  await writePrivateJson(file, baseline);
  return file;
}

/** Reads a baseline; a missing or unreadable one is a one-line error naming the file. */
export async function readBaseline(projectDir: string, name: string): Promise<Baseline> {
  const file = baselinePath(projectDir, name);
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
    throw new GiniError(
      missing ? `no baseline "${name}": ${shown} does not exist` : `${shown}: ${errorMessage(err)}`,
      { hint: LIST_HINT },
    );
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new GiniError(`${shown}: not JSON (${errorMessage(err)})`, { hint: LIST_HINT });
  }
  const parsed = schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GiniError(
      `${shown}: not a gini baseline (${issue.path.join(".") || "document"}: ${issue.message})`,
      { hint: `save it again with \`gini red --save ${name}\`` },
    );
  }
  return parsed.data;
}

/** A saved baseline as `gini red --baselines` lists it: the baseline, or why it cannot be read. */
export type ListedBaseline = { name: string } & (
  { baseline: Baseline; problem?: undefined } | { baseline?: undefined; problem: string }
);

/** The saved baselines, sorted by name; none when the folder does not exist. */
export async function listBaselines(projectDir: string): Promise<ListedBaseline[]> {
  const files = await readdir(folder(projectDir)).catch(() => [] as string[]);
  const names = files
    .filter((f) => f.endsWith(".json") && NAME.test(f.slice(0, -".json".length)))
    .map((f) => f.slice(0, -".json".length))
    .sort();
  return Promise.all(
    names.map((name) =>
      readBaseline(projectDir, name).then(
        (baseline): ListedBaseline => ({ name, baseline }),
        (err: unknown): ListedBaseline => ({ name, problem: errorMessage(err) }),
      ),
    ),
  );
}
