import { describe, expect, it } from "vitest";

import { withGiniApp } from "./resource-attributes.js";

describe("withGiniApp", () => {
  it("adds gini.app to nothing", () => {
    expect(withGiniApp("api")).toBe("gini.app=api");
    expect(withGiniApp("api", undefined, "")).toBe("gini.app=api");
  });

  it("percent-encodes the app's name as the spec asks of values", () => {
    expect(withGiniApp("a b,c")).toBe("gini.app=a%20b%2Cc");
  });

  it("keeps the user's entries as written, dropping ones without a key=value shape", () => {
    expect(withGiniApp("api", " k = v%2C1 ,junk,,x=")).toBe("gini.app=api,k = v%2C1,x=");
  });

  it("lets later values win per key, and a user's gini.app over gini's", () => {
    expect(withGiniApp("api", "a=1,b=2", "b=3")).toBe("gini.app=api,a=1,b=3");
    expect(withGiniApp("api", "gini.app=shop,a=1")).toBe("gini.app=shop,a=1");
  });
});
