import { stringify } from "yaml";

import type { DetectedApp } from "./detected-app.js";

/** What gini left for the user to decide about one app, one line each (`gini init` prints them). */
export function guessesOf(app: DetectedApp): string[] {
  if (app.unsure) return [`entry left commented: ${app.unsure}`];
  if (app.port === undefined) return ["ready: left commented: no port found"];
  if (app.readyPath === undefined) {
    return [`ready: left commented: no route on port ${app.port} known to answer 2xx`];
  }
  return [];
}

/**
 * gini.yaml's text: the template up to its commented `apps:` example, then the detected apps, each
 * under a comment saying what was found and why. No apps: the template as it is.
 */
export function giniYamlText(template: string, apps: readonly DetectedApp[]): string {
  if (apps.length === 0) return template;
  const at = template.indexOf("# apps:");
  const head = at >= 0 ? template.slice(0, at) : `${template.trimEnd()}\n\n`;
  // An `apps:` key with every entry commented would be null, which the schema refuses.
  const lines = [apps.some((app) => !app.unsure) ? "apps:" : "# apps:"];
  for (const app of apps) {
    lines.push(...app.notes.map((note) => `  # ${note}`));
    const entry = entryLines(app);
    if (app.unsure) {
      lines.push(`  # gini could not tell: ${app.unsure}; uncomment and adjust:`);
      lines.push(...entry.map((line) => `  # ${line.slice(2)}`));
    } else lines.push(...entry);
  }
  return `${head}${lines.join("\n")}\n`;
}

/** The entry's lines, indented as under `apps:`. */
function entryLines(app: DetectedApp): string[] {
  const lines = [`  ${app.name}:`, `    command: ${scalar(app.command)}`];
  if (app.cwd) lines.push(`    cwd: ${scalar(app.cwd)}`);
  if (app.otlp === "http") lines.push("    otlp: http");
  if (app.env) {
    lines.push("    env:");
    for (const [key, value] of Object.entries(app.env))
      lines.push(`      ${key}: ${scalar(value)}`);
  }
  const url = `http://localhost:${app.port ?? "PORT"}${app.readyPath ?? "/"}`;
  if (app.port !== undefined && app.readyPath !== undefined) lines.push(`    ready: ${url}`);
  else {
    const why =
      app.port === undefined
        ? "no port found: write the URL that answers 2xx once the app is up"
        : "no route known to answer 2xx: check the path";
    lines.push(`    # ready: ${url}   # ${why}`);
  }
  return lines;
}

/** A YAML scalar, quoted only where YAML needs it. */
const scalar = (value: string) => stringify(value).trimEnd();
