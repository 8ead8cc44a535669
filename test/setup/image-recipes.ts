// Test set-up, not the product: what goes into each integration-test image. Every binary is the
// real program, built from its published Go module at the version gini pins (Jaeger: see below),
// laid out like the upstream image, so that gini runs it exactly as it runs the upstream one.
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { DEFAULT_IMAGES } from "../../src/stack/images.js";
import { buildGoProgram, go } from "./go-build.js";

const MANIFEST = fileURLToPath(new URL("../images/otelcol-builder.yaml", import.meta.url));

export interface ImageRecipe {
  service: "otel-collector" | "jaeger" | "prometheus";
  /** The upstream release the binary is (the image tag starts with it). */
  release: string;
  /** Everything that decides the build; hashed into the tag so a changed recipe rebuilds. */
  inputs: string[];
  /** Builds the binaries into outDir (workDir is a scratch folder). */
  build(workDir: string, outDir: string): Promise<void>;
  /** Image path → file name in outDir. */
  files: Record<string, string>;
  /** Folders to create, with the uid that owns them. */
  dirs: Record<string, number>;
  /** `docker import --change` lines (entrypoint, user, ports), as in the upstream image. */
  changes: string[];
}

/** The tag of a pinned image reference: the upstream release, e.g. `0.165.0`. */
const releaseOf = (image: string) => image.slice(image.lastIndexOf(":") + 1);

/** The collector: the OpenTelemetry Collector Builder with test/images/otelcol-builder.yaml. */
async function collector(): Promise<ImageRecipe> {
  const release = releaseOf(DEFAULT_IMAGES["otel-collector"]);
  const manifest = await readFile(MANIFEST, "utf8");
  const version = /^\s*version:\s*(\S+)/m.exec(manifest)?.[1];
  if (version !== release)
    throw new Error(`${MANIFEST} builds ${version}, but gini pins the collector at ${release}`);
  return {
    service: "otel-collector",
    release,
    inputs: [manifest],
    async build(workDir, outDir) {
      await copyFile(MANIFEST, join(workDir, "manifest.yaml"));
      const builder = `go.opentelemetry.io/collector/cmd/builder@v${release}`;
      await go(["run", builder, "--config=manifest.yaml"], workDir);
      await copyFile(join(workDir, "build", "otelcol-gini"), join(outDir, "otelcol"));
    },
    files: { "/otelcol-contrib": "otelcol" },
    dirs: { "/tmp": 0, "/etc/otelcol-contrib": 0 },
    changes: ['ENTRYPOINT ["/otelcol-contrib"]', "USER 10001", "EXPOSE 4317 4318 55679"],
  };
}

/**
 * Jaeger v2. Its module path has no /v2, so its Go module versions are the v1 tags; the paired
 * tags ended with v1.76.0 = v2.13.0 (commit 63b27e1810a710ac54dc4522da0538e540bdc545, 3 Dec 2025).
 * Later releases exist only as pseudo-versions of their tag commits, and the Go module proxy
 * reachable here refuses those ("This module version is not available"), so the tests run 2.13.0
 * while gini pins the newest release; the README says what that leaves unverified.
 */
const TEST_JAEGER = {
  release: "2.13.0",
  module: "v1.76.0",
  commit: "63b27e1810a710ac54dc4522da0538e540bdc545",
};

function jaeger(): ImageRecipe {
  const program = {
    module: "github.com/jaegertracing/jaeger",
    version: TEST_JAEGER.module,
    packages: ["github.com/jaegertracing/jaeger/cmd/jaeger"],
    stamps: {
      "github.com/jaegertracing/jaeger/internal/version.latestVersion": `v${TEST_JAEGER.release}`,
      "github.com/jaegertracing/jaeger/internal/version.commitSHA": TEST_JAEGER.commit,
    },
  };
  return {
    service: "jaeger",
    release: TEST_JAEGER.release,
    inputs: [JSON.stringify(program)],
    build: (workDir, outDir) => buildGoProgram(program, workDir, outDir),
    files: { "/cmd/jaeger/jaeger-linux": "jaeger" },
    dirs: { "/tmp": 0 },
    changes: [
      'ENTRYPOINT ["/cmd/jaeger/jaeger-linux"]',
      "ENV JAEGER_LISTEN_HOST=0.0.0.0",
      "USER 10001",
      "EXPOSE 4317 4318 16686",
    ],
  };
}

/** Prometheus 3.x publishes release vX.Y.Z as Go module version v0.(100X+Y).Z. */
function prometheusModuleVersion(release: string): string {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(release);
  if (!m) throw new Error(`cannot map Prometheus release ${release} to its Go module version`);
  return `v0.${Number(m[1]) * 100 + Number(m[2])}.${m[3]}`;
}

function prometheus(): ImageRecipe {
  const release = releaseOf(DEFAULT_IMAGES.prometheus);
  const program = {
    module: "github.com/prometheus/prometheus",
    version: prometheusModuleVersion(release),
    packages: ["prometheus", "promtool"].map((p) => `github.com/prometheus/prometheus/cmd/${p}`),
    // remove_all_sd leaves out the cloud service discoveries (gini scrapes static targets); the
    // web UI's assets are built with npm upstream and are not in the module (API and /-/ready are).
    tags: ["netgo", "remove_all_sd"],
    stamps: { "github.com/prometheus/common/version.Version": release.replace(/^v/, "") },
  };
  return {
    service: "prometheus",
    release,
    inputs: [JSON.stringify(program)],
    build: (workDir, outDir) => buildGoProgram(program, workDir, outDir),
    files: { "/bin/prometheus": "prometheus", "/bin/promtool": "promtool" },
    dirs: { "/tmp": 0, "/etc/prometheus": 0, "/prometheus": 65534 },
    changes: [
      'ENTRYPOINT ["/bin/prometheus"]',
      'CMD ["--config.file=/etc/prometheus/prometheus.yml","--storage.tsdb.path=/prometheus"]',
      "WORKDIR /prometheus",
      "USER 65534",
      "EXPOSE 9090",
    ],
  };
}

export async function imageRecipes(): Promise<ImageRecipe[]> {
  return [await collector(), jaeger(), prometheus()];
}
