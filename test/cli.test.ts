import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { tempFolder } from "../src/config/project.fake.js";
import { gini, ROOT } from "./helpers/gini.js";
import { ValidateDoc } from "./helpers/json-docs.js";

const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
};

describe("the gini command line", () => {
  it("prints its version and exits 2 on usage errors", async () => {
    const dir = tempFolder("gini-cli-");
    expect((await gini(dir, ["--version"])).stdout.trim()).toBe(version);
    const unknown = await gini(dir, ["upp"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'upp'");
    const badFlag = await gini(dir, ["up", "--pull", "sometimes"]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain("Allowed choices are missing, always, never");
    const watchDetached = await gini(dir, ["up", "--watch", "--detach"]);
    expect(watchDetached.code).toBe(2);
    expect(watchDetached.stderr).toContain(
      "error: --watch runs the apps in the foreground: not with --detach",
    );
  });

  it("init writes the configs, validate passes them and fails a broken one with file:line", async () => {
    const dir = join(tempFolder("gini-cli-"), "adopt");
    const init = await gini(ROOT, ["--project-dir", dir, "init"]);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/written +\S*config-spm\.yaml/);
    expect((await gini(dir, ["validate"])).code).toBe(0);

    const again = await gini(dir, ["init"]);
    expect(again.stdout).toMatch(/skipped +config-spm\.yaml/);

    const file = join(dir, "config-spm.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("endpoint: 0.0.0.0:4317", "endpoint: localhost:4317"),
    );
    const broken = await gini(dir, ["validate"]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /config-spm\.yaml:\d+:\d+: error: receiver "otlp" listens on localhost:4317/,
    );
    const json = ValidateDoc.parse(JSON.parse((await gini(dir, ["validate", "--json"])).stdout));
    expect(json).toMatchObject({ ok: false, errors: 1 });
    expect(json.findings[0]).toMatchObject({ rule: "localhost-bind", severity: "error" });
  });

  it("names the line of a gini.yaml key of the wrong type", async () => {
    const dir = tempFolder("gini-cli-");
    await gini(dir, ["init"]);
    writeFileSync(join(dir, "gini.yaml"), "name: demo\nbind: everywhere\n");
    const run = await gini(dir, ["status"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*gini\.yaml:2:7: bind: /m);
  });
});
