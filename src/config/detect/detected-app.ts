import type { OtlpTransport } from "../schema.js";

/** One app `gini init` found in a project folder, before it gets its final name. */
export interface DetectedApp {
  /** The ecosystem that recognised it, for comments and output: "Node", "Python", ... */
  kind: string;
  /** Name wanted under `apps:` (a folder or package name; sanitised and made unique later). */
  name: string;
  /** The app's folder relative to the project folder, "" for the project folder itself. */
  cwd: string;
  command: string;
  /** Written only when it is "http": grpc is gini's default. */
  otlp: OtlpTransport;
  env?: Record<string, string>;
  /** The app's port when the project shows it. */
  port?: number;
  /** A path known to answer 2xx on that port; without it the ready line is left commented. */
  readyPath?: string;
  /** Comment lines above the entry: what was detected and why. */
  notes: string[];
  /**
   * Set when gini could not tell (several candidates, no agent, ...): the whole entry is written
   * commented, and this says why.
   */
  unsure?: string;
}

/** One folder as the detectors see it. */
export interface Folder {
  /** Absolute path. */
  path: string;
  /** Relative to the project folder, "" for the project folder itself. */
  rel: string;
  /** The project folder's absolute path. */
  root: string;
}
