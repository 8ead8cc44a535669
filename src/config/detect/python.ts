import { basename, join } from "node:path";

import type { OtlpTransport } from "../schema.js";
import type { DetectedApp, Folder } from "./detected-app.js";
import { listDir, portIn, readText } from "./project-files.js";
import { routeReadyPath } from "./ready-path.js";

const DEP_FILES = ["requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "setup.cfg"];
const HTTP = "opentelemetry-exporter-otlp-proto-http";
const GRPC = ["opentelemetry-exporter-otlp-proto-grpc", "opentelemetry-exporter-otlp"];

/**
 * A Python web app: a FastAPI, Flask or Gradio app in the folder's own .py files, with the
 * dependencies listed beside it (or at the project root, as in a monorepo).
 */
export function detectPython(folder: Folder): DetectedApp | undefined {
  const deps =
    depsText(folder.path) ?? (folder.rel ? depsText(folder.root) : undefined) ?? undefined;
  const files = listDir(folder.path).files.filter((f) => f.endsWith(".py"));
  if (deps === undefined || files.length === 0) return undefined;
  const texts = new Map(files.map((f) => [f, readText(join(folder.path, f)) ?? ""]));
  const app = framework(folder, texts, (pkg) => mentions(deps, pkg));
  if (!app) return undefined;
  const code = [...texts.values()].join("\n");
  if (mentions(deps, "opentelemetry-distro")) {
    // opentelemetry-instrument picks the otlp_proto_grpc or otlp_proto_http exporter by
    // OTEL_EXPORTER_OTLP_PROTOCOL, and only finds the ones installed.
    app.command = `opentelemetry-instrument ${app.command}`;
    app.notes.push("Python: opentelemetry-distro: run under opentelemetry-instrument");
  }
  app.otlp = protocol(deps, code, app.notes);
  return app;
}

type Texts = Map<string, string>;

function framework(folder: Folder, texts: Texts, has: (pkg: string) => boolean) {
  const fastapi = assigned(texts, "FastAPI");
  const flask = assigned(texts, "Flask");
  const gradio = [...texts].filter(([, t]) => /\bgradio\b/.test(t) && /\.launch\(/.test(t));
  const base = { cwd: folder.rel, name: basename(folder.path), otlp: "grpc" as OtlpTransport };
  const several = (list: unknown[], what: string) =>
    list.length > 1 ? `several ${what} apps in ${folder.rel || "the project folder"}` : undefined;
  if (fastapi.length) {
    const [file, variable, text] = fastapi[0]!;
    const target = moduleOf(folder, texts, file);
    return {
      ...base,
      ...target,
      kind: "Python",
      command: `uvicorn ${target.module}:${variable} --port 8000`,
      port: 8000,
      // FastAPI serves its API docs at /docs unless docs_url turns them off.
      readyPath: /docs_url\s*=\s*None/.test(text) ? routeReadyPath(folder.path, [file]) : "/docs",
      notes: [`Python: FastAPI app "${variable}" in ${file}, served by uvicorn`],
      unsure: several(fastapi, "FastAPI"),
    };
  }
  if (flask.length) {
    const [file, variable] = flask[0]!;
    const target = moduleOf(folder, texts, file);
    const gunicorn = has("gunicorn");
    return {
      ...base,
      ...target,
      kind: "Python",
      command: gunicorn
        ? `gunicorn --bind 127.0.0.1:8000 ${target.module}:${variable}`
        : `flask --app ${target.module}:${variable} run --port 5000`,
      port: gunicorn ? 8000 : 5000,
      readyPath: routeReadyPath(folder.path, [file]),
      notes: [
        `Python: Flask app "${variable}" in ${file}, served by ${gunicorn ? "gunicorn" : "flask run"}`,
      ],
      unsure: several(flask, "Flask"),
    };
  }
  if (gradio.length) {
    const [file, text] = gradio[0]!;
    return {
      ...base,
      kind: "Python",
      command: `python3 ${file}`,
      // Gradio's default port, unless the code or GRADIO_SERVER_PORT says otherwise.
      port: portIn(text, /server_port\s*=\s*(\d+)/) ?? 7860,
      readyPath: "/",
      notes: [`Python: Gradio app in ${file} (calls .launch())`],
      unsure: several(gradio, "Gradio"),
    };
  }
  return undefined;
}

/** [file, variable, text] for each `name = Cls(` at the start of a line. */
function assigned(texts: Texts, cls: string): [string, string, string][] {
  const pattern = new RegExp(`^(\\w+)\\s*(?::[^=]+)?=\\s*${cls}\\(`, "m");
  return [...texts].flatMap(([file, text]) => {
    const match = text.match(pattern);
    return match ? [[file, match[1]!, text] as [string, string, string]] : [];
  });
}

/**
 * The module to import: `main` run in its folder, or `api.main` run from the project folder when
 * the code imports its own folder as a package (`from api.tracing import ...`).
 */
function moduleOf(folder: Folder, texts: Texts, file: string): { module: string; cwd: string } {
  const stem = file.replace(/\.py$/, "");
  const pkg = basename(folder.path);
  const asPackage = new RegExp(`^\\s*(?:from|import)\\s+${pkg}\\.`, "m");
  if (folder.rel && [...texts.values()].some((t) => asPackage.test(t))) {
    return { module: `${folder.rel.replaceAll("/", ".")}.${stem}`, cwd: "" };
  }
  return { module: stem, cwd: folder.rel };
}

function protocol(deps: string, code: string, notes: string[]): OtlpTransport {
  const imports = (kind: string) => code.includes(`opentelemetry.exporter.otlp.proto.${kind}`);
  if (imports("http") && !imports("grpc")) {
    notes.push("Python: the code imports opentelemetry.exporter.otlp.proto.http: OTLP/HTTP");
    return "http";
  }
  if (mentions(deps, HTTP) && !GRPC.some((pkg) => mentions(deps, pkg))) {
    notes.push(`Python: depends on ${HTTP}, which speaks OTLP/HTTP`);
    return "http";
  }
  const grpc = GRPC.find((pkg) => mentions(deps, pkg));
  if (grpc) notes.push(`Python: depends on ${grpc}, which speaks OTLP/gRPC`);
  else notes.push("Python: no OTLP exporter in the dependencies: add one to see traces");
  return "grpc";
}

/** The dependency files' text, or undefined when the folder has none. */
function depsText(dir: string): string | undefined {
  const texts = DEP_FILES.map((f) => readText(join(dir, f))).filter((t) => t !== undefined);
  return texts.length ? texts.join("\n") : undefined;
}

/** True when `pkg` appears as a whole package name (`_` and `-` alike, any case). */
function mentions(deps: string, pkg: string): boolean {
  const name = pkg.replace(/[-_]/g, "[-_]");
  return new RegExp(`(?:^|[\\s"'\\[,])${name}(?![\\w.-])`, "im").test(deps);
}
