// Test set-up, not the product: Docker Compose v2 built from its Go module (no download site is
// reachable, and Debian ships only the retired Python Compose v1), to run `gini export compose`'s
// file with `docker compose up` for real.
import { rename } from "node:fs/promises";
import { join } from "node:path";

import { cachedBuild } from "./cached-build.js";
import { buildGoProgram } from "./go-build.js";

/** The newest Compose whose go.mod the machine's Go 1.26.8 accepts (v5.7 asks for 1.26.10). */
const COMPOSE = { module: "github.com/docker/compose/v2", version: "v2.40.3" };

/** The path of a `docker-compose` binary (the CLI plugin, run standalone), built when missing. */
export async function ensureCompose(log?: (line: string) => void): Promise<string> {
  const dir = await cachedBuild(
    {
      entry: `compose-${COMPOSE.version}`,
      what: `docker compose ${COMPOSE.version} from its Go module`,
      async build(out, work) {
        await buildGoProgram({ ...COMPOSE, packages: [`${COMPOSE.module}/cmd`] }, work, out);
        await rename(join(out, "cmd"), join(out, "docker-compose"));
      },
    },
    log,
  );
  return join(dir, "docker-compose");
}
