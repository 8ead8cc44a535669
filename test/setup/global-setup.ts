// Test set-up, not the product: vitest globalSetup. Fails (never skips) when Docker is not
// reachable, builds the local test images (real binaries from their Go modules, when missing)
// and provides their tags as inject("images").
// GINI_TEST_REAL_IMAGES=1 provides the real upstream images instead: the GINI_*_IMAGE variables,
// else gini's pinned defaults (they must then be pullable or already present).
import { execFileSync } from "node:child_process";
import { join } from "node:path";

import type { TestProject } from "vitest/node";

import { DEFAULT_IMAGES } from "../../src/stack/images.js";
import { ensureCompose } from "./compose.js";
import { buildTestImages, docker, type TestImages } from "./images.js";
import { ensureKubeTools, type KubeTools } from "./kube.js";
import { ensureRealApps, type RealApps } from "./real-apps.js";
import { ensureStandIn } from "./stand-in.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Image references for the three services (local test images unless GINI_TEST_REAL_IMAGES=1). */
    images: TestImages;
    /** A Docker Compose v2 binary, for running the exported Compose file. */
    compose: string;
    /** Real programs this project did not write, for gini to run as a user's apps. */
    realApps: RealApps;
    /** An image that runs whatever its arguments and never answers (stand-in.ts). */
    standIn: string;
    /** The programs of a one-node Kubernetes cluster, built from their Go modules (kube.ts). */
    kube: KubeTools;
  }
}

export async function assertDockerReachable(): Promise<void> {
  try {
    await docker("info", "--format", "{{.ServerVersion}}");
  } catch (err) {
    const detail =
      err instanceof Error ? err.message.split("\n").slice(0, 3).join(" ") : String(err);
    throw new Error(
      `Docker is not reachable: \`docker info\` failed (${detail}). ` +
        "Integration tests need a running Docker engine (start dockerd, or run `npm run provision`).",
    );
  }
}

export function realImages(env: NodeJS.ProcessEnv = process.env): TestImages {
  return {
    collector: env.GINI_OTEL_COLLECTOR_IMAGE || DEFAULT_IMAGES["otel-collector"],
    jaeger: env.GINI_JAEGER_IMAGE || DEFAULT_IMAGES.jaeger,
    prometheus: env.GINI_PROMETHEUS_IMAGE || DEFAULT_IMAGES.prometheus,
  };
}

export default async function setup(project: TestProject): Promise<void> {
  // The integration tests run the built CLI and demo, as users get them.
  execFileSync("npm", ["run", "build"], { cwd: join(import.meta.dirname, "../.."), stdio: "pipe" });
  await assertDockerReachable();
  const images = process.env.GINI_TEST_REAL_IMAGES === "1" ? realImages() : await buildTestImages();
  project.provide("images", images);
  project.provide("compose", await ensureCompose());
  project.provide("realApps", await ensureRealApps());
  project.provide("standIn", await ensureStandIn());
  project.provide("kube", await ensureKubeTools());
}
