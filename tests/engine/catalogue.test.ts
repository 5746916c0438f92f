import { beforeAll, describe, expect, it } from "vitest";
import { compareFactDates, factCounts, partnerFacts, partnersByRegion } from "../../src/engine/catalogue.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import type { FactCard, KnowledgeBase, Partner, Source } from "../../src/knowledge/types.js";

let project: KnowledgeBase;
let v1: KnowledgeBase;
beforeAll(async () => {
  const [loaded, frozen] = await Promise.all([
    loadKnowledge(new URL("../../knowledge", import.meta.url).pathname),
    loadKnowledge(new URL("../fixtures/knowledge-v1", import.meta.url).pathname),
  ]);
  if (!loaded.ok || !frozen.ok) throw new Error("both knowledge folders must load");
  project = loaded.knowledge;
  v1 = frozen.knowledge;
});

const SOURCE: Source = { id: "s", title: "T", publisher: "P", published: "2020-01-01", language: "ru" };
const partner = (id: string, extra: Partial<Partner> = {}): Partner => ({ id, name: id, country: "C", ...extra });
const card = (id: string, extra: Partial<FactCard> = {}): { card: FactCard; source: Source } => ({ card: { id, text: id, partners: ["p"], ...extra }, source: SOURCE });
const knowledge = (partners: Partner[], cards: ReturnType<typeof card>[] = []): KnowledgeBase => ({ partners, synonyms: [], sources: [SOURCE], cards });

describe("partners by region", () => {
  it("groups the project's 44 partners into its six regions, in the schema's order", () => {
    const groups = partnersByRegion(project)!;
    expect(groups.map((group) => group.region)).toEqual(["europe", "eurasia", "asia", "middle-east", "americas", "africa"]);
    expect(groups.reduce((sum, group) => sum + group.partners.length, 0)).toBe(44);
    expect(groups.find((group) => group.region === "europe")!.partners.map((p) => p.id)).toEqual(expect.arrayContaining(["prague", "krakow", "berlin"]));
  });

  it("puts partners without a region under “other”, last", () => {
    const groups = partnersByRegion(knowledge([partner("a"), partner("b", { region: "asia" }), partner("c", { region: "europe" })]))!;
    expect(groups.map((group) => [group.region, group.partners.map((p) => p.id)])).toEqual([
      ["europe", ["c"]],
      ["asia", ["b"]],
      ["other", ["a"]],
    ]);
  });

  it("gives no regions for version-1 knowledge, which has none", () => {
    expect(partnersByRegion(v1)).toBeUndefined();
  });
});

describe("a partner's facts", () => {
  it("counts the cards of each partner", () => {
    expect(factCounts(v1).get("minsk")).toBe(30);
    expect(factCounts(knowledge([partner("p")], [card("a"), card("b", { partners: ["p", "q"] })]))).toEqual(new Map([["p", 2], ["q", 1]]));
  });

  it("puts dated cards with a kind on the timeline in date order, a partial date before the dates it contains", () => {
    const facts = partnerFacts(
      knowledge([partner("p")], [
        card("late", { date: "2017-02-01", kind: "visit" }),
        card("day", { date: "2016-05-12", kind: "event" }),
        card("background"),
        card("year", { date: "2016", kind: "agreement" }),
        card("dated-no-kind", { date: "2015" }),
        card("kind-no-date", { kind: "visit" }),
        card("month", { date: "2016-05", kind: "status" }),
        card("other-partner", { partners: ["q"], date: "2010", kind: "event" }),
      ]),
      partner("p"),
    );
    expect(facts.timeline.map((entry) => entry.card.id)).toEqual(["year", "month", "day", "late"]);
    expect(facts.others.map((entry) => entry.card.id)).toEqual(["background", "dated-no-kind", "kind-no-date"]);
    expect(facts.statusCard).toBeUndefined();
  });

  it("finds the card a status cites", () => {
    const kyiv = project.partners.find((p) => p.id === "kyiv")!;
    const facts = partnerFacts(project, kyiv);
    expect(facts.statusCard?.card.id).toBe(kyiv.status!.card);
    expect(facts.timeline.length).toBeGreaterThan(0);
    expect(facts.timeline.length + facts.others.length).toBe(factCounts(project).get("kyiv"));
  });

  it("orders dates of every precision", () => {
    const dates = ["2017", "2016-05-12", "2016-12", "2016", "2016-05", "2015-12-31"];
    expect([...dates].sort(compareFactDates)).toEqual(["2015-12-31", "2016", "2016-05", "2016-05-12", "2016-12", "2017"]);
  });
});
