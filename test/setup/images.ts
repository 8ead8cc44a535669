// Test set-up, not the product: assembles the integration-test images with `docker import` (no
// registry, no Dockerfile, no base image): the real Debian Prometheus binary, and the collector
// and Jaeger stand-ins (test/standins) run by this machine's node binary.
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STANDINS = join(ROOT, "test", "standins");
const YAML_PKG = join(ROOT, "node_modules", "yaml");

export interface TestImages {
  collector: string;
  jaeger: string;
  prometheus: string;
}

/** A root filesystem: image path → host path (host files are copied, symlinks followed). */
type RootFs = Map<string, string>;

interface ImageSpec {
  repo: string;
  rootfs: RootFs;
  dirs: string[];
  changes: string[];
}

export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run("docker", args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** The binary plus the shared libraries `ldd` lists for it (and the dynamic loader). */
async function withLibraries(binary: string, imagePath: string): Promise<RootFs> {
  const files: RootFs = new Map([[imagePath, binary]]);
  const { stdout } = await run("ldd", [binary]);
  for (const line of stdout.split("\n")) {
    const path = /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)/.exec(line)?.[1];
    if (path) files.set(path, path);
  }
  return files;
}

async function listFiles(dir: string, keep: (path: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(keep)
    .sort();
}

/** Hash of what goes into an image: file contents for sources, size+mtime for big binaries. */
async function contentHash(spec: ImageSpec): Promise<string> {
  const h = createHash("sha256").update(JSON.stringify([spec.dirs, spec.changes]));
  for (const [dest, src] of [...spec.rootfs].sort(([a], [b]) => a.localeCompare(b))) {
    const s = await stat(src);
    h.update(dest);
    h.update(s.size > 1_000_000 ? `${s.size}:${s.mtimeMs}` : await readFile(src));
  }
  return h.digest("hex").slice(0, 12);
}

function importTar(dir: string, tag: string, changes: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tar = spawn("tar", ["-C", dir, "--owner=0", "--group=0", "-cf", "-", "."]);
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

async function exists(tag: string): Promise<boolean> {
  try {
    await docker("image", "inspect", "--format", "{{.Id}}", tag);
    return true;
  } catch {
    return false;
  }
}

/** Removes the other tags of the repository (best effort: in-use images stay). */
async function removeOlderTags(repo: string, keep: string): Promise<void> {
  const tags = (await docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repo))
    .split("\n")
    .filter((t) => t && t !== keep);
  for (const tag of tags) await docker("rmi", tag).catch(() => undefined);
}

async function buildImage(spec: ImageSpec): Promise<string> {
  const tag = `${spec.repo}:${await contentHash(spec)}`;
  if (await exists(tag)) {
    await removeOlderTags(spec.repo, tag);
    return tag;
  }
  const dir = await mkdtemp(join(tmpdir(), "gini-image-"));
  try {
    for (const d of spec.dirs) await mkdir(join(dir, d), { recursive: true });
    for (const [dest, src] of spec.rootfs) {
      await mkdir(dirname(join(dir, dest)), { recursive: true });
      await copyFile(src, join(dir, dest));
    }
    await importTar(dir, tag, spec.changes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await removeOlderTags(spec.repo, tag);
  return tag;
}

async function prometheusSpec(): Promise<ImageSpec> {
  return {
    repo: "gini-test/prometheus",
    rootfs: await withLibraries("/usr/bin/prometheus", "/bin/prometheus"),
    dirs: ["prometheus", "tmp", "etc/prometheus"],
    changes: [
      'ENTRYPOINT ["/bin/prometheus"]',
      'CMD ["--config.file=/etc/prometheus/prometheus.yml","--storage.tsdb.path=/prometheus"]',
      "WORKDIR /prometheus",
      "EXPOSE 9090",
      "LABEL gini.test-image=prometheus",
    ],
  };
}

async function standinSpec(name: "collector" | "jaeger", repo: string): Promise<ImageSpec> {
  const rootfs = await withLibraries(process.execPath, "/usr/bin/node");
  const sources = await listFiles(STANDINS, (p) => p.endsWith(".mjs") && !p.includes("fixtures"));
  for (const src of sources) rootfs.set(`/standin/${relative(STANDINS, src)}`, src);
  const yamlFiles = await listFiles(YAML_PKG, (p) => !relative(YAML_PKG, p).startsWith("browser"));
  for (const src of yamlFiles)
    rootfs.set(`/standin/node_modules/yaml/${relative(YAML_PKG, src)}`, src);
  return {
    repo,
    rootfs,
    dirs: ["tmp", "etc"],
    changes: [
      `ENTRYPOINT ["/usr/bin/node","/standin/${name}.mjs"]`,
      "WORKDIR /standin",
      `LABEL gini.test-image=${name}-standin`,
    ],
  };
}

/** Builds (or reuses) the three test images; returns their tags. */
export async function buildTestImages(): Promise<TestImages> {
  const [prometheus, collector, jaeger] = await Promise.all([
    prometheusSpec().then(buildImage),
    standinSpec("collector", "gini-test/otel-collector-standin").then(buildImage),
    standinSpec("jaeger", "gini-test/jaeger-standin").then(buildImage),
  ]);
  return { collector, jaeger, prometheus };
}
