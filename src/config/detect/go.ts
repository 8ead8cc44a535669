import { join } from "node:path";

import type { OtlpTransport } from "../schema.js";
import type { DetectedApp, Folder } from "./detected-app.js";
import { listDir, portIn, readText, sourceFiles } from "./project-files.js";
import { routeReadyPath } from "./ready-path.js";

const EXPORTERS = "go.opentelemetry.io/otel/exporters/otlp/otlptrace/";

/** A Go module with a main package in its folder or in one folder under cmd/. */
export function detectGo(folder: Folder): DetectedApp | undefined {
  const mod = readText(join(folder.path, "go.mod"));
  if (mod === undefined) return undefined;
  const isMain = (rel: string) =>
    listDir(join(folder.path, rel))
      .files.filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"))
      .some((f) => /^package main\b/m.test(readText(join(folder.path, rel, f)) ?? ""));
  const cmds = listDir(join(folder.path, "cmd")).dirs.filter((d) => isMain(`cmd/${d}`));
  const main = isMain("") ? "." : cmds[0] && `./cmd/${cmds[0]}`;
  const notes = [`Go: go.mod with a main package in ${main ?? "no folder gini looked at"}`];
  const app: DetectedApp = {
    kind: "Go",
    name:
      mod
        .match(/^module\s+(\S+)/m)?.[1]
        ?.split("/")
        .pop() ?? "",
    cwd: folder.rel,
    command: `go run ${main ?? "."}`,
    otlp: protocol(mod, notes),
    notes,
  };
  if (!main) app.unsure = "no main package in the module's folder or under cmd/";
  else if (main !== "." && cmds.length > 1) {
    app.unsure = `several main packages under cmd/ (${cmds.join(", ")})`;
  }
  const dir = main && main !== "." ? main.slice(2) : "";
  const sources = sourceFiles(join(folder.path, dir), [".go"]).map((f) =>
    dir ? `${dir}/${f}` : f,
  );
  app.port = sources
    .map((f) =>
      portIn(
        readText(join(folder.path, f)),
        /(?:ListenAndServe|Listen|\.Run|Addr:)\s*\(?\s*(?:"tcp",\s*)?"[\w.-]*:(\d{2,5})"/,
      ),
    )
    .find(Boolean);
  app.readyPath = routeReadyPath(folder.path, sources);
  return app;
}

/** Which OTLP trace exporter go.mod requires; both read OTEL_EXPORTER_OTLP_ENDPOINT. */
function protocol(mod: string, notes: string[]): OtlpTransport {
  const http = mod.includes(`${EXPORTERS}otlptracehttp`);
  const grpc = mod.includes(`${EXPORTERS}otlptracegrpc`);
  if (http && !grpc) {
    notes.push(`Go: go.mod requires ${EXPORTERS}otlptracehttp, which speaks OTLP/HTTP`);
    return "http";
  }
  if (grpc) {
    notes.push(
      http
        ? "Go: go.mod requires otlptracegrpc and otlptracehttp: grpc assumed; write otlp: http if the app exports with otlptracehttp"
        : `Go: go.mod requires ${EXPORTERS}otlptracegrpc, which speaks OTLP/gRPC`,
    );
  } else notes.push("Go: no OTLP trace exporter in go.mod: add otlptracegrpc to see traces");
  return "grpc";
}
