import { describe, expect, it } from "vitest";

import { listenAddress } from "./serve.js";

describe("listenAddress", () => {
  it("listens on loopback whatever HOST the shell exports", () => {
    for (const HOST of ["0.0.0.0", "::", "example.com", undefined]) {
      expect(listenAddress(8000, { HOST, PORT: "9000" })).toEqual({
        host: "127.0.0.1",
        port: 9000,
      });
    }
  });

  it.each([[undefined], [""], ["0"], ["65536"], ["80.5"], ["http"]])(
    "falls back to the default port for PORT=%j",
    (PORT) => {
      expect(listenAddress(7860, { PORT })).toEqual({ host: "127.0.0.1", port: 7860 });
    },
  );
});
