import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { LABEL_PROJECT, LABEL_SERVICE, NETWORK, SERVICES } from "../stack/index.js";
import { composeDocument, type ComposeFile } from "./compose.js";
import { exportCompose } from "./index.js";
import { readStack } from "./stack-model.js";

afterEach(() => {
  removeProjectFixtures();
  vi.unstubAllEnvs();
});

const APPS = {
  api: { image: "example/api:1.2.3", env: { PORT: "8000" }, ports: [8000] },
  ui: { command: "node ui.js", depends_on: ["api"] },
  worker: { image: "example/worker:2.0.0", depends_on: ["api", "ui"] },
};

async function compose(data = {}): Promise<{ doc: ComposeFile; dir: string }> {
  const project = fixtureProject({ data });
  return { doc: composeDocument(await readStack(project), project.dir), dir: project.dir };
}

describe("gini export compose", () => {
  it("runs the three services on their pinned images, commands and published ports", async () => {
    vi.stubEnv("GINI_JAEGER_IMAGE", "");
    const { doc } = await compose();
    for (const s of SERVICES) {
      const service = doc.services[s.name]!;
      expect(service.image).toBe(s.defaultImage);
      expect(service.image).toMatch(/:[\w.-]+$/);
      expect(service.image).not.toMatch(/:latest$/);
      expect(service.command).toEqual(s.command);
      expect(service.ports).toEqual(
        s.ports.map((port) => ({ target: port, published: port, protocol: "tcp", mode: "host" })),
      );
      expect(service.networks).toEqual([NETWORK]);
      expect(service.labels).toEqual({ [LABEL_PROJECT]: "gini-it", [LABEL_SERVICE]: s.name });
    }
  });

  it("uses the image overrides in force, the env var over gini.yaml", async () => {
    vi.stubEnv("GINI_JAEGER_IMAGE", "local/jaeger:test");
    const data = { stack: { prometheus: { image: "mirror/prometheus:v3" } } };
    const { doc } = await compose(data);
    expect(doc.services.jaeger!.image).toBe("local/jaeger:test");
    expect(doc.services.prometheus!.image).toBe("mirror/prometheus:v3");
  });

  it("hands each config over as a Compose config at the path the container reads", async () => {
    const { doc, dir } = await compose();
    for (const s of SERVICES) {
      const [mount] = doc.services[s.name]!.configs!;
      expect(mount!.target).toBe(s.mountPath);
      const config = doc.configs[mount!.source]!;
      expect(config.file).toMatch(/^\.\//);
      expect(config.name).toMatch(new RegExp(`^gini-it-${s.name}-[0-9a-f]{12}$`));
    }
    expect(resolve(dir, doc.configs["prometheus-config"]!.file)).toBe(join(dir, "prometheus.yml"));
  });

  it("finds the configs from another folder when the file goes there", async () => {
    const project = fixtureProject();
    const doc = composeDocument(await readStack(project), join(project.dir, "deploy"));
    expect(doc.configs["otel-collector-config"]!.file).toBe("../config-spm.yaml");
  });

  it("restarts on failure and bounds each service, for Compose and for Swarm", async () => {
    const { doc } = await compose();
    for (const s of SERVICES) {
      const service = doc.services[s.name]!;
      expect(service.restart).toBe("on-failure");
      expect(service.deploy.restart_policy).toEqual({ condition: "on-failure" });
      expect(service.deploy.resources!.limits).toEqual({
        cpus: String(s.resources.limit.cpus),
        memory: `${s.resources.limit.memoryMiB}M`,
      });
      expect(service.security_opt).toEqual(["no-new-privileges:true"]);
    }
  });

  it("declares gini-network by its own name, attachable, with the engine's default driver", async () => {
    const { doc } = await compose();
    expect(doc.networks[NETWORK]).toEqual({
      name: NETWORK,
      attachable: true,
      labels: { [LABEL_PROJECT]: "gini-it" },
    });
  });

  it("adds the container apps with their OTLP env, and leaves the host apps out", async () => {
    const { doc } = await compose({ apps: APPS });
    expect(Object.keys(doc.services)).toEqual([...SERVICES.map((s) => s.name), "api", "worker"]);
    expect(doc.services.api!.environment).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4317",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_SERVICE_NAME: "api",
      OTEL_BSP_SCHEDULE_DELAY: "500",
      OTEL_LOG_LEVEL: "error",
      OTEL_RESOURCE_ATTRIBUTES: "gini.app=api",
      PORT: "8000",
    });
    expect(doc.services.api!.ports).toEqual([
      { target: 8000, published: 8000, protocol: "tcp", mode: "host" },
    ]);
    expect(doc.services.worker!.depends_on).toEqual(["otel-collector", "api"]);
  });

  it("carries an app's otlp: http to its endpoint and protocol", async () => {
    const { doc } = await compose({ apps: { api: { image: "api:1", otlp: "http" } } });
    expect(doc.services.api!.environment).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://otel-collector:4318",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
    });
  });

  it("keeps $ in env values literal: Compose would interpolate them when it deploys the file", async () => {
    const env = { PRICE: "costs $5", HOME_REF: "${HOME}/x" };
    const { doc } = await compose({ apps: { api: { image: "api:1", env } } });
    expect(doc.services.api!.environment).toMatchObject({
      PRICE: "costs $$5",
      HOME_REF: "$${HOME}/x",
    });
  });

  it("refuses a project that gini validate fails", async () => {
    const project = fixtureProject({ fixtures: ["localhost-bind.config-spm.yaml"] });
    await expect(exportCompose(project)).rejects.toThrow(/config-spm\.yaml:\d+:\d+/);
  });

  it("writes -o FILE, replacing an earlier export but never a file of the user's", async () => {
    const project = fixtureProject({ data: { apps: APPS } });
    const file = join(project.dir, "stack.yml");
    const result = await exportCompose(project, file);
    expect(result.written).toEqual([file]);
    expect(result.notes.join("\n")).toMatch(/not exported \(ui\)/);
    const written = parse(readFileSync(file, "utf8")) as ComposeFile;
    expect(written.services.api!.image).toBe("example/api:1.2.3");
    await exportCompose(project, file);
    writeFileSync(file, "services: {}\n");
    await expect(exportCompose(project, file)).rejects.toThrow(/not written by gini export/);
  });
});
