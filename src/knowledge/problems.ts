import type { z } from "zod";
import { SCHEMA_RULES, knowledgeText } from "./texts.js";
import type { CountedSchemaRule, KnowledgeText, SchemaRule, ValueKind } from "./texts.js";
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
      for (const key of issue.keys) problems.push({ file, path: jsonPath([...issue.path, key]), text: knowledgeText("knowledge-unknown-field", { field: key }) });
      continue;
    }
    problems.push({ file, path: jsonPath(issue.path), text: issueText(issue, valueAt(input, issue.path)) });
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

function issueText(issue: z.core.$ZodIssue, value: unknown): KnowledgeText {
  if (issue.code === "invalid_type") {
    const got = kindOf(value);
    if (got === "missing") return knowledgeText("knowledge-required");
    const shown = got === "string" || got === "number" || got === "boolean" ? JSON.stringify(value) : "";
    return knowledgeText("knowledge-wrong-type", { expected: issue.expected, got, value: shown });
  }
  if (issue.code === "too_big" && issue.origin === "string") return knowledgeText("knowledge-too-long", { max: Number(issue.maximum) });
  if (issue.code === "too_big" && issue.message === ("knowledge-too-many-questions" satisfies CountedSchemaRule)) return knowledgeText("knowledge-too-many-questions", { max: Number(issue.maximum) });
  // A check that names its own text: parse.ts's partner ids.
  const own = issue.code === "custom" ? (issue.params as { text?: KnowledgeText } | undefined)?.text : undefined;
  if (own) return own;
  if (isSchemaRule(issue.message)) return knowledgeText(issue.message);
  return knowledgeText("knowledge-invalid", { detail: issue.message });
}

function isSchemaRule(message: string): message is SchemaRule {
  return (SCHEMA_RULES as readonly string[]).includes(message);
}

function kindOf(value: unknown): ValueKind {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "object" || type === "string" || type === "number" || type === "boolean" ? type : "other";
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
    // JSON.parse's own words say what it stumbled on (library output, like an error code); its position is replaced by line and column.
    const reason = message.replace(/\s*in JSON at position \d+.*$/, "");
    // Line and column go as text, so a long file's line is never digit-grouped.
    const at = { line: String(line), column: String(column) };
    const problem = /^Unexpected end of JSON input$/.test(reason) ? knowledgeText("knowledge-json-end", at) : knowledgeText("knowledge-json-syntax", { ...at, reason });
    return { ok: false, problem: { file, path: "", text: problem } };
  }
}
