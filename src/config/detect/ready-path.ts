import { join } from "node:path";

import { readText } from "./project-files.js";

/**
 * A route registered in code, in the frameworks' own words: Express and chi `get("/")`, Flask
 * `route("/")`, FastAPI `get("/")`, Go `HandleFunc("/")`, ASP.NET `MapGet("/")` and
 * `MapHealthChecks("/health")`, Spring `GetMapping("/")`.
 */
const ROUTE =
  /\b(?:get|route|api_route|HandleFunc|Handle|MapGet|MapHealthChecks|GetMapping|RequestMapping)\(\s*(?:path\s*=\s*|value\s*=\s*)?["'`](\/(?:health|healthz|ping|ready|status)?)["'`]/gi;

/**
 * A path the app's own code answers, read from its sources: a health route when there is one, else
 * `/`. gini waits for a 2xx on the ready URL, so a path nobody registered would fail `gini up`.
 */
export function routeReadyPath(dir: string, files: readonly string[]): string | undefined {
  const paths = new Set<string>();
  for (const file of files) {
    for (const match of (readText(join(dir, file)) ?? "").matchAll(ROUTE)) paths.add(match[1]!);
  }
  return [...paths].sort((a, b) => b.length - a.length)[0];
}
