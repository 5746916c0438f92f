/** Injected faults: the rules tests add, which call each one hits, and how a fault is answered. */
import type { ServerResponse } from "node:http";
import type { CallLog } from "./call-log.js";
import { CONFLICT_OTHER_POLL } from "./errors.js";
import type { Fault, Params, RecordedCall, ResponseParameters } from "./types.js";

interface FaultRule {
  matches: (method: string, params: Params) => boolean;
  fault: Fault;
  remaining: number;
}

export class FaultPlan {
  private rules: FaultRule[] = [];

  /** Adds a rule hit at most `count` times; returns a function that removes it. */
  add(matches: FaultRule["matches"], fault: Fault, count: number): () => void {
    const rule: FaultRule = { matches, fault, remaining: count };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** The fault for this call, if a rule matches (a throwing predicate does not match); uses the rule up once. */
  take(method: string, params: Params): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.remaining <= 0) continue;
      let hit = false;
      try {
        hit = rule.matches(method, params);
      } catch {
        hit = false;
      }
      if (!hit) continue;
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      return rule.fault;
    }
    return undefined;
  }

  clear(): void {
    this.rules = [];
  }
}

/** A fault that only postpones the normal answer. */
export type Postponement = Extract<Fault, { kind: "delay" | "hold" }>;

export const postpones = (fault: Fault): fault is Postponement => fault.kind === "delay" || fault.kind === "hold";

/** Answers `call` with the fault instead of its normal answer (a postponement is the caller's to wait out). */
export function applyFault(
  fault: Exclude<Fault, Postponement>,
  call: RecordedCall,
  res: ServerResponse,
  log: CallLog,
): void {
  const fail = (code: number, description: string, parameters?: ResponseParameters): void =>
    log.answer(call, res, code, {
      ok: false,
      error_code: code,
      description,
      ...(parameters ? { parameters } : {}),
    });
  switch (fault.kind) {
    case "429":
      return fail(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter });
    case "400":
      return fail(
        400,
        fault.description.startsWith("Bad Request") ? fault.description : `Bad Request: ${fault.description}`,
      );
    case "403":
      return fail(403, fault.description ?? "Forbidden: bot was blocked by the user");
    case "409":
      return fail(409, fault.description ?? CONFLICT_OTHER_POLL);
    case "500":
      return fail(500, fault.description ?? "Internal Server Error");
    case "drop":
      call.response = { dropped: true };
      res.socket?.destroy();
      res.destroy();
      log.notifyWaiters();
      return;
  }
}
