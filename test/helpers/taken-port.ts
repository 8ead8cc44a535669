import { connect, createServer } from "node:net";

/** Runs `work` while another process of this machine (this test) listens on 127.0.0.1:`port`. */
export async function withPortTaken<T>(port: number, work: () => Promise<T>): Promise<T> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(port, "127.0.0.1", listening));
  try {
    return await work();
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}

/** Whether something accepts a TCP connection on host:port now. */
export const portOpen = (host: string, port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host, port }, () => (socket.destroy(), done(true)));
    socket.on("error", () => done(false));
  });
