import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROVIDER_KEYS, PROVIDER_SECRET_KEYS } from "../../src/config/keys";
import { REPO_ROOT } from "../../src/config/paths";

describe("the grafana: provider's key space", () => {
  const declared = [
    ...readFileSync(join(REPO_ROOT, "node_modules/@pulumiverse/grafana/config/vars.d.ts"), "utf8").matchAll(/export declare const (\w+)/g),
  ].map((m) => m[1]);

  it("is exactly the keys the installed provider declares", () => {
    expect([...PROVIDER_KEYS].sort()).toEqual(declared.sort());
  });

  it("treats every provider key named like a credential as one that must be a secret", () => {
    const credentialLike = declared.filter((k) => /auth|token|key$/i.test(k));
    expect(credentialLike.filter((k) => !(PROVIDER_SECRET_KEYS as readonly string[]).includes(k))).toEqual([]);
  });
});
