import { afterEach, describe, expect, it } from "vitest";

import { fixtureProject, removeProjectFixtures } from "../config/project.fake.js";
import { GiniError } from "../errors.js";
import { prometheusAt, promValue } from "./prometheus.js";
import { fakePrometheus } from "./red.fake.js";
import { redSource } from "./source.js";

afterEach(removeProjectFixtures);

const options = { windowSeconds: 60, operations: false, history: false };

describe("reading Prometheus", () => {
  it("fails in one line with a hint when Prometheus does not answer", async () => {
    const fake = fakePrometheus({ down: true });
    const source = await redSource(fixtureProject(), "localhost", fake.deps);
    const err = await source.read(options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GiniError);
    expect(err).toMatchObject({
      message: "prometheus does not answer at http://localhost:9090 (connection refused)",
      hint: "start the stack with `gini up` (`gini status` shows what runs)",
      exitCode: 1,
    });
  });

  it("asks the Prometheus on the published host it is handed", async () => {
    const fake = fakePrometheus({ rows: [] });
    await (await redSource(fixtureProject(), "build-box.lan", fake.deps)).read(options);
    expect(fake.urls.length).toBeGreaterThan(0);
    expect(fake.urls.filter((u) => !u.startsWith("http://build-box.lan:9090/"))).toEqual([]);
  });

  it("says what Prometheus refused, with the query kept for --verbose", async () => {
    const prom = prometheusAt("http://p:9090", async () => ({
      status: 400,
      body: '{"status":"error","error":"parse error at char 5"}',
    }));
    const err = (await prom.instant("up{", 1).catch((e: unknown) => e)) as GiniError;
    expect(err.message).toBe(
      "prometheus at http://p:9090 refused the query up{: parse error at char 5",
    );
    expect(String((err.cause as Error).message)).toContain("up{");
  });

  it("reads Prometheus's special values", () => {
    expect([promValue("1.5"), promValue("+Inf"), promValue("-Inf")]).toEqual([
      1.5,
      Infinity,
      -Infinity,
    ]);
    expect(promValue("NaN")).toBeNaN();
    expect(promValue(undefined)).toBeNaN();
  });

  it("no scrape of the span metrics in prometheus.yml: says where to add it", async () => {
    const project = fixtureProject({
      files: { "prometheus.yml": "scrape_configs: []\n" },
    });
    const fake = fakePrometheus({ targets: [] });
    const report = await (await redSource(project, "localhost", fake.deps)).read(options);
    expect(report.noData).toMatchObject({
      reason: "no-scrape-target",
      message: "prometheus does not scrape otel-collector:8889, where the span metrics are",
    });
  });
});
