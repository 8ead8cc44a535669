import { createServer } from "node:net";

/**
 * True when nothing listens on host:port. Binding is the only reliable test: a connect test
 * misses listeners on other addresses that would still make Docker's bind fail.
 */
export function isPortFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
