import { describe, expect, it } from "vitest";

import { fixtureProject } from "../config/project.fake.js";
import { FakeDocker } from "../docker/docker.fake.js";
import { logs, type LogSource } from "./logs.js";

const project = fixtureProject({ name: "unit" });

/** A source beside the services, as the apps supply them. */
const source = (name: string, ran: boolean): LogSource => ({
  name,
  hasRun: async () => ran,
  read: async (_options, onLine) => onLine({ stream: "stdout", text: `${name} line` }),
});

async function read(docker: FakeDocker, names: string[], others: LogSource[]) {
  const seen: string[] = [];
  const signal = new AbortController().signal;
  await logs(project, names, {}, docker, (s, l) => seen.push(`${s}: ${l.text}`), signal, others);
  return seen;
}

describe("logs (fake engine)", () => {
  it("shows every service and source that has run when none is named", async () => {
    const docker = new FakeDocker();
    await docker.createContainer({
      name: "jaeger",
      image: "img",
      labels: { "gini.project": "unit", "gini.service": "jaeger" },
      ports: [],
      mounts: [],
      network: "gini-network",
      aliases: ["jaeger"],
    });
    docker.logLines = ["jaeger line"];
    const seen = await read(docker, [], [source("api", true), source("ui", false)]);
    expect(seen).toEqual(["jaeger: jaeger line", "api: api line"]);
  });

  it("rejects an unknown name with the valid ones, and a named source that never ran", async () => {
    const docker = new FakeDocker();
    await expect(read(docker, ["grafana"], [source("api", true)])).rejects.toMatchObject({
      message: 'unknown service or app "grafana"',
      hint: "valid names: otel-collector, jaeger, prometheus, api",
      exitCode: 2,
    });
    await expect(read(docker, ["ui"], [source("ui", false)])).rejects.toThrow(
      "ui: nothing has run yet (project unit)",
    );
    await expect(read(docker, [], [])).rejects.toThrow("nothing is up in project unit");
  });
});
