import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const partners = [
  { id: "hanoi", name: "Ханой", name_en: "Hanoi", country: "Вьетнам", country_en: "Vietnam", aliases: ["Ha Noi"] },
  { id: "minsk", name: "Минск", name_en: "Minsk", country: "Беларусь", country_en: "Belarus" },
];

export function card(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, text: `Факт ${id} о сотрудничестве Москвы и Ханоя.`, text_en: `Fact ${id} about Moscow and Hanoi.`, partners: ["hanoi"], ...extra };
}

export function sourceFile(id: string, facts: unknown[] = [card(`${id}-fact`)], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { source: { id, title: "Заголовок", publisher: "ТАСС", published: "2025-12-03", ...extra }, facts };
}

/** A knowledge folder on disk: file path → JSON value, or raw text when a string. */
export async function knowledgeFolder(files: Record<string, unknown>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "knowledge-"));
  await mkdir(path.join(dir, "sources"), { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function validFolder(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { "partners.json": partners, "sources/tass-2025-12-03-moscow-hanoi.json": sourceFile("tass-2025-12-03-moscow-hanoi"), ...extra };
}
