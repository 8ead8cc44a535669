import { describe, expect, it } from "vitest";

import { printable } from "./printable.js";

describe("printable", () => {
  it("shows control characters escaped, so outside text cannot drive the terminal", () => {
    expect(printable("GET /x\u001b[2J\u001b]0;pwned\u0007")).toBe(
      "GET /x\\x1b[2J\\x1b]0;pwned\\x07",
    );
    expect(printable("a\nb\r\tc\u007f\u009b31m\u2028")).toBe("a\\nb\\r\\tc\\x7f\\u009b31m\\u2028");
  });

  it("leaves other text alone, accents and emoji included", () => {
    expect(printable("POST /api/café ✖ 🚀 ok")).toBe("POST /api/café ✖ 🚀 ok");
  });
});
