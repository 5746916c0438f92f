import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInlineMisses } from "../../src/bot/inline-misses.js";

describe("createInlineMisses", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("settles only the last miss of a user once they pause, however many came before", () => {
    const misses = createInlineMisses(1_000);
    const settled: string[] = [];
    for (const query of ["погода", "погода в", "погода в Минске"]) {
      misses.miss(1, () => settled.push(query));
      vi.advanceTimersByTime(900);
    }
    expect(settled).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(settled).toEqual(["погода в Минске"]);
    vi.advanceTimersByTime(10_000);
    expect(settled).toEqual(["погода в Минске"]);
  });

  it("drops a held miss when the user's next query is answered, and keeps users apart", () => {
    const misses = createInlineMisses(1_000);
    const settled: string[] = [];
    misses.miss(1, () => settled.push("one: что подп"));
    misses.miss(2, () => settled.push("two: xyzzy"));
    misses.answered(1);
    vi.advanceTimersByTime(1_000);
    expect(settled).toEqual(["two: xyzzy"]);
  });

  it("settles everything held at once on flush, and nothing twice", () => {
    const misses = createInlineMisses(1_000);
    const settled: number[] = [];
    misses.miss(1, () => settled.push(1));
    misses.miss(2, () => settled.push(2));
    misses.flush();
    expect(settled).toEqual([1, 2]);
    vi.advanceTimersByTime(5_000);
    expect(settled).toEqual([1, 2]);
  });
});
