import { describe, expect, it } from "vitest";
import { decodeCallback, encodeCallback } from "../../src/bot/callback-data.js";
import type { CallbackAction } from "../../src/bot/callback-data.js";

describe("callback data: one format for every button", () => {
  it.each<CallbackAction>([
    { kind: "page", key: "k3x", offset: 6 },
    { kind: "example", version: 2, lang: "en", index: 3 },
    { kind: "partners" },
    { kind: "region", region: "asia" },
    { kind: "partner", ref: "minsk", offset: 5 },
    { kind: "publish", draft: "lq2x9k0a1" },
    { kind: "publishAnyway", draft: "lq2x9k0a1" },
    { kind: "cancel", draft: "lq2x9k0a1" },
    { kind: "drop", draft: "lq2x9k0a1", card: 12 },
    { kind: "unansweredCsv" },
  ])("reads back what it wrote: %j", (action) => {
    expect(decodeCallback(encodeCallback(action))).toEqual(action);
  });

  it.each(["ig:abc", "ig:abc:x", "ig:abc:p:1", "ig:abc:d", "ig:abc:d:0", "ig:abc:d:1000", "ig:ABC:p", "ig::c", "ig:abc:c:", `ig:${"a".repeat(17)}:p`])("refuses draft data that is not one of its buttons: %j", (data) => {
    expect(decodeCallback(data)).toBeUndefined();
  });
});
