// The demo UI in a real browser: Debian's chromium driven by playwright-core (no browser
// download). Tracing stays off (no OTEL endpoint): this is about the page and the relay.

import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { tempFolder } from "../src/config/project.fake.js";
import { type DemoProcess, startDemo } from "./helpers/demo-process.js";

const CHROMIUM = process.env.GINI_TEST_CHROMIUM ?? "/usr/bin/chromium";

let api: DemoProcess;
let ui: DemoProcess;
let browser: BrowserContext;

beforeAll(async () => {
  api = await startDemo("api.js", {});
  ui = await startDemo("ui.js", { API_URL: api.url });
  // A fresh profile per run; playwright takes it as an argument, not as --user-data-dir.
  browser = await chromium.launchPersistentContext(tempFolder("gini-chromium-"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([ui?.stop(), api?.stop()]);
});

describe("demo UI in a browser", () => {
  it("says that tracing is off without an endpoint", () => {
    expect(api.output()).toContain(
      "OTEL_EXPORTER_OTLP_ENDPOINT is not set, tracing is off for gini-api",
    );
    expect(ui.output()).toContain("tracing is off for gini-ui");
  });

  it("shows the API's answer for a prompt", async () => {
    const page = await browser.newPage();
    await page.goto(ui.url + "/");
    await page.fill("#prompt", "hello from chromium");
    await page.click("#generate");
    const answer = page.locator("#answer");
    await answer.waitFor({ state: "visible", timeout: 10_000 });
    expect(await answer.textContent()).toContain('"muimorhc morf olleh"');
    expect(await page.locator("#error").isHidden()).toBe(true);
    await page.close();
  });

  it("shows an error state for the failing input", async () => {
    const page = await browser.newPage();
    await page.goto(ui.url + "/");
    await page.fill("#prompt", "please fail");
    await page.click("#generate");
    const error = page.locator("#error");
    await error.waitFor({ state: "visible", timeout: 10_000 });
    expect(await error.textContent()).toContain("gini-demo-model failed");
    expect(await page.locator("#answer").isHidden()).toBe(true);
    // The button is usable again after a failure.
    expect(await page.locator("#generate").isEnabled()).toBe(true);
    await page.close();
  });

  it("stops cleanly on SIGTERM", async () => {
    expect(await ui.stop()).toBe(0);
    expect(await api.stop()).toBe(0);
  });
});
