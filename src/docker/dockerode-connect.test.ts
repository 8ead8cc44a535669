import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { createServer, type Server } from "node:net";
import { join } from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

import { tempFolder } from "../config/project.fake.js";
import { createDockerClient } from "./dockerode-client.js";

const servers: Server[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  for (const s of servers.splice(0)) s.close();
});

/** Starts `server` on a free loopback port; resolves with the DOCKER_HOST that reaches it. */
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `tcp://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe("an endpoint that answers, but is no Docker engine", () => {
  it("is named as such by every call, not 'unexpected' or a web page", async () => {
    // A web server's 404 page, as Prometheus or any HTTP service on a mistyped port answers.
    const web = createHttpServer((_req, res) => res.writeHead(404).end("<html>404 page</html>"));
    const endpoint = await listen(web);
    vi.stubEnv("DOCKER_HOST", endpoint);
    const docker = createDockerClient();
    const expected = `${endpoint} (DOCKER_HOST) answered HTTP 404, not as a Docker engine does`;
    await expect(docker.ping()).rejects.toThrow(expected);
    await expect(docker.listContainers({})).rejects.toThrow(expected);
    await expect(docker.ping()).rejects.not.toThrow(/html/);
  });

  it("says so when the answer is not HTTP at all (e.g. an SSH port)", async () => {
    const ssh = createServer((socket) => socket.end("SSH-2.0-OpenSSH_9.2\r\n"));
    const endpoint = await listen(ssh);
    vi.stubEnv("DOCKER_HOST", endpoint);
    await expect(createDockerClient().ping()).rejects.toThrow(
      `${endpoint} (DOCKER_HOST) answered, but not over HTTP: it is no Docker engine`,
    );
  });
});

describe("--context", () => {
  it("wins over DOCKER_HOST and DOCKER_CERT_PATH without reading their files", async () => {
    const dockerDir = tempFolder("gini-context-");
    const id = createHash("sha256").update("other").digest("hex");
    const meta = join(dockerDir, "contexts", "meta", id);
    mkdirSync(meta, { recursive: true });
    const socket = join(dockerDir, "nothing-here.sock");
    const Endpoints = { docker: { Host: `unix://${socket}`, SkipTLSVerify: false } };
    writeFileSync(join(meta, "meta.json"), JSON.stringify({ Name: "other", Endpoints }));
    vi.stubEnv("DOCKER_CONFIG", dockerDir);
    vi.stubEnv("DOCKER_HOST", "tcp://127.0.0.1:2376");
    vi.stubEnv("DOCKER_TLS_VERIFY", "1");
    vi.stubEnv("DOCKER_CERT_PATH", join(dockerDir, "no-such-folder"));
    // Not "cannot set up the engine connection … cert.pem": the context's socket is what is tried.
    await expect(createDockerClient({ context: "other" }).ping()).rejects.toThrow(
      `Docker engine not reachable at unix://${socket} (context "other" from --context)`,
    );
  });
});
