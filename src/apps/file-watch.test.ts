import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { projectFixture, removeProjectFixtures } from "../config/project.fake.js";
import { type FileChange, watchFiles } from "./file-watch.js";
import { watchIgnore } from "./watch-ignore.js";

afterEach(removeProjectFixtures);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watching an app's files (real inotify)", () => {
  it("reports a burst of writes once, after they are quiet, and not what is ignored", async () => {
    const dir = projectFixture({ files: { "src/a.js": "", ".gitignore": "*.log\n" } });
    mkdirSync(join(dir, "node_modules/x"), { recursive: true });
    const changes: FileChange[] = [];
    const watch = watchFiles(
      [dir],
      watchIgnore(dir, dir),
      {
        onChange: (c) => changes.push(c),
        onError: (err) => {
          throw err;
        },
      },
      200,
    );
    try {
      await watch.ready;
      writeFileSync(join(dir, "debug.log"), "x");
      writeFileSync(join(dir, "node_modules/x/index.js"), "x");
      await sleep(600);
      expect(changes).toEqual([]);
      writeFileSync(join(dir, "src/a.js"), "1");
      writeFileSync(join(dir, "src/b.js"), "2");
      writeFileSync(join(dir, "src/a.js"), "3");
      await sleep(600);
      expect(changes.map((c) => c.files)).toEqual([[join(dir, "src/a.js"), join(dir, "src/b.js")]]);
    } finally {
      await watch.close();
    }
  });
});
