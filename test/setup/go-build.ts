// Test set-up, not the product: builds real programs from their published Go modules with the
// ordinary Go tools (Go module proxy, module and build caches in their default places).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Static binaries (the test images have no C library); Go where the machine ships it. */
const GO_ENV = {
  ...process.env,
  PATH: `${process.env.PATH ?? ""}:/usr/local/go/bin`,
  CGO_ENABLED: "0",
  GOFLAGS: "-buildvcs=false",
  // The compiler collects garbage less often: on a new machine the builds are most of a CI run's
  // time, and GOGC=400 made a cold etcd build 8-15 % faster (88 s vs 91-103 s); memory is ample.
  GOGC: process.env.GOGC ?? "400",
};

export async function go(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run("go", args, { cwd, env: GO_ENV, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const tail = (e.stderr ?? e.message).trim().split("\n").slice(-15).join("\n");
    throw new Error(`go ${args.join(" ")} (in ${cwd}) failed:\n${tail}`);
  }
}

interface ModulePath {
  Path: string;
  Version?: string;
}
/** What `go mod edit -json` reports of a go.mod. */
interface GoModJson {
  Go?: string;
  Replace?: { Old: ModulePath; New: ModulePath }[];
}
const modulePath = (m: ModulePath) => (m.Version ? `${m.Path} ${m.Version}` : m.Path);

export interface GoProgram {
  module: string;
  /** A version the Go module proxy serves. */
  version: string;
  /**
   * Package paths of the programs to build; or `["."]` for a main package of the project's own
   * (`source`) built against the module at that version.
   */
  packages: string[];
  /**
   * The folder of that main package: its .go files are copied into the wrapper module, and the
   * program is named after the folder.
   */
  source?: string;
  tags?: string[];
  /** `-X importpath.name=value` stamps, e.g. the version the program reports. */
  stamps?: Record<string, string>;
  /**
   * The published version of the modules the go.mod replaces with a folder of its own repository
   * (Kubernetes' staging modules, etcd's api and client): the wrapper takes them from the proxy.
   */
  localReplaces?: string;
}

/**
 * Builds the programs into `outDir`. A module whose go.mod has `replace` directives cannot be
 * `go install`ed by version, so the build runs in a wrapper module that repeats them: the same
 * dependency versions the project's own release build uses.
 */
export async function buildGoProgram(program: GoProgram, workDir: string, outDir: string) {
  const info = JSON.parse(
    await go(["mod", "download", "-json", `${program.module}@${program.version}`], workDir),
  ) as { GoMod: string };
  const goMod = JSON.parse(await go(["mod", "edit", "-json", info.GoMod], workDir)) as GoModJson;
  const wrapper = [
    "module gini.test/build",
    `go ${goMod.Go ?? "1.24"}`,
    `require ${program.module} ${program.version}`,
    ...(goMod.Replace ?? []).map((r) => {
      const local = r.New.Path.startsWith(".") && program.localReplaces;
      const to = local ? `${r.Old.Path} ${local}` : modulePath(r.New);
      return `replace ${modulePath(r.Old)} => ${to}`;
    }),
  ];
  await writeFile(join(workDir, "go.mod"), wrapper.join("\n\n") + "\n");
  if (program.source) {
    for (const file of await readdir(program.source))
      if (file.endsWith(".go")) await copyFile(join(program.source, file), join(workDir, file));
    await go(["mod", "tidy"], workDir);
    await goBuild(program, workDir, outDir, basename(program.source));
  } else {
    await go(["get", ...program.packages.map((p) => `${p}@${program.version}`)], workDir);
    await goBuild(program, workDir, outDir);
  }
}

/**
 * `go build` of the packages in `cwd`'s module, stripped and stamped, into the folder `out`; each
 * program is named by go after its package, or `name`.
 */
export async function goBuild(
  program: Omit<GoProgram, "module" | "version">,
  cwd: string,
  out: string,
  name?: string,
) {
  const tags = program.tags?.length ? ["-tags", program.tags.join(",")] : [];
  const stamps = Object.entries(program.stamps ?? {}).map(([k, v]) => ` -X ${k}=${v}`);
  const ldflags = `-ldflags=-s -w${stamps.join("")}`;
  await go(
    [
      "build",
      "-trimpath",
      ldflags,
      ...tags,
      "-o",
      name ? join(out, name) : `${out}/`,
      ...program.packages,
    ],
    cwd,
  );
}

/** A module's source as a tarball (for releases the Go module proxy does not serve). */
export interface GoSource {
  tarball: string;
  /** The tarball's expected sha256: a different file is refused before it is unpacked. */
  sha256: string;
  /** The folder the tarball unpacks to, which holds the go.mod. */
  folder: string;
  /** Package paths relative to that module, e.g. `./cmd/jaeger`. */
  packages: string[];
  stamps?: Record<string, string>;
}

/** Checks the tarball's checksum, unpacks it into `workDir` and builds its programs. */
export async function buildGoSource(source: GoSource, workDir: string, outDir: string) {
  const actual = createHash("sha256")
    .update(await readFile(source.tarball))
    .digest("hex");
  if (actual !== source.sha256)
    throw new Error(`${source.tarball}: sha256 ${actual}, expected ${source.sha256}`);
  await run("tar", ["-xzf", source.tarball, "-C", workDir]);
  await goBuild(source, join(workDir, source.folder), outDir);
}
