import type { AppWarning } from "./app.js";
import { byIdentity, notStoppedWarning, type ProcessReader } from "./process-identity.js";
import { type AppRecord, loadState, writeState } from "./state-file.js";

/**
 * The state file's apps as one `gini up` holds them: read once, changed in memory, and written
 * whole after each change. Writes go one after another, so apps of one wave that record
 * themselves at the same moment never undo each other's entry.
 */
export class AppRecords {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly projectDir: string,
    private readonly before: ReadonlyMap<string, AppRecord>,
    private apps: AppRecord[],
    /** What the user should hear about the state file and the processes it names. */
    readonly warnings: AppWarning[],
  ) {}

  /**
   * Reads the state file, keeping the apps that still run (a stale entry goes at the next
   * write). An app whose process cannot be told apart from a stranger is never reused or
   * stopped: it is a warning, and stays recorded until an app of its name replaces it.
   */
  static async load(projectDir: string, read?: ProcessReader): Promise<AppRecords> {
    const { apps, warnings } = await loadState(projectDir);
    const { ours, unknown } = byIdentity(apps, read);
    warnings.push(...unknown.map(notStoppedWarning));
    // Every live app stays recorded, even one gini.yaml no longer lists, so `gini down` stops it.
    const kept = [...ours, ...unknown];
    return new AppRecords(projectDir, new Map(ours.map((a) => [a.name, a])), kept, warnings);
  }

  /** The app's record from an earlier `up`, when its process still runs. */
  previous(name: string): AppRecord | undefined {
    return this.before.get(name);
  }

  /** Records an app, replacing its earlier record. */
  put(record: AppRecord): Promise<void> {
    this.apps = [...this.apps.filter((a) => a.name !== record.name), record];
    return this.save();
  }

  /** Drops an app's record. */
  forget(name: string): Promise<void> {
    this.apps = this.apps.filter((a) => a.name !== name);
    return this.save();
  }

  /** Writes what is held now, after any write still under way. */
  save(): Promise<void> {
    const apps = this.apps;
    this.writes = this.writes
      .catch(() => undefined)
      .then(() => writeState(this.projectDir, { apps }));
    return this.writes;
  }
}
