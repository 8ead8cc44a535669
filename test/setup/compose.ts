// Test set-up, not the product: Docker Compose v2 built from its Go module (no download site is
// reachable, and Debian ships only the retired Python Compose v1), to run `gini export compose`'s
// file with `docker compose up` for real. Built once into a cache folder; reused after that.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";

import { buildGoProgram } from "./go-build.js";

/** The newest Compose whose go.mod the machine's Go 1.26.8 accepts (v5.7 asks for 1.26.10). */
const COMPOSE = { module: "github.com/docker/compose/v2", version: "v2.40.3" };

/** The path of a `docker-compose` binary (the CLI plugin, run standalone), built when missing. */
export async function ensureCompose(log = (line: string) => console.error(line)): Promise<string> {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "gini-test");
  const bin = join(cache, `docker-compose-${COMPOSE.version}`);
  if (existsSync(bin)) return bin;
  const started = Date.now();
  log(`test tools: building docker compose ${COMPOSE.version} from its Go module`);
  const scratch = await mkdtemp(join(tmpdir(), "gini-compose-"));
  try {
    const [work, out] = [join(scratch, "work"), join(scratch, "out")];
    await mkdir(work);
    await mkdir(out);
    await buildGoProgram({ ...COMPOSE, packages: [`${COMPOSE.module}/cmd`] }, work, out);
    await mkdir(cache, { recursive: true });
    await rename(join(out, "cmd"), bin);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  log(`test tools: built docker compose in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return bin;
}
