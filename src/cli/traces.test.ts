import { afterEach, describe, expect, it, vi } from "vitest";

import { main } from "../main.js";

/** Runs `gini traces ...args` and returns the exit code and what went to stderr. */
async function run(...args: string[]) {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(["node", "gini", "--no-color", "traces", ...args]);
  return { code, stderr };
}

describe("gini traces: usage errors, found before Jaeger is asked", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("refuses a --limit that is not a count", async () => {
    expect(await run("--limit", "0")).toEqual({
      code: 2,
      stderr:
        'error: --limit: "0" is not a number of traces from 1 to 500\nhint: e.g. --limit 20\n',
    });
  });

  it("refuses search flags beside a trace id", async () => {
    const { code, stderr } = await run(
      "7f23cb6a77603f51c005ff9029f9b73d",
      "--errors",
      "--limit",
      "3",
    );
    expect(code).toBe(2);
    expect(stderr).toContain("error: a trace id takes no --errors, --limit\n");
  });

  it("refuses what is not a trace id", async () => {
    const { code, stderr } = await run("latest");
    expect(code).toBe(2);
    expect(stderr).toContain('error: "latest" is not a trace id\n');
  });
});
