import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { initProject } from "../init.js";
import { loadProject } from "../load.js";
import { tempFolder } from "../project.fake.js";
import { validateProject } from "../validate/index.js";

const dirs: string[] = [];
/** A project folder holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = tempFolder("gini-detect-");
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** `gini init` in the folder, then gini.yaml through the real loader and gini validate's rules. */
async function initAndLoad(dir: string) {
  const results = await initProject(dir);
  const project = await loadProject({ projectDir: dir });
  const findings = await validateProject(project);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const text = readFileSync(join(dir, "gini.yaml"), "utf8");
  return { apps: project.apps, text, found: results.find((r) => r.apps)?.apps ?? [] };
}

const pkg = (deps: Record<string, string>, scripts: Record<string, string>, name = "shop") =>
  JSON.stringify({ name, scripts, dependencies: deps });

describe("gini init looks at the project", () => {
  it("Node with the OTLP/HTTP exporter: npm start, otlp: http, the port of its script", async () => {
    const dir = project({
      "package.json": pkg(
        { "@opentelemetry/exporter-trace-otlp-http": "^0.200.0", express: "^4" },
        { start: "PORT=3000 node server.js" },
        "@acme/Shop",
      ),
      "server.js": 'app.get("/health", (req, res) => res.send("ok"));\n',
    });
    const { apps, text } = await initAndLoad(dir);
    expect(apps).toEqual({
      shop: { command: "npm start", otlp: "http", ready: "http://localhost:3000/health" },
    });
    expect(text).toContain(
      "# Node: package.json depends on @opentelemetry/exporter-trace-otlp-http, which speaks OTLP/HTTP",
    );
  });

  it("Node with the gRPC exporter: grpc, the default, and ready left commented without a port", async () => {
    const dir = project({
      "package.json": pkg(
        { "@opentelemetry/exporter-trace-otlp-grpc": "^0.200.0" },
        { dev: "tsx watch src/main.ts" },
      ),
    });
    const { apps, text, found } = await initAndLoad(dir);
    expect(apps).toEqual({ shop: { command: "npm run dev" } });
    expect(text).toContain("    # ready: http://localhost:PORT/");
    expect(found.map((a) => a.name)).toEqual(["shop"]);
  });

  it("Node auto-instrumentation without its own setup: preloaded by NODE_OPTIONS", async () => {
    const dir = project({
      "package.json": pkg(
        { "@opentelemetry/auto-instrumentations-node": "^0.60.0" },
        { start: "node index.js" },
      ),
      ".env": "PORT=8080\n",
    });
    const { apps } = await initAndLoad(dir);
    expect(apps.shop?.env).toEqual({
      NODE_OPTIONS: "--require @opentelemetry/auto-instrumentations-node/register",
    });
    expect(apps.shop?.otlp).toBeUndefined();
  });

  it("the seed's layout: FastAPI under uvicorn in api/, Gradio in ui/, requirements at the root", async () => {
    const dir = project({
      "requirements.txt":
        "fastapi\nuvicorn\ngradio\nopentelemetry-distro\nopentelemetry-exporter-otlp\n",
      "api/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
      "ui/app.py":
        "import gradio as gr\n\ndemo = gr.Interface(fn=f)\ndemo.launch(server_port=7861)\n",
    });
    const { apps, text } = await initAndLoad(dir);
    expect(apps).toEqual({
      api: {
        command: "opentelemetry-instrument uvicorn main:app --port 8000",
        cwd: "api",
        ready: "http://localhost:8000/docs",
      },
      ui: {
        command: "opentelemetry-instrument python3 app.py",
        cwd: "ui",
        ready: "http://localhost:7861/",
      },
    });
    expect(text).toContain(
      "# Python: depends on opentelemetry-exporter-otlp, which speaks OTLP/gRPC",
    );
  });

  it("Python with only the OTLP/HTTP exporter, run from the root when the code imports its folder", async () => {
    const dir = project({
      "api/requirements.txt": "fastapi==0.110\nopentelemetry-exporter-otlp-proto-http\n",
      "api/main.py":
        "from api.tracing import setup\nfrom fastapi import FastAPI\napp = FastAPI()\n",
    });
    const { apps } = await initAndLoad(dir);
    expect(apps).toEqual({
      api: {
        command: "uvicorn api.main:app --port 8000",
        otlp: "http",
        ready: "http://localhost:8000/docs",
      },
    });
  });

  it("Go with otlptracehttp: go run ., otlp: http; with otlptracegrpc under cmd/: grpc", async () => {
    const http = project({
      "go.mod":
        "module example.com/orders\n\nrequire go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp v1.35.0\n",
      "main.go":
        'package main\n\nfunc main() {\n\thttp.HandleFunc("/", h)\n\thttp.ListenAndServe(":8081", nil)\n}\n',
    });
    expect((await initAndLoad(http)).apps).toEqual({
      orders: { command: "go run .", otlp: "http", ready: "http://localhost:8081/" },
    });
    const grpc = project({
      "go.mod":
        "module example.com/billing\n\nrequire go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc v1.35.0\n",
      "cmd/server/main.go": "package main\n\nfunc main() {}\n",
    });
    expect((await initAndLoad(grpc)).apps).toEqual({ billing: { command: "go run ./cmd/server" } });
  });

  it("Java: a jar under the agent found in the project", async () => {
    const dir = project({
      "pom.xml":
        "<project><artifactId>spring-boot-starter-actuator</artifactId>spring-boot</project>",
      "target/inventory-1.0.0.jar": "",
      "opentelemetry-javaagent.jar": "",
    });
    const { apps, text } = await initAndLoad(dir);
    expect(apps).toEqual({
      inventory: {
        command: "java -javaagent:opentelemetry-javaagent.jar -jar target/inventory-1.0.0.jar",
        ready: "http://localhost:8080/actuator/health",
      },
    });
    expect(text).toContain("the agent reads OTEL_EXPORTER_OTLP_PROTOCOL");
  });

  it(".NET: dotnet run with the port of its launch profile", async () => {
    const dir = project({
      "Payments.csproj":
        '<Project><PackageReference Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" /></Project>',
      "Program.cs": 'app.MapGet("/", () => "ok");\n',
      "Properties/launchSettings.json":
        '{"profiles":{"http":{"applicationUrl":"http://localhost:5123"}}}',
    });
    expect((await initAndLoad(dir)).apps).toEqual({
      payments: {
        command: "dotnet run --project Payments.csproj",
        ready: "http://localhost:5123/",
      },
    });
  });

  it("several candidates: the entry left commented, and the apps: key too when nothing else is found", async () => {
    const dir = project({ "target/a.jar": "", "target/b.jar": "" });
    const { apps, text, found } = await initAndLoad(dir);
    expect(apps).toEqual({});
    expect(text).toContain("# apps:");
    expect(text).toContain("gini could not tell: several jars (target/a.jar, target/b.jar)");
    expect(found).toHaveLength(1);
  });

  it("nothing recognisable: the template as it is", async () => {
    const dir = project({ "notes.txt": "hello\n" });
    const { apps, text, found } = await initAndLoad(dir);
    expect(apps).toEqual({});
    expect(found).toEqual([]);
    expect(text).toBe(
      readFileSync(join(import.meta.dirname, "../../../templates/gini.yaml"), "utf8"),
    );
  });
});
