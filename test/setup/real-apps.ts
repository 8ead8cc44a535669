// Test set-up, not the product: real programs this project did not write, for gini to run as a
// user's apps. Each is built once into the test cache (cached-build.ts): telemetrygen from its Go
// module, and two getting-started apps from test/fixtures/apps/ (keyed by a hash of their files).
import { execFile } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { cachedBuild, folderHash } from "./cached-build.js";
import { buildGoProgram, goBuild } from "./go-build.js";

const run = promisify(execFile);
const FIXTURES = fileURLToPath(new URL("../fixtures/apps/", import.meta.url));

/** Where the tests find the real apps (provided as inject("realApps")). */
export interface RealApps {
  /** The collector-contrib load generator's binary. */
  telemetrygen: string;
  /** The Go guide's dice server (otelhttp, exporting with otlptracehttp). */
  goDice: string;
  /** The JS guide's express app and its installed node_modules: run it in this folder. */
  nodeApp: string;
}

/**
 * The collector-contrib release whose telemetrygen the Go module proxy serves: gini pins the
 * collector at 0.165.0, but the proxy answers 403 for telemetrygen v0.162.0 to v0.165.0.
 */
const TELEMETRYGEN = {
  module: "github.com/open-telemetry/opentelemetry-collector-contrib/cmd/telemetrygen",
  version: "v0.161.0",
};

function telemetrygen(log?: (line: string) => void): Promise<string> {
  return cachedBuild(
    {
      entry: `telemetrygen-${TELEMETRYGEN.version}`,
      what: `telemetrygen ${TELEMETRYGEN.version} from its Go module`,
      build: (out, work) =>
        buildGoProgram({ ...TELEMETRYGEN, packages: [TELEMETRYGEN.module] }, work, out),
    },
    log,
  ).then((dir) => join(dir, "telemetrygen"));
}

async function goDice(log?: (line: string) => void): Promise<string> {
  const source = join(FIXTURES, "go-dice");
  const dir = await cachedBuild(
    {
      entry: `go-dice-${await folderHash(source)}`,
      what: "the Go getting-started dice app (test/fixtures/apps/go-dice)",
      // Built where it lies: its go.mod and go.sum pin every module; the binary goes to the cache.
      build: (out) => goBuild({ packages: ["."] }, source, out),
    },
    log,
  );
  return join(dir, "dice");
}

function nodeApp(log?: (line: string) => void): Promise<string> {
  const source = join(FIXTURES, "node-otlp-http");
  return folderHash(source).then((hash) =>
    cachedBuild(
      {
        entry: `node-otlp-http-${hash}`,
        what: "the JS getting-started express app (test/fixtures/apps/node-otlp-http)",
        async build(out) {
          await cp(source, out, { recursive: true });
          // Exactly the committed lock file's versions, as a user's CI installs them.
          await run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: out });
        },
      },
      log,
    ),
  );
}

/** Builds (or reuses) the three real apps, one at a time like the images. */
export async function ensureRealApps(log?: (line: string) => void): Promise<RealApps> {
  return {
    telemetrygen: await telemetrygen(log),
    goDice: await goDice(log),
    nodeApp: await nodeApp(log),
  };
}
