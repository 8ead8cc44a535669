// Test set-up, not the product: what goes into each integration-test image. Every binary is the
// real program, built from its published Go module (Jaeger: from its source) at the version gini pins,
// laid out like the upstream image, so that gini runs it exactly as it runs the upstream one.
import { copyFile, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

import { DEFAULT_IMAGES } from "../../src/stack/images.js";
import { buildGoProgram, buildGoSource, go, type GoSource } from "./go-build.js";

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
 * Jaeger v2. Its module path has no /v2 and the Go module proxy serves no release after v2.13.0,
 * so the pinned release is built from its source tarball in the steering repo's shared/vendor
 * (checked against the checksum below), stamped as Jaeger's own release build stamps it.
 */
const JAEGER_SOURCE = {
  release: "2.20.0",
  commit: "798e4b0fcf22609e381df764a01461affd813e1e",
  /** The tag commit's date: Jaeger's release build stamps the commit date. */
  date: "2026-07-19",
  sha256: "07743e2b353b5da1d647a8c16c944e5b945992e811c8d174b2a1e6343bb648f8",
};

/** Where the vendored upstream source lies: shared/vendor beside the project's clone. */
export const VENDOR_DIR =
  process.env.GINI_VENDOR_DIR ?? fileURLToPath(new URL("../../../shared/vendor", import.meta.url));

/** The Jaeger release the test image is built from: the one gini pins, or the recipe refuses. */
export function jaegerTestRelease(pinned = DEFAULT_IMAGES.jaeger): string {
  const release = releaseOf(pinned);
  if (release !== JAEGER_SOURCE.release)
    throw new Error(
      `gini pins ${pinned}, but the Jaeger test image is built from ${JAEGER_SOURCE.release}'s source`,
    );
  return release;
}

function jaeger(): ImageRecipe {
  const release = jaegerTestRelease();
  const version = "github.com/jaegertracing/jaeger/internal/version";
  const source: GoSource = {
    tarball: join(VENDOR_DIR, `jaeger-v${release}-src.tar.gz`),
    sha256: JAEGER_SOURCE.sha256,
    folder: `jaeger-${release}`,
    packages: ["./cmd/jaeger"],
    stamps: {
      [`${version}.latestVersion`]: `v${release}`,
      [`${version}.commitSHA`]: JAEGER_SOURCE.commit,
      [`${version}.date`]: JAEGER_SOURCE.date,
    },
  };
  return {
    service: "jaeger",
    release,
    // The checksum, not the path: the same source in another clone is the same image.
    inputs: [JSON.stringify({ ...source, tarball: basename(source.tarball) })],
    async build(workDir, outDir) {
      await buildGoSource(source, workDir, outDir);
      // The upstream image ships the default sampling strategies beside the binary.
      const strategies = join(workDir, source.folder, "cmd/jaeger/sampling-strategies.json");
      await copyFile(strategies, join(outDir, "sampling-strategies.json"));
    },
    files: {
      "/cmd/jaeger/jaeger-linux": "jaeger",
      "/cmd/jaeger/sampling-strategies.json": "sampling-strategies.json",
    },
    dirs: { "/tmp": 0 },
    changes: [
      'ENTRYPOINT ["/cmd/jaeger/jaeger-linux"]',
      "ENV JAEGER_LISTEN_HOST=0.0.0.0",
      "USER 10001",
      "EXPOSE 4317 4318 5778 5779 9411 13132 13133 14250 14268 16686",
      'VOLUME ["/tmp"]',
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
