import { describe, expect, it } from "vitest";

import { checkHostKey } from "./known-hosts.js";

// A real ed25519 host key, and two entries for it that `ssh-keygen -H` hashed
// ([127.0.0.1]:2222 and build-box).
const KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIEnFpcIUqZyInI5fVI79YhnFfeMpLIQtuKw6f63UaZD1";
const OTHER = "AAAAC3NzaC1lZDI1NTE5AAAAIDMbA0mq0lZ6Bu6kLhKFV3uJvxMOy4aEw+N9pMYgHWWx";
const HASHED = [
  `|1|z8OskCBX3pqd+ns3HrptSdGj5dk=|zTGdHjBTfb3EdlFaMkIzGQ+fzlk= ssh-ed25519 ${KEY}`,
  `|1|fvuPAA9FphrXrgGWMc5IgdYGZKU=|ZEl6p1XJre+CEKCYrx7yJVNY8cg= ssh-ed25519 ${KEY}`,
].join("\n");
const key = Buffer.from(KEY, "base64");
const file = (text: string) => [{ path: "/home/me/.ssh/known_hosts", text }];

describe("checkHostKey: as OpenSSH reads known_hosts", () => {
  it("knows a key listed under the host's name, plain or hashed, with [host]:port off port 22", () => {
    expect(checkHostKey(file(`build-box ssh-ed25519 ${KEY}`), "build-box", 22, key).verdict).toBe(
      "known",
    );
    expect(
      checkHostKey(file(`[build-box]:2222 ssh-ed25519 ${KEY}`), "build-box", 2222, key).verdict,
    ).toBe("known");
    expect(checkHostKey(file(HASHED), "127.0.0.1", 2222, key).verdict).toBe("known");
    expect(checkHostKey(file(HASHED), "build-box", 22, key).verdict).toBe("known");
  });

  it("matches wildcards and comma lists, and a negated pattern excludes", () => {
    const text = `# comment\n\n*.lan,!evil.lan ssh-ed25519 ${KEY}`;
    expect(checkHostKey(file(text), "box.lan", 22, key).verdict).toBe("known");
    expect(checkHostKey(file(text), "evil.lan", 22, key).verdict).toBe("unknown");
  });

  it("calls a host listed with another key changed, naming the file, and an unlisted one unknown", () => {
    expect(checkHostKey(file(`build-box ssh-ed25519 ${OTHER}`), "build-box", 22, key)).toEqual({
      verdict: "changed",
      file: "/home/me/.ssh/known_hosts",
    });
    expect(checkHostKey(file(`build-box ssh-ed25519 ${KEY}`), "build-box", 2222, key).verdict).toBe(
      "unknown",
    );
    expect(checkHostKey([], "build-box", 22, key).verdict).toBe("unknown");
  });

  it("refuses a @revoked key even where another line lists it, and skips @cert-authority lines", () => {
    const text = `build-box ssh-ed25519 ${KEY}\n@revoked * ssh-ed25519 ${KEY}`;
    expect(checkHostKey(file(text), "build-box", 22, key).verdict).toBe("revoked");
    const ca = `@cert-authority build-box ssh-ed25519 ${KEY}`;
    expect(checkHostKey(file(ca), "build-box", 22, key).verdict).toBe("unknown");
  });
});
