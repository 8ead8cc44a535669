// Bundles the CLI (src/bin.ts and everything it imports, dependencies included) into
// dist/bundle/, one chunk per lazily imported command module. Loading a few large files instead
// of hundreds of small ones saves ~0.3 s on every command (see docs/performance.md).
// Modules find package files relative to themselves one folder below dist/ (dist/<folder>/x.js),
// which holds for dist/bundle/ too. ssh2 stays external: it loads a WebAssembly file from its own
// folder and optional native addons.
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { sep } from "node:path";

import { build } from "esbuild";

// Chunk names carry content hashes: without this, every build would leave the last one's behind.
rmSync("dist/bundle", { recursive: true, force: true });

// Every command loads dockerode, which loads at once what only some engines need. Two of its
// requires are replaced (together ~25 ms on every command; docs/performance.md):
// - dockerode's BuildKit modules (gRPC and protobuf, 1 MB): only buildImage with BuildKit and
//   dockerode's own followProgress use them; gini builds no images and follows pulls with
//   docker-modem's followProgress;
// - docker-modem's ssh module, which loads ssh2 (many files, WebAssembly): it is loaded when an
//   ssh:// engine is first used instead.
const require = createRequire(import.meta.url);
const replaced = [
  {
    importer: `dockerode${sep}lib${sep}docker.js`,
    path: "./session",
    contents:
      "module.exports = () => { throw new Error('BuildKit sessions are left out of the gini bundle'); };",
  },
  {
    importer: `dockerode${sep}lib${sep}docker.js`,
    path: "./buildkit",
    contents:
      "module.exports = { followProgress() { throw new Error('BuildKit progress is left out of the gini bundle'); } };",
  },
  {
    importer: `docker-modem${sep}lib${sep}modem.js`,
    path: "./ssh",
    contents: `module.exports = (options) => require(${JSON.stringify(require.resolve("docker-modem/lib/ssh.js"))})(options);`,
  },
];
const lighterDockerode = {
  name: "lighter-dockerode",
  setup(b) {
    b.onResolve({ filter: /^\.\/(session|buildkit|ssh)$/ }, (args) => {
      const i = replaced.findIndex(
        (r) => r.path === args.path && args.importer.endsWith(r.importer),
      );
      return i < 0 ? undefined : { path: String(i), namespace: "gini-replaced" };
    });
    b.onLoad({ filter: /.*/, namespace: "gini-replaced" }, (args) => ({
      contents: replaced[Number(args.path)].contents,
      loader: "js",
      resolveDir: import.meta.dirname,
    }));
  },
};

await build({
  entryPoints: ["src/bin.ts"],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["ssh2", "cpu-features", "*.node"],
  // CommonJS dependencies (dockerode) call require() for Node built-ins.
  banner: {
    js: 'import { createRequire as __giniRequire } from "node:module"; const require = __giniRequire(import.meta.url);',
  },
  plugins: [lighterDockerode],
  logLevel: "warning",
});
