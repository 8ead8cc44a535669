import { describe, expect, it } from "vitest";

import { diagnoseLogs, isErrorLine, shortLine } from "./collector-logs.js";

const zap = (level: string, msg: string, fields: object = {}) =>
  `2025-01-01T00:00:00.000Z\t${level}\texporterhelper/queue_sender.go:128\t${msg}\t${JSON.stringify(fields)}`;

describe("collector log diagnosis", () => {
  it("names an unknown component type with the validate hint", () => {
    const checks = diagnoseLogs(
      [
        `Error: failed to get config: cannot unmarshal the configuration: 'exporters' unknown type: "jaeger_storage_exporter" for id: "jaeger_storage_exporter"`,
      ],
      false,
    );
    expect(checks[0]).toMatchObject({
      id: "collector-logs.unknown-type",
      status: "fail",
      finding: 'the collector rejects its config: unknown component type "jaeger_storage_exporter"',
    });
    expect(checks[0]!.fix).toContain("config-jaeger.yaml");
  });

  it("names an address already in use", () => {
    const [c] = diagnoseLogs(
      [
        zap(
          "error",
          "cannot start pipelines: listen tcp 0.0.0.0:4317: bind: address already in use",
        ),
      ],
      false,
    );
    expect(c?.status).toBe("fail");
    expect(c?.finding).toContain("on 0.0.0.0:4317");
  });

  it("explains export failures to jaeger by their cause", () => {
    const checks = diagnoseLogs(
      [
        zap("info", "Exporting failed. Will retry the request after interval.", {
          // What the real 0.165 otlp_grpc exporter logs when jaeger's name does not resolve.
          error: "rpc error: code = Unavailable desc = no children to pick from",
        }),
      ],
      true,
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]!.finding).toMatch(
      /^1 failed export of traces to jaeger; last: Exporting failed/,
    );
    expect(checks[0]!.fix).toContain("jaeger's name does not resolve");
  });

  it("counts other error lines, a warning while the collector runs", () => {
    const checks = diagnoseLogs(
      [zap("info", "ok"), zap("error", "something broke", { error: "boom" })],
      true,
    );
    expect(checks).toEqual([
      expect.objectContaining({
        status: "warn",
        finding: "1 error line; last: something broke: boom",
      }),
    ]);
    expect(diagnoseLogs([zap("info", "Everything is ready.")], true)).toEqual([]);
  });

  it("recognises error levels in console and JSON logs", () => {
    expect(isErrorLine(zap("error", "x"))).toBe(true);
    expect(isErrorLine('{"level":"error","msg":"x"}')).toBe(true);
    expect(isErrorLine(zap("warn", "x"))).toBe(false);
    expect(shortLine("plain line")).toBe("plain line");
  });
});
