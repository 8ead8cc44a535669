import type { Server, ServerResponse } from "node:http";

import type { ShutdownTracing } from "../tracing/setup-tracing.js";

/** How a demo server listens and what it flushes on the way out. */
export interface ServeOptions {
  /** Service name, for the log lines. */
  name: string;
  port: number;
  /** Loopback (see listenAddress), like the stack's published ports. */
  host: string;
  shutdownTracing: ShutdownTracing;
}

/** Open requests may take this long to finish after SIGTERM before their sockets are cut. */
const DRAIN_MS = 3000;

/**
 * Listens, and on SIGTERM/SIGINT stops accepting requests, lets open ones finish, flushes spans
 * and exits 0, so `gini down` and Ctrl-C leave complete traces behind.
 */
export function serve(server: Server, { name, port, host, shutdownTracing }: ServeOptions): void {
  server.on("error", (err: NodeJS.ErrnoException) => {
    const why = err.code === "EADDRINUSE" ? `port ${port} is already in use` : err.message;
    process.stderr.write(`${name}: cannot listen on ${host}:${port}: ${why}\n`);
    process.exit(1);
  });
  server.listen(port, host, () => {
    process.stdout.write(`${name} listening on http://${host}:${port}\n`);
  });
  // Requests being answered: once none is left after SIGTERM, every socket can go. (Node's
  // closeIdleConnections() misses sockets a browser opened ahead of time and never used.)
  let active = 0;
  let stopping = false;
  server.on("request", (_req, res: ServerResponse) => {
    active++;
    res.once("close", () => {
      active--;
      if (stopping && active === 0) server.closeAllConnections();
    });
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${name}: ${signal}, shutting down\n`);
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    server.close(() => {
      void shutdownTracing().then(() => process.exit(0));
    });
    if (active === 0) server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Where a demo server listens: PORT from the environment (or the default), always on loopback.
 * HOST is not read: shells and other tools' dev servers often export HOST=0.0.0.0, which would
 * put the demo on the network.
 */
export function listenAddress(
  fallbackPort: number,
  env: NodeJS.ProcessEnv = process.env,
): { host: string; port: number } {
  const port = Number(env.PORT);
  const valid = Number.isInteger(port) && port > 0 && port < 65536;
  return { host: "127.0.0.1", port: valid ? port : fallbackPort };
}
