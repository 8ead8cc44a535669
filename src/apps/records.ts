import { type AppRecord, isAlive, readState, writeState } from "./state-file.js";

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
  ) {}

  /** Reads the state file, keeping the apps that still run (a stale entry goes at the next write). */
  static async load(projectDir: string): Promise<AppRecords> {
    // Every live app stays recorded, even one gini.yaml no longer lists, so `gini down` stops it.
    const live = (await readState(projectDir)).apps.filter(isAlive);
    return new AppRecords(projectDir, new Map(live.map((a) => [a.name, a])), live);
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
