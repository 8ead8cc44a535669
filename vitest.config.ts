import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // `npm test` prints this summary and gates nothing on it. It counts the src/ code that runs
    // inside vitest's own processes: the unit tests, and what integration tests import directly.
    // The CLI that integration tests run as a child process (dist/bundle/bin.js), and the demo
    // apps they start, are not in the figure, so for cli/, stack/ and apps/ it is a floor.
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/*.test.ts", "src/**/*.fake.ts"],
      reporter: ["text-summary"],
    },
    projects: [
      {
        // The test set-up's own checks (e.g. the image pins) need no engine: they run as unit tests.
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/setup/**/*.test.ts"],
          setupFiles: ["test/setup/remove-fixtures.ts"],
          // Before the integration tests, not beside them: on two cores the unit tests' load
          // would change the latencies the integration tests compare (test/baselines.test.ts).
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          exclude: ["test/setup/**"],
          setupFiles: ["test/setup/remove-fixtures.ts"],
          // Builds the test images; fails (never skips) when no Docker engine answers.
          globalSetup: ["test/setup/global-setup.ts"],
          // The stack has fixed container names and host ports: one file at a time.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
