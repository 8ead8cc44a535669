import { afterEach, describe, expect, it } from "vitest";

import { GiniError } from "../../errors.js";
import { loadProject } from "../load.js";
import { projectFixture, removeProjectFixtures } from "../project.fake.js";
import { validateOptions } from "./index.js";

afterEach(removeProjectFixtures);

/** [line, rule, message] of each finding for this gini.yaml, in a folder named `folder`. */
async function findingsFor(lines: string[], folder?: string) {
  const dir = projectFixture({ files: { "gini.yaml": [...lines, ""].join("\n") }, name: folder });
  const findings = await validateOptions({ projectDir: dir });
  return findings.map((f) => [f.line, f.rule, f.message]);
}

describe("app env", () => {
  it("refuses a name with = or a NUL byte, and a value with a NUL byte, at its line", async () => {
    const lines = [
      "apps:",
      "  api:",
      "    command: x",
      '    env: { "A=B": "1", OK: "fine" }',
      "  ui:",
      "    command: x",
      '    env: { V: "a\\0b" }',
    ];
    const found = await findingsFor(lines);
    expect(found).toContainEqual([
      4,
      "gini-yaml",
      `apps.api.env."A=B": an environment variable's name holds no = or NUL byte`,
    ]);
    expect(found).toContainEqual([
      7,
      "gini-yaml",
      "apps.ui.env.V: an environment value holds no NUL byte",
    ]);
    expect(found).toHaveLength(2);
  });
});

describe("app names", () => {
  it.each([
    ['"../../../x"', '"../../../x"'],
    ['"a/b"', '"a/b"'],
    ['""', '""'],
    ['"two\\nlines"', '"two\\nlines"'],
    ["café", '"café"'],
    ["Api", "Api"],
  ])("refuses %s at its line, in validate and when loading", async (key, name) => {
    const lines = ["apps:", "  ok: { command: x }", `  ${key}: { command: x }`];
    expect(await findingsFor(lines)).toEqual([
      [3, "gini-yaml", `apps.${name}: an app name is lower-case letters, digits, '_', '.' and '-'`],
    ]);
    const dir = projectFixture({ files: { "gini.yaml": lines.join("\n") } });
    await expect(loadProject({ projectDir: dir })).rejects.toThrow(
      /gini\.yaml:3:\d+: apps\..*: an app name is lower-case/,
    );
  });

  it.each(["otel-collector", "jaeger", "prometheus"])(
    "refuses the stack's name %s",
    async (name) => {
      expect(await findingsFor(["apps:", `  ${name}: { image: x }`])).toEqual([
        [2, "gini-yaml", `apps.${name}: a stack service has this name`],
      ]);
    },
  );

  it("refuses an image app whose container name is a stack service's", async () => {
    expect(await findingsFor(["name: otel", "apps:", "  collector: { image: x }"])).toEqual([
      [
        3,
        "gini-apps",
        'apps.collector: its container name "otel-collector" is the stack\'s otel-collector container',
      ],
    ]);
    expect(await findingsFor(["name: otel", "apps:", "  collector: { command: x }"])).toEqual([]);
  });

  it("refuses an image app when the folder's name cannot prefix a container name", async () => {
    expect(await findingsFor(["apps:", "  api: { image: x }"], "my project")).toEqual([
      [
        2,
        "gini-apps",
        'apps.api: "my project-api" is not a valid container name: the project name "my project" comes from the folder\'s name',
      ],
    ]);
    expect(await findingsFor(["name: mine", "apps:", "  api: { image: x }"], "my project")).toEqual(
      [],
    );
  });
});

describe("what `gini up` refused only after starting the stack", () => {
  it("reports each unknown depends_on entry and a cycle at their lines", async () => {
    const lines = [
      "apps:",
      "  a:",
      "    command: x",
      "    depends_on: [jaeger, b]",
      "  b: { command: x, depends_on: [a, nope] }",
      "  c: { command: x, depends_on: [gone] }",
    ];
    expect(await findingsFor(lines)).toEqual([
      [4, "gini-apps", "apps.a.depends_on: dependency cycle a → b → a"],
      [5, "gini-apps", 'apps.b.depends_on: unknown app "nope"'],
      [6, "gini-apps", 'apps.c.depends_on: unknown app "gone"'],
    ]);
  });

  it("reports them beside gini.yaml's schema errors, not only once those are fixed", async () => {
    const lines = [
      "name: otel",
      "apps:",
      "  collector: { image: x, ports: oops }",
      "  ui: { command: x, depends_on: [api] }",
    ];
    expect((await findingsFor(lines)).map(([line, rule]) => [line, rule])).toEqual([
      [3, "gini-apps"],
      [3, "gini-yaml"],
      [4, "gini-apps"],
    ]);
  });

  it("refuses an https ready URL, which the probe cannot speak", async () => {
    const lines = ["apps:", "  api:", "    command: x", "    ready: https://localhost:8443/"];
    expect(await findingsFor(lines)).toEqual([
      [4, "gini-yaml", "apps.api.ready: gini probes plain http:// URLs only"],
    ]);
    const dir = projectFixture({ files: { "gini.yaml": lines.join("\n") } });
    const error = await loadProject({ projectDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GiniError);
    expect((error as GiniError).hint).toBe(
      "use a full http:// URL, e.g. http://localhost:8000/health",
    );
  });
});

describe("an app's folder", () => {
  it("refuses a cwd that is not there, at its line, as the launch would", async () => {
    const findings = await findingsFor(["apps:", "  api:", "    command: x", "    cwd: nowhere"]);
    expect(findings).toEqual([
      [4, "gini-apps", expect.stringMatching(/^apps\.api\.cwd: folder \/.*\/nowhere not found$/)],
    ]);
  });

  it("accepts one that is", async () => {
    expect(await findingsFor(["apps:", "  api: { command: x, cwd: . }"])).toEqual([]);
  });
});

describe("watch and ignore (gini up --watch)", () => {
  it("refuses a watch path that is not there, at its line, as up --watch would", async () => {
    const lines = ["apps:", "  api:", "    command: x", "    watch:", "      - .", "      - src"];
    expect(await findingsFor(lines)).toEqual([
      [6, "gini-apps", expect.stringMatching(/^apps\.api\.watch: \/.*\/src not found$/)],
    ]);
  });

  it("refuses them on an image app, which --watch does not restart", async () => {
    expect(await findingsFor(["apps:", "  web: { image: nginx, ignore: ['*.md'] }"])).toEqual([
      [
        2,
        "gini-yaml",
        "apps.web.ignore: ignore is for command apps; gini up --watch restarts host processes only",
      ],
    ]);
  });
});

describe("otlp", () => {
  it("accepts grpc and http", async () => {
    expect(
      await findingsFor([
        "apps:",
        "  a: { command: x, otlp: grpc }",
        "  b: { command: x, otlp: http }",
      ]),
    ).toEqual([]);
  });

  it("reports another value at its line, with the values it takes", async () => {
    const lines = ["apps:", "  api:", "    command: x", "    otlp: http/protobuf"];
    const [finding] = await findingsFor(lines);
    expect(finding).toEqual([4, "gini-yaml", expect.stringMatching(/^apps\.api\.otlp: .*"grpc"/)]);
    const dir = projectFixture({ files: { "gini.yaml": lines.join("\n") } });
    const error = await loadProject({ projectDir: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GiniError);
    expect((error as GiniError).hint).toMatch(/otlp: grpc .* or otlp: http/);
  });
});
