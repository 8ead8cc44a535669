import { join } from "node:path";

import type { DetectedApp, Folder } from "./detected-app.js";
import { listDir, portIn, readText } from "./project-files.js";

const AGENT = /^opentelemetry-javaagent.*\.jar$/;
const AGENT_URL =
  "https://github.com/open-telemetry/opentelemetry-java-instrumentation/releases/latest/download/opentelemetry-javaagent.jar";
const BUILD_FILES = ["pom.xml", "build.gradle", "build.gradle.kts"];

/** A Java app: a jar built into target/ or build/libs/, run under the OpenTelemetry agent. */
export function detectJava(folder: Folder): DetectedApp | undefined {
  const build = BUILD_FILES.map((f) => readText(join(folder.path, f))).find((t) => t !== undefined);
  const jars = ["target", "build/libs"].flatMap((dir) =>
    listDir(join(folder.path, dir))
      .files.filter(
        (f) => f.endsWith(".jar") && !/-(sources|javadoc|plain)\.jar$|^original-/.test(f),
      )
      .map((f) => `${dir}/${f}`),
  );
  if (build === undefined && jars.length === 0) return undefined;
  const agentIn = (dir: string) => listDir(dir).files.find((f) => AGENT.test(f));
  const shared = folder.rel ? agentIn(folder.root) : undefined;
  const up = "../".repeat(folder.rel.split("/").length);
  const agent = agentIn(folder.path) ?? (shared && `${up}${shared}`);
  const jar = jars[0] ?? "target/app.jar";
  const notes: string[] = [];
  const app: DetectedApp = {
    kind: "Java",
    name: jar.replace(/^.*\//, "").replace(/(-\d[\w.-]*)?\.jar$/, ""),
    cwd: folder.rel,
    command: agent ? `java -javaagent:${agent} -jar ${jar}` : `java -jar ${jar}`,
    otlp: "grpc",
    notes,
  };
  if (jars.length === 0) app.unsure = "no jar built yet (mvn package or gradle build makes one)";
  else if (jars.length > 1) app.unsure = `several jars (${jars.join(", ")})`;
  if (agent) {
    // Since agent 2.0 its default is http/protobuf; it reads OTEL_EXPORTER_OTLP_PROTOCOL=grpc.
    notes.push(`Java: ${agent} found: the agent reads OTEL_EXPORTER_OTLP_PROTOCOL, so grpc works`);
  } else {
    notes.push(
      "Java: no opentelemetry-javaagent.jar in the project: download it beside this file from",
      `  ${AGENT_URL}`,
      "  and add -javaagent:opentelemetry-javaagent.jar before -jar",
    );
  }
  const spring = /spring-boot/.test(build ?? "");
  if (spring) {
    const resources = join(folder.path, "src/main/resources");
    app.port =
      portIn(
        readText(join(resources, "application.properties")),
        /^server\.port\s*[=:]\s*(\d+)/m,
      ) ??
      portIn(readText(join(resources, "application.yml")), /^server:\s*\n\s+port:\s*(\d+)/m) ??
      8080;
    // Actuator's health endpoint answers 200 while the app is up.
    if (/spring-boot-starter-actuator/.test(build ?? "")) app.readyPath = "/actuator/health";
    notes.push(`Java: Spring Boot, port ${app.port}`);
  }
  return app;
}
