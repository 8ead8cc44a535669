import { basename, join, resolve } from "node:path";

import { appNames } from "./app-name.js";
import type { DetectedApp, Folder } from "./detected-app.js";
import { detectDotnet } from "./dotnet.js";
import { detectGo } from "./go.js";
import { detectJava } from "./java.js";
import { detectNode } from "./node.js";
import { isAppFolder, listDir } from "./project-files.js";
import { detectPython } from "./python.js";

/** Tried in this order; the first that recognises a folder describes its app. */
const DETECTORS = [detectNode, detectPython, detectGo, detectJava, detectDotnet];

/**
 * The apps of the project in `dir`: the folder itself and each folder one level down (a monorepo's
 * `api/`, `ui/`), one app per folder at most, each with its final gini.yaml name.
 */
export function detectApps(dir: string): DetectedApp[] {
  const root = resolve(dir);
  const folders: Folder[] = [
    { path: root, rel: "", root },
    ...listDir(root)
      .dirs.filter(isAppFolder)
      .map((name) => ({ path: join(root, name), rel: name, root })),
  ];
  const found = folders.flatMap((folder) => {
    for (const detect of DETECTORS) {
      const app = detect(folder);
      if (app)
        return [{ ...app, name: folder.rel ? basename(folder.rel) : app.name || basename(root) }];
    }
    return [];
  });
  const names = appNames(found.map((app) => app.name));
  return found.map((app, i) => ({ ...app, name: names[i]! }));
}
