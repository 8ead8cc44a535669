import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "unit", include: ["src/**/*.test.ts"] },
      },
      {
        test: {
          name: "integration",
          include: ["test/**/*.test.ts"],
          // Builds the test images; fails (never skips) when no Docker engine answers.
          globalSetup: ["test/setup/global-setup.ts"],
          // The stack has fixed container names and host ports: one file at a time.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
