import { describe, expect, it } from "vitest";
import { LATENCY_SAMPLES, createStats, percentile } from "../../src/bot/stats.js";

function clock(startMs: number) {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms: number) => void (nowMs += ms) };
}

describe("createStats", () => {
  it("starts empty, with the start time and no percentiles", () => {
    const { now } = clock(Date.UTC(2025, 0, 1));
    expect(createStats(now).snapshot()).toEqual({
      startedAt: "2025-01-01T00:00:00.000Z",
      uptimeMs: 0,
      questions: 0,
      answered: 0,
      unanswered: 0,
      p50Ms: null,
      p95Ms: null,
    });
  });

  it("measures uptime on the injected clock", () => {
    const { now, advance } = clock(1_000);
    const stats = createStats(now);
    advance(90_000);
    expect(stats.snapshot().uptimeMs).toBe(90_000);
  });

  it("counts answered and unanswered questions", () => {
    const stats = createStats(clock(0).now);
    stats.recordQuestion({ answered: true, latencyMs: 5 });
    stats.recordQuestion({ answered: true, latencyMs: 7 });
    stats.recordQuestion({ answered: false, latencyMs: 3 });
    expect(stats.snapshot()).toMatchObject({ questions: 3, answered: 2, unanswered: 1 });
  });

  it("gives p50 and p95 of the latencies", () => {
    const stats = createStats(clock(0).now);
    for (let ms = 1; ms <= 100; ms += 1) stats.recordQuestion({ answered: true, latencyMs: ms });
    expect(stats.snapshot()).toMatchObject({ p50Ms: 50, p95Ms: 95 });
  });

  it("bases percentiles on the latest 10,000 latencies only, while counting every question", () => {
    const stats = createStats(clock(0).now);
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) stats.recordQuestion({ answered: true, latencyMs: 1_000 });
    for (let i = 0; i < LATENCY_SAMPLES; i += 1) stats.recordQuestion({ answered: false, latencyMs: 2 });
    expect(stats.snapshot()).toMatchObject({ questions: 2 * LATENCY_SAMPLES, p50Ms: 2, p95Ms: 2 });
  });

  it("counts a negative latency (the wall clock stepped back) as zero", () => {
    const stats = createStats(clock(0).now);
    stats.recordQuestion({ answered: true, latencyMs: -40 });
    expect(stats.snapshot().p50Ms).toBe(0);
  });

  it("refuses a latency that is not a number, which would poison the percentiles", () => {
    const stats = createStats(clock(0).now);
    expect(() => stats.recordQuestion({ answered: true, latencyMs: NaN })).toThrow(RangeError);
    expect(stats.snapshot().questions).toBe(0);
  });

  it("keeps an inline answer's time apart from counting it: shown per keystroke, counted once when chosen", () => {
    const stats = createStats(clock(0).now);
    stats.recordLatency(4);
    stats.recordLatency(8);
    expect(stats.snapshot()).toMatchObject({ questions: 0, p50Ms: 4, p95Ms: 8 });
    stats.recordQuestion({ answered: true });
    expect(stats.snapshot()).toMatchObject({ questions: 1, answered: 1, p50Ms: 4, p95Ms: 8 });
    expect(() => stats.recordLatency(Infinity)).toThrow(RangeError);
  });
});

describe("percentile", () => {
  it("uses the nearest rank, so the result is always a measured value", () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentile([10, 20, 30, 40], 0.95)).toBe(40);
    expect(percentile([7], 0.01)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });
});
