// Test set-up, not the product: turns each recipe (image-recipes.ts) into a local image with
// `docker import` (no registry, no Dockerfile, no base image). An image is built only when its
// tag (release + hash of the recipe) is missing; Go's module and build caches make a rebuild cheap.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, chown, copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

import { type ImageRecipe, imageRecipes } from "./image-recipes.js";

const run = promisify(execFile);

export interface TestImages {
  collector: string;
  jaeger: string;
  prometheus: string;
}

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/**
 * Copies images from this engine into another store (Podman's, a second engine's): `docker save`
 * piped into `load`, e.g. `["podman", "load", "-q"]`. Fails when either side fails.
 */
export async function copyImages(tags: string[], load: string[], env = process.env): Promise<void> {
  const [program, ...args] = load;
  const save = spawn("docker", ["save", ...tags], { stdio: ["ignore", "pipe", "pipe"] });
  const into = spawn(program!, args, { env, stdio: ["pipe", "ignore", "pipe"] });
  save.stdout.pipe(into.stdin);
  const outcome = (child: ChildProcess) =>
    new Promise<string>((done) => {
      let err = "";
      child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
      child.on("close", (code) => done(code === 0 ? "" : `exit ${code}: ${err.trim()}`));
    });
  const [saved, loaded] = await Promise.all([outcome(save), outcome(into)]);
  if (saved || loaded)
    throw new Error(`copying ${tags.join(", ")} with ${load.join(" ")} failed: ${saved || loaded}`);
}

function tagOf(recipe: ImageRecipe): string {
  // JSON leaves out the build function; its inputs are in `inputs`.
  const hash = createHash("sha256").update(JSON.stringify(recipe)).digest("hex");
  return `gini-test/${recipe.service}:${recipe.release}-${hash.slice(0, 8)}`;
}

/** Whether the engine has an image of this tag. */
export const exists = (tag: string) =>
  docker("image", "inspect", "--format", "{{.Id}}", tag).then(
    () => true,
    () => false,
  );

export function importTar(dir: string, tag: string, changes: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tar = spawn("tar", ["-C", dir, "--numeric-owner", "-cf", "-", "."]);
    const args = ["import", ...changes.flatMap((c) => ["--change", c]), "-", tag];
    const imp = spawn("docker", args, { stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    imp.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    tar.stdout.pipe(imp.stdin);
    tar.on("error", reject);
    imp.on("error", reject);
    imp.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`docker import ${tag} failed: ${stderr.trim()}`)),
    );
  });
}

async function assemble(recipe: ImageRecipe, out: string, root: string): Promise<void> {
  for (const [dir, uid] of Object.entries(recipe.dirs)) {
    await mkdir(join(root, dir), { recursive: true });
    await chown(join(root, dir), uid, uid);
    if (dir === "/tmp") await chmod(join(root, dir), 0o1777);
  }
  for (const [dest, name] of Object.entries(recipe.files)) {
    await mkdir(dirname(join(root, dest)), { recursive: true });
    await copyFile(join(out, name), join(root, dest));
  }
}

/** Builds the image when its tag is missing; logs how long the build took. */
async function ensureImage(recipe: ImageRecipe, log: (line: string) => void): Promise<string> {
  const tag = tagOf(recipe);
  if (await exists(tag)) return tag;
  const started = Date.now();
  log(`test images: building ${tag} (Go)`);
  const scratch = await mkdtemp(join(tmpdir(), `gini-image-${recipe.service}-`));
  try {
    const [work, out, root] = ["work", "out", "root"].map((d) => join(scratch, d));
    for (const d of [work!, out!, root!]) await mkdir(d);
    await recipe.build(work!, out!);
    await assemble(recipe, out!, root!);
    await importTar(root!, tag, [...recipe.changes, `LABEL gini.test-image=${recipe.service}`]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  log(`test images: built ${tag} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await removeOlderTags(`gini-test/${recipe.service}`, tag);
  return tag;
}

/** Removes superseded tags of the repository (best effort: images in use stay). */
async function removeOlderTags(repo: string, keep: string): Promise<void> {
  const tags = (await docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repo))
    .split("\n")
    .filter((t) => t && t !== keep);
  for (const tag of tags) await docker("rmi", tag).catch(() => undefined);
}

/** Builds (or reuses) the three test images; returns their tags. */
export async function buildTestImages(log = (line: string) => console.error(line)) {
  const recipes = await imageRecipes();
  // One at a time: each Go build already uses every core, and parallel links need much memory.
  const tags: string[] = [];
  for (const recipe of recipes) tags.push(await ensureImage(recipe, log));
  const [collector, jaeger, prometheus] = tags as [string, string, string];
  return { collector, jaeger, prometheus } satisfies TestImages;
}
