// Unit test of the test set-up: the images the integration tests run are the releases gini pins.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { DEFAULT_IMAGES } from "../../src/stack/images.js";
import { imageRecipes, jaegerTestRelease, VENDOR_DIR } from "./image-recipes.js";

const tagOf = (image: string) => image.slice(image.lastIndexOf(":") + 1);

describe("test image recipes", () => {
  it("build each service at the release gini pins", async () => {
    const recipes = await imageRecipes();
    expect(Object.fromEntries(recipes.map((r) => [r.service, r.release]))).toEqual({
      "otel-collector": tagOf(DEFAULT_IMAGES["otel-collector"]),
      jaeger: tagOf(DEFAULT_IMAGES.jaeger),
      prometheus: tagOf(DEFAULT_IMAGES.prometheus),
    });
  });

  it("refuse a Jaeger pin that differs from the source the test image is built from", () => {
    expect(jaegerTestRelease("jaegertracing/jaeger:2.20.0")).toBe("2.20.0");
    expect(() => jaegerTestRelease("jaegertracing/jaeger:2.21.0")).toThrow(
      "gini pins jaegertracing/jaeger:2.21.0, but the Jaeger test image is built from 2.20.0's source",
    );
  });

  it("check the vendored Jaeger source against the checksum shared/vendor lists", async () => {
    const [jaeger] = (await imageRecipes()).filter((r) => r.service === "jaeger");
    const sums = await readFile(join(VENDOR_DIR, "SHA256SUMS"), "utf8");
    const [listed] = sums
      .split("\n")
      .filter((line) => line.endsWith(`jaeger-v${jaeger!.release}-src.tar.gz`))
      .map((line) => line.split(/\s+/)[0]);
    expect(jaeger!.inputs.join("\n")).toContain(`"sha256":"${listed}"`);
  });
});
