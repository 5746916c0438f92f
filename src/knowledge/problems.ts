import type { z } from "zod";
import type { KnowledgeProblem } from "./types.js";

/** ["facts", 3, "partners", 0] → "facts[3].partners[0]"; [2, "id"] → "[2].id". */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Turns zod issues into problems an editor can act on, one per wrong field. */
export function zodProblems(file: string, error: z.ZodError, input: unknown): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ file, path: jsonPath([...issue.path, key]), message: `unknown field "${key}"` });
      }
      continue;
    }
    problems.push({ file, path: jsonPath(issue.path), message: issueMessage(issue, valueAt(input, issue.path)) });
  }
  return problems;
}

// Zod leaves the offending value out of its issues; the editor wants to see what was written.
function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === "invalid_type") {
    const received = describe(value);
    return received === "undefined" ? "is required" : `must be ${article(issue.expected)}, got ${received}`;
  }
  return issue.message;
}

function describe(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: KnowledgeProblem };

export function parseJson(file: string, text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : body.length;
    const { line, column } = lineAndColumn(body, offset);
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "").replace(/^Unexpected end of JSON input$/, "unexpected end of file");
    return { ok: false, problem: { file, path: "", message: `invalid JSON at line ${line}, column ${column}: ${reason}` } };
  }
}
