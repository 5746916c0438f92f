import { afterEach, describe, expect, it } from "vitest";
import { citationOf } from "../../src/answer/citation.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { PROJECT_KNOWLEDGE_DIR, copyKnowledge, shownText, startBot, stopAll } from "./harness.js";
import type { BotHarness } from "./harness.js";
import type { RecordedCall } from "../support/bot-api-stand-in.js";

const USER = 7001;
const EN_USER = 7002;

afterEach(stopAll);

/** The project's own knowledge (sources with English publishers and titles), in a copy the test may not touch. */
async function startWithProjectKnowledge(): Promise<BotHarness> {
  return startBot({ knowledgeDir: await copyKnowledge(PROJECT_KNOWLEDGE_DIR) });
}

const knowledgeOf = (h: BotHarness): KnowledgeBase => h.deps.store.current().knowledge;
const boldOf = (call: RecordedCall): string[] => [...String(call.params.text).matchAll(/<b>([^<]*)<\/b>/g)].map((match) => match[1]!);
const citationLines = (call: RecordedCall): string[] => [...String(call.params.text).matchAll(/<i>([^<]*?, [^<]*? — )/g)].map((match) => match[1]!);

/** Every form a partner's name or Moscow takes in a bold word: its first letters, which survive case endings. */
function namesPattern(knowledge: KnowledgeBase): RegExp {
  const stems = knowledge.partners.flatMap((partner) => [partner.name, partner.name_en, ...(partner.aliases ?? [])]).filter((name): name is string => !!name);
  const escaped = [...stems, "Москва", "Moscow"].map((name) => name.toLowerCase().slice(0, Math.max(4, name.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(^|[\\s-])(${escaped.join("|")})`, "iu");
}

const QUESTIONS = ["Москва и Ташкент", "меморандум Москвы и Минска", "Дни Москвы в Ташкенте", "Сотрудничество Москвы и Ханоя в цифровизации", "Когда Москва и Минск подписали совместное заявление?", "Кто подписал меморандум с Минском?", "Moscow and Hanoi cooperation", "Who signed the memorandum with Minsk?"];

describe("the answer layout", () => {
  it("cites each source once per message, never the same citation line under every card", async () => {
    const h = await startWithProjectKnowledge();
    for (const question of QUESTIONS) {
      const reply = await h.send(h.api.privateText(USER, question));
      const lines = citationLines(reply);
      expect(lines.length, question).toBeGreaterThan(0);
      expect(new Set(lines).size, `${question}: ${lines.join(" | ")}`).toBe(lines.length);
    }
    // Tashkent's first three facts come from one report: one citation, below all three.
    const tashkent = await h.send(h.api.privateText(USER, "Москва и Ташкент"));
    expect(citationLines(tashkent)).toHaveLength(1);
    expect(shownText(tashkent).split("\n").filter((line) => line.startsWith("• "))).toHaveLength(2);
    expect(h.api.violations).toEqual([]);
  });

  it("puts the best fact on top and bolds only what answers the question: never a partner's name or Moscow", async () => {
    const h = await startWithProjectKnowledge();
    const names = namesPattern(knowledgeOf(h));
    for (const question of QUESTIONS) {
      const reply = await h.send(h.api.privateText(USER, question));
      expect(boldOf(reply).filter((bold) => names.test(bold)), question).toEqual([]);
      expect(shownText(reply), question).not.toMatch(/^• /);
    }
    expect(boldOf(await h.send(h.api.privateText(USER, "Москва и Ташкент")))).toEqual([]);
    const when = boldOf(await h.send(h.api.privateText(USER, "Когда Москва и Минск подписали совместное заявление?")));
    expect(when[0]).toMatch(/\d{4}/);
    const who = boldOf(await h.send(h.api.privateText(USER, "Кто подписал меморандум с Минском?")));
    expect(who.join(" ")).toMatch(/Собянин|Кухарев/);
  });

  it("cites the English publisher and title in an English answer where the source has them", async () => {
    const h = await startWithProjectKnowledge();
    h.api.setUser(EN_USER, { language_code: "en" });
    const reply = await h.send(h.api.privateText(EN_USER, "Moscow and Bishkek"));
    const source = knowledgeOf(h).sources.find((candidate) => candidate.id === "24kg-2017-07-06-moscow-bishkek")!;
    expect(source.publisher_en).toBeTruthy();
    expect(shownText(reply)).toContain(`${citationOf(source, "en").publisher}, ${citationOf(source, "en").date}`);
    expect(shownText(reply)).not.toContain(source.publisher);
  });
});
