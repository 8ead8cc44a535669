import { describe, expect, it } from "vitest";

import { toCreateOptions } from "./create-options.js";
import type { ContainerSpec } from "./types.js";

const spec: ContainerSpec = {
  name: "jaeger",
  image: "jaegertracing/jaeger:2.0.0",
  command: ["--config=/etc/jaeger/config.yaml"],
  labels: { "gini.project": "demo", "gini.service": "jaeger" },
  ports: [
    { container: 16686, hostIp: "127.0.0.1", host: 16686 },
    { container: 4317, hostIp: "127.0.0.1", host: 14317 },
  ],
  mounts: [{ source: "/work/demo/config-jaeger.yaml", target: "/etc/jaeger/config.yaml" }],
  env: { A: "1", B: "x=y" },
  network: "gini-network",
  aliases: ["jaeger"],
  restart: { name: "on-failure", maxRetries: 5 },
};

describe("toCreateOptions: a ContainerSpec as the engine's create request", () => {
  it("binds every config file read-only and forbids gaining privileges", () => {
    const { HostConfig } = toCreateOptions(spec);
    expect(HostConfig?.Mounts).toEqual([
      {
        Type: "bind",
        Source: "/work/demo/config-jaeger.yaml",
        Target: "/etc/jaeger/config.yaml",
        ReadOnly: true,
      },
    ]);
    expect(HostConfig?.SecurityOpt).toEqual(["no-new-privileges"]);
  });

  it("restarts on failure at most the spec's times, and never without a policy", () => {
    expect(toCreateOptions(spec).HostConfig?.RestartPolicy).toEqual({
      Name: "on-failure",
      MaximumRetryCount: 5,
    });
    const never = toCreateOptions({ ...spec, restart: undefined });
    expect(never.HostConfig).not.toHaveProperty("RestartPolicy");
  });

  it("joins the network under its aliases, with its labels, command and env", () => {
    const options = toCreateOptions(spec);
    expect(options).toMatchObject({
      name: "jaeger",
      Image: "jaegertracing/jaeger:2.0.0",
      Cmd: ["--config=/etc/jaeger/config.yaml"],
      Labels: { "gini.project": "demo", "gini.service": "jaeger" },
      Env: ["A=1", "B=x=y"],
      HostConfig: { NetworkMode: "gini-network" },
      NetworkingConfig: { EndpointsConfig: { "gini-network": { Aliases: ["jaeger"] } } },
    });
  });

  it("keeps the image's own command when the spec gives none", () => {
    expect(toCreateOptions({ ...spec, command: undefined })).not.toHaveProperty("Cmd");
    expect(toCreateOptions({ ...spec, env: undefined }).Env).toEqual([]);
  });

  it("publishes each port on the host IP the spec gives, at its host port", () => {
    const exposed = (hostIp: string) =>
      toCreateOptions({ ...spec, ports: spec.ports.map((p) => ({ ...p, hostIp })) });
    expect(exposed("127.0.0.1").ExposedPorts).toEqual({ "16686/tcp": {}, "4317/tcp": {} });
    expect(exposed("127.0.0.1").HostConfig?.PortBindings).toEqual({
      "16686/tcp": [{ HostIp: "127.0.0.1", HostPort: "16686" }],
      "4317/tcp": [{ HostIp: "127.0.0.1", HostPort: "14317" }],
    });
    expect(exposed("0.0.0.0").HostConfig?.PortBindings).toEqual({
      "16686/tcp": [{ HostIp: "0.0.0.0", HostPort: "16686" }],
      "4317/tcp": [{ HostIp: "0.0.0.0", HostPort: "14317" }],
    });
  });
});
