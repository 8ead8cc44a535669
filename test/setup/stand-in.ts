// Test set-up, not the product: a local image that runs and never answers, for the readiness
// timeout (test/fixtures/stand-in/main.go says why no real image can play that part).
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { cachedBuild, folderHash } from "./cached-build.js";
import { goBuild } from "./go-build.js";
import { exists, importTar } from "./images.js";

const SOURCE = fileURLToPath(new URL("../fixtures/stand-in/", import.meta.url));

/** The stand-in's image tag, built (binary into the test cache, then `docker import`) when missing. */
export async function ensureStandIn(log?: (line: string) => void): Promise<string> {
  const hash = await folderHash(SOURCE);
  const tag = `gini-test/stand-in:${hash}`;
  if (await exists(tag)) return tag;
  const dir = await cachedBuild(
    {
      entry: `stand-in-${hash}`,
      what: "the never-ready stand-in (test/fixtures/stand-in)",
      build: (out) => goBuild({ packages: ["."] }, SOURCE, out),
    },
    log,
  );
  const root = await mkdtemp(join(tmpdir(), "gini-stand-in-"));
  try {
    await mkdir(join(root, "bin"));
    await copyFile(join(dir, "stand-in"), join(root, "bin", "stand-in"));
    await importTar(root, tag, ['ENTRYPOINT ["/bin/stand-in"]', "USER 65534"]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return tag;
}
