import { join } from "node:path";

import type { DetectedApp, Folder } from "./detected-app.js";
import { listDir, portIn, readText, sourceFiles } from "./project-files.js";
import { routeReadyPath } from "./ready-path.js";

const EXPORTER = "OpenTelemetry.Exporter.OpenTelemetryProtocol";

/** A .NET app: a project file in the folder, run by `dotnet run`. */
export function detectDotnet(folder: Folder): DetectedApp | undefined {
  const projects = listDir(folder.path).files.filter((f) => /\.(cs|fs)proj$/.test(f));
  if (projects.length === 0) return undefined;
  const project = projects[0]!;
  const text = readText(join(folder.path, project)) ?? "";
  const notes = [`.NET: ${project}`];
  const app: DetectedApp = {
    kind: ".NET",
    name: project.replace(/\.\w+$/, ""),
    cwd: folder.rel,
    command: `dotnet run --project ${project}`,
    otlp: "grpc",
    notes,
  };
  if (projects.length > 1) app.unsure = `several project files (${projects.join(", ")})`;
  notes.push(
    text.includes(EXPORTER)
      ? `.NET: references ${EXPORTER}, which reads OTEL_EXPORTER_OTLP_PROTOCOL (grpc by default)`
      : `.NET: no ${EXPORTER} reference: add it to see traces`,
  );
  // `dotnet run` listens where the first launch profile says.
  app.port = portIn(
    readText(join(folder.path, "Properties/launchSettings.json")),
    /"applicationUrl"\s*:\s*"[^"]*http:\/\/[\w.-]+:(\d+)/,
  );
  app.readyPath = routeReadyPath(folder.path, sourceFiles(folder.path, [".cs", ".fs"], 0));
  return app;
}
