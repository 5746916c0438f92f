/**
 * What the stand-in observed: every call in order of arrival, the rule breaks, the file downloads,
 * and the waiters that tests block on until a matching call arrives or is answered.
 */
import type { ServerResponse } from "node:http";
import type { ApiResponseBody, Params, RecordedCall, Violation } from "./types.js";
import { writeJson } from "./wire.js";

export class CallLog {
  /** Every API call, in order of arrival. */
  readonly calls: RecordedCall[] = [];
  /** Calls refused for breaking a Telegram rule, plus rule breaks Telegram tolerates. */
  readonly violations: Violation[] = [];
  /** file_path of every file download served. */
  readonly downloads: string[] = [];
  private readonly waiters = new Set<() => void>();

  /** Records the answer on the call (the first one wins), sends it, and wakes the waiters. */
  answer(call: RecordedCall, res: ServerResponse, status: number, body: ApiResponseBody): void {
    if (call.response === undefined) {
      call.status = status;
      call.response = body;
    }
    writeJson(res, status, body);
    this.notifyWaiters();
  }

  notifyWaiters(): void {
    for (const check of [...this.waiters]) check();
  }

  addViolation(method: string, description: string, params: Params): void {
    this.violations.push({ method, description, params, at: Date.now() });
  }

  /**
   * Resolves with the first call to `method` (a canonical name) matching `predicate`, already
   * recorded or still to come; with `answeredOnly`, only calls that have their answer count.
   * Rejects after `timeoutMs` with the list of calls seen so far; `what` names the caller there.
   */
  waitFor(
    what: string,
    method: string,
    predicate: ((call: RecordedCall) => boolean) | undefined,
    timeoutMs: number,
    answeredOnly: boolean,
  ): Promise<RecordedCall> {
    const find = (): RecordedCall | undefined =>
      this.calls.find((c) => {
        if (c.method !== method || (answeredOnly && c.response === undefined)) return false;
        try {
          return predicate ? predicate(c) : true;
        } catch {
          return false;
        }
      });
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (!hit) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        const seen = this.calls.map(describeCall);
        reject(
          new Error(
            `${what}("${method}"${predicate ? ", predicate" : ""}) timed out after ${timeoutMs} ms. ` +
              (seen.length === 0
                ? "No calls were seen."
                : `Calls seen so far (${seen.length}):\n${seen.join("\n")}`),
          ),
        );
      }, timeoutMs);
      timer.unref();
      this.waiters.add(check);
    });
  }

  /** Forgets calls, violations and downloads. */
  clear(): void {
    this.calls.length = 0;
    this.violations.length = 0;
    this.downloads.length = 0;
  }
}

function describeCall(call: RecordedCall, index: number): string {
  let params = JSON.stringify(call.params);
  if (params.length > 160) params = `${params.slice(0, 157)}...`;
  let outcome: string;
  const r = call.response;
  if (r === undefined) outcome = "pending";
  else if ("dropped" in r) outcome = "dropped by fault";
  else if ("aborted" in r) outcome = "aborted by client";
  else if (r.ok) outcome = `${call.status ?? 200} ok`;
  else outcome = `${r.error_code} ${r.description}`;
  return `  ${index + 1}. ${call.method} ${params} → ${outcome}`;
}
