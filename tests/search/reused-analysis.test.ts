import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { recordCardAnalyses } from "../../src/search/card-analyses.js";
import { buildSearchIndex, buildSearchIndexInSteps } from "../../src/search/search-index.js";
import type { SearchIndex } from "../../src/search/search-index.js";

let knowledge: KnowledgeBase;
let first: SearchIndex;
beforeAll(async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the project knowledge must load");
  knowledge = loaded.knowledge;
  first = buildSearchIndex(knowledge);
});

const QUESTIONS = ["Ханой", "меморандум Москвы и Минска", "Кто такой Черёмин?", "цифровой двойник", "Abu Dhabi", "погода в Ташкенте", "МЭШ"];

/** The same knowledge with one card reworded, one dropped and one added. */
function edited(base: KnowledgeBase): KnowledgeBase {
  const [reworded, dropped, ...rest] = base.cards;
  return {
    ...base,
    cards: [
      { ...reworded!, card: { ...reworded!.card, text: `${reworded!.card.text} Цифровой двойник Ханоя.` } },
      ...rest,
      { ...dropped!, card: { ...dropped!.card, id: "added-card", text: "Москва и Ташкент открыли совместный технопарк." } },
    ],
  };
}

describe("a rebuild of changed knowledge", () => {
  it("analyses only the changed cards and ranks exactly like a build from scratch", async () => {
    const next = edited(knowledge);
    const reusing = await buildSearchIndexInSteps(next, first);
    const fresh = buildSearchIndex(next);
    expect(reusing.analyses.reused).toBe(knowledge.cards.length - 2);
    expect(fresh.analyses.reused).toBe(0);
    for (const question of [...QUESTIONS, "технопарк"]) {
      expect(reusing.search(question, 20)).toEqual(fresh.search(question, 20));
    }
  });

  it("analyses an undated card again when a dated card of its source changed its date", () => {
    const undated = knowledge.cards.findIndex(({ card, source }) => !card.date && knowledge.cards.some((other) => other.source.id === source.id && other.card.date));
    const sourceId = knowledge.cards[undated]!.source.id;
    const redated = { ...knowledge, cards: knowledge.cards.map((sourced) => (sourced.source.id === sourceId && sourced.card.date ? { ...sourced, card: { ...sourced.card, date: "1999-01" } } : sourced)) };
    const dated = redated.cards.filter(({ card, source }) => source.id === sourceId && card.date).length;
    const undatedSiblings = redated.cards.filter(({ card, source }) => source.id === sourceId && !card.date).length;
    const reusing = buildSearchIndex(redated, first);
    expect(reusing.analyses.reused).toBe(knowledge.cards.length - dated - undatedSiblings);
    expect(reusing.search("1999", 20)).toEqual(buildSearchIndex(redated).search("1999", 20));
  });

  it("analyses every card again when the partners or synonyms changed", () => {
    const renamed = { ...knowledge, partners: knowledge.partners.map((partner) => (partner.id === "hanoi" ? { ...partner, aliases: [...(partner.aliases ?? []), "Тханглонг"] } : partner)) };
    const reusing = buildSearchIndex(renamed, first);
    expect(reusing.analyses.reused).toBe(0);
    expect(reusing.search("Тханглонг", 5).hits.length).toBeGreaterThan(0);
    const fewerSynonyms = buildSearchIndex({ ...knowledge, synonyms: knowledge.synonyms.slice(1) }, first);
    expect(fewerSynonyms.analyses.reused).toBe(0);
  });
});

describe("the record of a build's analyses", () => {
  const card = { id: "c1", text: "Москва и Ханой", partners: ["hanoi"] };
  const empty = { text: [], text_en: [], keywords: [], names: [], people: [], topics: [], partner_ids: [], date: [], questions: [] };

  it("gives a card's terms back only for the same content under the same analyzer", () => {
    const recorder = recordCardAnalyses("key");
    const terms = { ...empty, text: ["москв", "^моск", "хано"], names: ["хано", "@hanoi"] };
    recorder.add(card, [], terms, false);
    const analyses = recorder.done();
    expect(analyses.termsOf({ ...card }, [], "key")).toEqual(terms);
    expect(analyses.termsOf({ ...card, text: "Москва и Минск" }, [], "key")).toBeUndefined();
    expect(analyses.termsOf({ ...card, partners: ["minsk"] }, [], "key")).toBeUndefined();
    expect(analyses.termsOf({ ...card, id: "c2" }, [], "key")).toBeUndefined();
    expect(analyses.termsOf(card, [], "other partners")).toBeUndefined();
  });

  it("analyses a card again when any field's input changed, in every field", () => {
    const recorder = recordCardAnalyses("key");
    recorder.add(card, [], empty, false);
    const analyses = recorder.done();
    for (const change of [{ text_en: "Moscow" }, { keywords: ["МЭШ"] }, { people: ["Сергей Собянин"] }, { topics: ["цифровизация"] }, { date: "2025" }, { questions: ["что подписали с ханоем"] }]) {
      expect(analyses.termsOf({ ...card, ...change }, [], "key")).toBeUndefined();
    }
    // An undated card is found by its source's dates: when they change, so do its terms.
    expect(analyses.termsOf(card, ["2025-09-12"], "key")).toBeUndefined();
    // What no field is made of (the kind) does not call for a new analysis.
    expect(analyses.termsOf({ ...card, kind: "agreement" }, [], "key")).toEqual(empty);
  });

  it("counts each term once per card, in any field", () => {
    const recorder = recordCardAnalyses("key");
    recorder.add(card, [], { ...empty, text: ["хано", "хано", "москв"], names: ["хано"] }, false);
    recorder.add({ ...card, id: "c2" }, [], { ...empty, text: ["москв"] }, true);
    expect(recorder.documentFrequency()).toEqual(new Map([["хано", 1], ["москв", 2]]));
    expect(recorder.done().reused).toBe(1);
  });
});
