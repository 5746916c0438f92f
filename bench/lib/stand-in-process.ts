import { performance } from "node:perf_hooks";
import { BotApiStandIn } from "../../tests/support/bot-api-stand-in.js";

/**
 * The Bot API stand-in in a process of its own, so the bot benchmark measures the bot: the
 * stand-in's HTTP parsing, HTML checks and bookkeeping run on another core instead of taking
 * turns with the bot on one event loop. Talks to the parent over the IPC channel of fork():
 *   → { type: "ready", apiRoot, botInfo }
 *   ← "report" → { type: "report", calls, ok, violations, samples, busy }
 *   ← "reset"  → forgets recorded calls (keeps memory flat between phases) → { type: "reset" }
 *   ← "close"  → closes and exits
 */

if (!process.send) {
  console.error("stand-in-process: start me with child_process.fork()");
  process.exit(2);
}
const send = (message: unknown): void => {
  process.send?.(message);
};

const api = new BotApiStandIn({ maxLongPollSeconds: 1 });
const { apiRoot } = await api.start();
let since = performance.eventLoopUtilization();

process.on("message", (message: unknown) => {
  if (message === "report") {
    const calls: Record<string, number> = {};
    const ok: Record<string, number> = {};
    for (const call of api.calls) {
      calls[call.method] = (calls[call.method] ?? 0) + 1;
      const response = call.response;
      if (response && "ok" in response && response.ok) ok[call.method] = (ok[call.method] ?? 0) + 1;
    }
    const busy = performance.eventLoopUtilization(since).utilization;
    send({ type: "report", calls, ok, violations: api.violations.length, samples: api.violations.slice(0, 3).map((violation) => `${violation.method}: ${violation.description}`), busy });
  } else if (message === "reset") {
    api.reset();
    since = performance.eventLoopUtilization();
    send({ type: "reset" });
  } else if (message === "close") {
    void api.close().then(() => process.exit(0));
  }
});
process.on("disconnect", () => {
  void api.close().then(() => process.exit(0));
});

send({ type: "ready", apiRoot, botInfo: api.botInfo, token: api.token });
