import { afterEach, describe, expect, it } from "vitest";

import { GiniError } from "../../errors.js";
import { loadProject } from "../load.js";
import { removeProjectFixtures } from "../project.fake.js";
import { assertValid, validateOptions } from "./index.js";
import { errors, lineOf, projectWith } from "./validate.fake.js";

afterEach(removeProjectFixtures);

describe("the seed's component list", () => {
  const fx = "seed.config-spm.yaml";

  it("fails with the Jaeger-only message for each Jaeger v2 component", async () => {
    const found = errors(await validateOptions({ projectDir: projectWith(fx) }));
    const byLine = (needle: string) => found.find((f) => f.line === lineOf(fx, needle));
    expect(byLine("  jaeger_storage_exporter:")!.message).toBe(
      "jaeger_storage_exporter exists only in Jaeger v2; in the collector, export to Jaeger with an otlp_grpc exporter to jaeger:4317",
    );
    expect(byLine("  jaeger_query:")!.message).toMatch(/^jaeger_query exists only in Jaeger v2/);
    expect(byLine("  jaeger_storage:")!.message).toMatch(
      /^jaeger_storage exists only in Jaeger v2/,
    );
    expect(byLine("  spanmetrics:")!.message).toBe("spanmetrics is a connector, not an exporter");
    expect(found.every((f) => f.file.endsWith("config-spm.yaml"))).toBe(true);
  });

  it("stops `gini up` with the first error as file:line:col and a hint naming gini validate", async () => {
    const project = await loadProject({ projectDir: projectWith(fx) });
    const error = await assertValid(project).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GiniError);
    const { message, hint } = error as GiniError;
    expect(message).toMatch(/config-spm\.yaml:\d+:\d+: /);
    expect(hint).toMatch(/\d+ more errors: run `gini validate` to see them all\)$/);
  });
});
