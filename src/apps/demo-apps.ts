import { fileURLToPath } from "node:url";

import type { AppConfig } from "../config/index.js";

/** Quotes a word for /bin/sh, whatever characters the path holds. */
function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** `node <script>` for a demo script shipped beside this module (dist/demo/). */
function nodeCommand(script: string): string {
  const path = fileURLToPath(new URL(`../demo/${script}`, import.meta.url));
  return `${shellQuote(process.execPath)} ${shellQuote(path)}`;
}

/**
 * The apps gini runs when gini.yaml defines none: the demo API and UI, with the Node running
 * gini and the scripts of the installed package, so they work from any project folder. Their
 * OTEL_SERVICE_NAME is set here (the app's env wins over gini's `<app name>` default) so the
 * services are called gini-api and gini-ui.
 */
export function demoApps(): Record<string, AppConfig> {
  return {
    api: {
      command: nodeCommand("api.js"),
      env: { PORT: "8000", OTEL_SERVICE_NAME: "gini-api" },
      ready: "http://localhost:8000/health",
    },
    ui: {
      command: nodeCommand("ui.js"),
      env: { PORT: "7860", API_URL: "http://localhost:8000", OTEL_SERVICE_NAME: "gini-ui" },
      ready: "http://localhost:7860/",
      depends_on: ["api"],
    },
  };
}
