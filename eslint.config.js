import js from "@eslint/js";
import vitest from "@vitest/eslint-plugin";
import { defineConfig } from "eslint/config";
import simpleImportSort from "eslint-plugin-simple-import-sort";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "coverage/", ".gini/"] },
  js.configs.recommended,
  // Type-aware rules (floating promises, unsafe any, ...): every .ts file is in tsconfig.json,
  // and the project service reads it the way the editor does.
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // An abort reason or a caught error is passed on as it is, whatever its type (as
      // only-throw-error allows by default); a literal that is not an Error is still refused.
      "@typescript-eslint/prefer-promise-reject-errors": [
        "error",
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      // Every command loads the bundle: the named `z` keeps all of zod in it (locales, JSON
      // Schema; 0.6 MB more to compile), the namespace import lets esbuild drop what is unused.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier",
          message: 'write `import * as z from "zod"`',
        },
      ],
    },
  },
  {
    // A focused or skipped test passes CI while testing less; two tests of one title cannot be
    // told apart in a report; a test without an assertion cannot fail.
    files: ["**/*.test.ts"],
    plugins: { vitest },
    rules: {
      "vitest/no-focused-tests": "error",
      "vitest/no-disabled-tests": "error",
      "vitest/no-identical-title": "error",
      "vitest/expect-expect": [
        "error",
        { assertFunctionNames: ["expect", "expect*", "assert*", "fc.assert"] },
      ],
    },
  },
  {
    // Test doubles implement Promise-returning interfaces without awaiting anything; `async` keeps
    // their throws as rejections, as in the real implementations.
    files: ["**/*.fake.ts", "**/*.test.ts", "test/helpers/**"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Import order is fixed by `eslint --fix`, which can leave a specifier without its space:
    // prettier runs after it (`npm run format` does both), and never reorders imports itself.
    plugins: { "simple-import-sort": simpleImportSort },
    rules: {
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
    },
  },
  {
    // The few plain JS files (this one, scripts/) are in no tsconfig: they are linted untyped.
    files: ["**/*.mjs", "**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        URL: "readonly",
        fetch: "readonly",
      },
    },
  },
  {
    // A user's CommonJS app as the OpenTelemetry JS guide writes it (node --require), not ours.
    files: ["test/fixtures/apps/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
