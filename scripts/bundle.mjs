// Bundles the CLI (src/bin.ts and everything it imports, dependencies included) into
// dist/bundle/, one chunk per lazily imported command module. Loading a few large files instead
// of hundreds of small ones saves ~0.3 s on every command (see the README's performance section).
// Modules find package files relative to themselves one folder below dist/ (dist/<folder>/x.js),
// which holds for dist/bundle/ too. ssh2 stays external: it loads a WebAssembly file from its own
// folder and optional native addons.
import { rmSync } from "node:fs";

import { build } from "esbuild";

// Chunk names carry content hashes: without this, every build would leave the last one's behind.
rmSync("dist/bundle", { recursive: true, force: true });

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
  logLevel: "warning",
});
