import { join } from "node:path";

import type { OtlpTransport } from "../schema.js";
import type { DetectedApp, Folder } from "./detected-app.js";
import { portIn, readText, sourceFiles } from "./project-files.js";
import { routeReadyPath } from "./ready-path.js";

const EXPORTER = "@opentelemetry/exporter-trace-otlp-";
const AUTO = "@opentelemetry/auto-instrumentations-node";
/** Packages that mean the app sets up the SDK in its own code. */
const OWN_SETUP = ["@opentelemetry/sdk-node", "@opentelemetry/sdk-trace-node", "gini-spm"];
/** Scripts tried in this order, as the command they become. */
const SCRIPTS: Record<string, string> = {
  start: "npm start",
  dev: "npm run dev",
  serve: "npm run serve",
};
/** Dev servers whose default port and `/` page are known. */
const DEV_SERVERS: [RegExp, number][] = [
  [/\bnext\b/, 3000],
  [/\bnuxt\b/, 3000],
  [/\breact-scripts start\b/, 3000],
  [/\bvite\b/, 5173],
];

/** A Node app: package.json with a start, dev or serve script. */
export function detectNode(folder: Folder): DetectedApp | undefined {
  const pkg = parse(readText(join(folder.path, "package.json")));
  if (!pkg) return undefined;
  const scripts = stringsOf(pkg.scripts);
  const script = Object.keys(SCRIPTS).find((name) => scripts[name]);
  // A workspace root's start script usually starts the workspaces, which are found on their own.
  if (!script || (!folder.rel && pkg.workspaces)) return undefined;
  const deps = { ...stringsOf(pkg.dependencies), ...stringsOf(pkg.devDependencies) };
  const has = (name: string) => name in deps;
  const body = scripts[script]!;
  const notes = [`Node: package.json script "${script}" (${body})`];
  const app: DetectedApp = {
    kind: "Node",
    name: typeof pkg.name === "string" ? pkg.name.replace(/^@[^/]+\//, "") : "",
    cwd: folder.rel,
    command: SCRIPTS[script]!,
    otlp: "grpc",
    notes,
  };
  const http = ["http", "proto"].map((p) => EXPORTER + p).filter(has);
  const grpc = has(`${EXPORTER}grpc`);
  const ownSetup =
    http.length > 0 || grpc || OWN_SETUP.some(has) || /--(?:require|import)\b/.test(body);
  if (has(AUTO) && !ownSetup) {
    // The register module starts the SDK from the OTEL_* variables, the protocol among them.
    app.env = { NODE_OPTIONS: `--require ${AUTO}/register` };
    notes.push(`Node: ${AUTO} without an SDK setup of its own: preloaded by NODE_OPTIONS`);
  } else {
    app.otlp = protocol(http, grpc, notes);
  }
  if (!has(AUTO) && !ownSetup) {
    notes.push("Node: no OpenTelemetry package in package.json: add one to see traces");
  }
  const server = DEV_SERVERS.find(([pattern]) => pattern.test(body));
  const sources = sourceFiles(folder.path, [".js", ".mjs", ".cjs", ".ts"]);
  app.port =
    portIn(body, /\bPORT=(\d+)/) ??
    portIn(body, /(?:--port[= ]|-p )(\d+)/) ??
    portIn(readText(join(folder.path, ".env")), /^PORT=["']?(\d+)/m) ??
    server?.[1] ??
    sources.map((f) => listenPort(readText(join(folder.path, f)))).find(Boolean);
  app.readyPath = server ? "/" : routeReadyPath(folder.path, sources);
  return app;
}

function protocol(http: string[], grpc: boolean, notes: string[]): OtlpTransport {
  if (http.length && !grpc) {
    notes.push(`Node: package.json depends on ${http[0]}, which speaks OTLP/HTTP`);
    return "http";
  }
  if (http.length && grpc) {
    notes.push(
      `Node: package.json depends on ${EXPORTER}grpc and ${http[0]}: grpc assumed; ` +
        "write otlp: http if the app exports with the HTTP one",
    );
  } else if (grpc) {
    notes.push(`Node: package.json depends on ${EXPORTER}grpc, which speaks OTLP/gRPC`);
  }
  return "grpc";
}

/** `process.env.PORT || 3000` or `.listen(3000`: the port a server falls back to. */
const listenPort = (text: string | undefined) =>
  portIn(text, /process\.env\.PORT\s*(?:\|\||\?\?)\s*["']?(\d{2,5})/) ??
  portIn(text, /\.listen\(\s*(\d{2,5})\b/);

function parse(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return data && typeof data === "object" ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringsOf(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}
