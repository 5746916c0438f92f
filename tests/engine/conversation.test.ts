import { beforeAll, describe, expect, it } from "vitest";
import { buildSnapshot } from "../../src/engine/snapshot.js";
import type { Snapshot } from "../../src/engine/types.js";
import { loadKnowledge } from "../../src/knowledge/load.js";
import { listHeading } from "../../src/answer/texts.js";
import { buildAnalyzer } from "../../src/search/analyzer.js";
import { lastSentence, sceneOf } from "../../src/engine/follow-up.js";

let snapshot: Snapshot;
beforeAll(async () => {
  const loaded = await loadKnowledge(new URL("../../knowledge", import.meta.url).pathname);
  if (!loaded.ok) throw new Error("the project knowledge must load");
  snapshot = buildSnapshot(loaded.knowledge);
});

const partnersOf = (question: string, previous?: string): string[] => snapshot.answer(question, previous ? { previous } : {}).facts[0]?.card.partners ?? [];

describe("greetings and thanks", () => {
  it.each(["Привет", "привет!", "Здравствуйте, бот", "Hello", "спасибо", "Thanks a lot!"])("get no cards: %s", (message) => {
    const answer = snapshot.answer(message);
    expect(answer.smallTalk).toBeDefined();
    expect(answer.answered).toBe(false);
    expect(answer.facts).toEqual([]);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it("a question after a greeting is still a question", () => {
    const answer = snapshot.answer("Привет, когда Москва подписала меморандум с Токио?");
    expect(answer.smallTalk).toBeUndefined();
    expect(answer.facts[0]?.card.partners).toContain("tokyo");
  });
});

describe("a message that sets the scene before it asks", () => {
  it("is read with its last sentence as the question's own words", () => {
    expect(lastSentence("Hi, I'm a student. What did Müller want to exchange experience on?")).toBe("What did Müller want to exchange experience on?");
    expect(lastSentence("Когда Москва подписала меморандум с Сеулом?")).toBe("Когда Москва подписала меморандум с Сеулом?");
    expect(lastSentence("Расскажите про Минск. Спасибо!")).toBe("Расскажите про Минск. Спасибо!");
  });

  it("sets the scene with the sentences before the one that tells what was heard", () => {
    const analyzer = buildAnalyzer([], []);
    expect(sceneOf("Hi, grad student here. I read that Moscow renews its programmes every three years. Who explained why?", analyzer)).toBe("Hi, grad student here. ");
    expect(sceneOf("Пишу заметку.  Слышала, что подписали документ. Что именно?", analyzer)).toBe("Пишу заметку.  ");
    // Two sentences: the first may as well be what was heard. Filler between: the first is what was heard.
    expect(sceneOf("Пишу заметку про Ханой. Что подписали?", analyzer)).toBeUndefined();
    expect(sceneOf("Мне попался тезис, что Москва не заключает соглашений о побратимстве. Это правда? Кто так говорил?", analyzer)).toBeUndefined();
  });

  it("weighs the writer's scene less than what was heard: the subject of their piece does not choose the card", () => {
    const answer = snapshot.answer("Делаю подкаст о том, как города дружат несмотря на санкции. Я помню, что берлинский мэр давал интервью про сотрудничество с Москвой. Какому изданию он это рассказывал?");
    expect(answer.facts[0]?.card.id).toBe("berlin-muller-sputnik-interview");
  });

  it("answers which document was signed and with whom on the other side, the writer's note and «с той стороны» weighing as phrasing", () => {
    const answer = snapshot.answer("Пишу текст про международные связи Москвы. Слышал, что в начале декабря что-то было с Ханоем, вроде подписали документ. Можете сказать, что именно и с каким органом с той стороны?");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.id).toBe("hanoi-cooperation-program-2026-2028");
  });

  it("ranks the card on what the last sentence asks before the one on the scene", () => {
    const answer = snapshot.answer(
      "hi, i'm a student writing an essay on city diplomacy, and i read that the berlin mayor said sister city contacts should go on despite sanctions and all that. what exactly did müller want to exchange experience on with moscow?",
    );
    expect(answer.facts[0]?.card.id).toBe("berlin-shared-tasks-experience");
  });

  it("answers its last sentence about the one partner the scene names, when the scene's words ask more than any card says", () => {
    const answer = snapshot.answer("Здравствуйте, у меня дедушка из Луганска, он слышал, что Москва будет там всё восстанавливать, раз они побратимы. А что конкретно обещали восстановить?");
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((fact) => fact.card.id)).toContain("luhansk-humanitarian-aid-infrastructure");
    // The next follow-up goes on from the reading that answered.
    expect(answer.understood).toBe("А что конкретно обещали восстановить? Луганск");
  });

  it("names nobody by two unknown words that only stand side by side once the words between are dropped", () => {
    const answer = snapshot.answer("I heard Moscow doesn't do classic twinning anymore, is that right? What does it do instead?");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.card.id).toBe("moscow-renews-partner-cooperation-every-three-years");
  });

  it("is answered by a card of either thing its last sentence asks: how long the Days lasted, or whether anything was signed", () => {
    const answer = snapshot.answer("Осенью на Тверской была ярмарка белорусских товаров, говорят, это дни Минска. Сколько они шли и подписали ли что-то за это время?");
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((fact) => fact.card.id)).toContain("minsk-digitalization-memorandum-september-2025");
  });

  it("asks what any of its sentences asks: whether the Days of Vienna came about, though the last asks what was signed", () => {
    expect(snapshot.answer("Так прошли в итоге Дни Вены в Москве весной 2020? Программу подписали?").answered).toBe(false);
  });
});

describe("words typed otherwise", () => {
  it("reads a typo of a question word as that word, and what it asks", () => {
    const answer = snapshot.answer("на сколко лет подписали программу москвы и ханоя");
    expect(answer.understood).toBe("на сколько лет подписали программу москвы и ханоя");
    expect(answer.answered).toBe(true);
    expect(answer.asks).toBe("term");
    expect(answer.facts[0]?.card.id).toBe("hanoi-cooperation-program-2026-2028");
  });

  it("reads a name in another transliteration, or in lower case, as the cards' name", () => {
    expect(snapshot.answer("what is aleksandr komendant's job").facts[0]?.card.id).toBe("komendant-first-deputy-chairman-minsk");
    expect(snapshot.answer("кто такой александер комендант").facts[0]?.card.id).toBe("komendant-first-deputy-chairman-minsk");
    expect(snapshot.answer("what did Sobyanin and Pak Won Sun talk about").facts[0]?.card.partners).toContain("seoul");
  });
});

describe("an answer of one or two cards", () => {
  it("shows the leading card's siblings from its report, where the detail asked of the occasion is", () => {
    const answer = snapshot.answer("что москва обещала отдать кишинёву, когда мэр чебан приезжал в январе 2020?");
    expect(answer.facts[0]?.card.id).toBe("chisinau-cheban-working-visit-moscow-2020");
    expect(answer.facts.slice(0, 3).map((fact) => fact.card.id)).toContain("chisinau-street-cleaning-equipment-gift");
  });
});

describe("follow-ups", () => {
  it("take the topic of the previous question with a new partner", () => {
    const first = snapshot.answer("Москва и Сеул стали побратимами?");
    expect(partnersOf("а с Токио?", first.understood)).toContain("tokyo");
  });

  it("ask the same kind of fact of the new partner: refused when only the first partner's cards state it", () => {
    // Seoul's card dates the twinning («побратимы уже 26 лет»); no Tokyo card says when it began.
    const first = snapshot.answer("Когда Москва и Сеул стали побратимами?");
    expect(first.facts[0]?.card.partners).toContain("seoul");
    expect(snapshot.answer("а с Токио?", { previous: first.understood! }).answered).toBe(false);
  });

  it("take the partner of the previous question with a new question word", () => {
    const first = snapshot.answer("Москва и Ницца меморандум");
    const next = snapshot.answer("а кто подписывал?", { previous: first.understood! });
    expect(next.answered).toBe(true);
    expect(next.facts[0]?.card.partners).toContain("nice");
    expect(next.facts[0]?.card.people?.length).toBeGreaterThan(0);
  });

  it("rank by the words asked now before the words taken from the question before", () => {
    const first = snapshot.answer("Минск хочет внедрить у себя московскую электронную школу?");
    expect(first.facts[0]?.card.id).toBe("moscow-mesh-minsk-education");
    const next = snapshot.answer("а ЕМИАС?", { previous: first.understood! });
    expect(next.answered).toBe(true);
    expect(next.facts[0]?.card.id).toBe("moscow-emias-minsk-healthcare");
  });

  it("drop the words that asked the previous kind of fact when they ask their own", () => {
    const first = snapshot.answer("до какого года программа с Афинами?");
    const next = snapshot.answer("а в каких сферах?", { previous: first.understood! });
    expect(next.understood).not.toMatch(/до какого года/);
    expect(next.understood).toMatch(/программа с Афинами/);
    expect(next.facts[0]?.card.id).toBe("athens-programme-areas");
  });

  it("drop the verb that asked the previous kind of fact with its question word («кто подписал»)", () => {
    const first = snapshot.answer("кто подписал меморандум с Ниццей");
    const next = snapshot.answer("а в каких сферах?", { previous: first.understood! });
    expect(next.understood).not.toMatch(/подписал/);
    expect(next.understood).toMatch(/меморандум с Ниццей/);
    const english = snapshot.answer("and what areas does it cover", { previous: "who signed the moscow nice memorandum" });
    expect(english.understood).not.toMatch(/signed/);
  });

  it("drop them too when the follow-up asks something of its own without a question word, and keep them when it only names another partner", () => {
    const rebuild = snapshot.answer("what is moscow going to rebuild there?", { previous: "who signed the moscow luhansk twin city declaration" });
    expect(rebuild.understood).not.toMatch(/signed/);
    expect(rebuild.understood).toMatch(/luhansk twin city declaration/);
    const tashkent = snapshot.answer("а с Ташкентом?", { previous: "кто подписал меморандум с Сеулом" });
    expect(tashkent.understood).toMatch(/кто подписал меморандум/);
  });

  it("read a question that points back («там», \"it\", \"else\") with the one before, however long", () => {
    const first = snapshot.answer("what did delhi and moscow sign in 2018");
    const next = snapshot.answer("who else was there at the signing?", { previous: first.understood! });
    expect(next.understood).toMatch(/delhi/);
    expect(next.answered).toBe(true);
    expect(next.facts[0]?.card.partners).toContain("delhi");
  });

  it("read a question that points back and names the previous partner again («from the kyrgyz side») as a follow-up", () => {
    const first = snapshot.answer("what did moscow and bishkek sign in april 2024");
    const next = snapshot.answer("who was there from the kyrgyz side?", { previous: first.understood! });
    expect(next.understood).toMatch(/2024/);
    expect(next.answered).toBe(true);
    expect(next.facts.map((fact) => fact.card.id)).toContain("bishkek-dzhunushaliev-meets-cheremin-2024");
    // Another partner named is a question of its own.
    expect(snapshot.answer("who was there from the vietnamese side?", { previous: first.understood! }).understood).toBe("who was there from the vietnamese side?");
  });

  it("keep the partner named before when a follow-up names it again by its country («с немецкой стороны» after Berlin)", () => {
    const first = snapshot.answer("когда москва и берлин подписали меморандум");
    const next = snapshot.answer("а кто с немецкой стороны подписывал", { previous: first.understood! });
    expect(next.understood).toMatch(/берлин/);
    expect(next.facts[0]?.card.id).toBe("berlin-memorandum-2017");
  });

  it("read a possessive pronoun («с ихней стороны», «его») as pointing back", () => {
    const first = snapshot.answer("киргизия москва программа 2024 на сколько лет");
    const next = snapshot.answer("кто с ихней стороны с черёминым встречался?", { previous: first.understood! });
    expect(next.understood).toMatch(/киргизия/);
    expect(next.facts[0]?.card.partners).toContain("bishkek");
  });

  it("refuse for a year the knowledge lacks only when the question names it, not when a follow-up carried it", () => {
    const first = snapshot.answer("о чём договорились собянин и мэр шанхая в 2014 году");
    const next = snapshot.answer("а с пекином что-нибудь подписывали?", { previous: first.understood! });
    expect(next.understood).toMatch(/2014/);
    expect(next.answered).toBe(true);
    expect(next.facts[0]?.card.partners).toContain("beijing");
    expect(snapshot.answer("что москва подписала с пекином в 2014 году").answered).toBe(false);
  });

  it("put the card with a follow-up's own word of substance first, not the one that shares the context", () => {
    const first = snapshot.answer("какие австрийские фирмы с москвой работают, слышал про стадионы на чм");
    const next = snapshot.answer("а doppelmayr там что делает?", { previous: first.understood! });
    expect(next.facts[0]?.card.id).toBe("vienna-doppelmayr-sheremetyevo-line");
  });

  it("rank by a follow-up's own verb when it has no other word of its own («а как он минск назвал?»)", () => {
    const first = snapshot.answer("собянин в декабре 2024 ездил в минск, что он подписал с кухаревым?");
    expect(snapshot.answer("а как он минск назвал?", { previous: first.understood! }).facts[0]?.card.id).toBe("minsk-moscow-twin-hero-cities");
    const wish = snapshot.answer("что минск хочет перенять у москвы в цифре");
    expect(snapshot.answer("а кто это сказал?", { previous: wish.understood! }).facts[0]?.card.id).toBe("minsk-interest-moscow-digital-platforms");
  });

  it("read a question that names no partner and asks again about the previous question's subject as a follow-up", () => {
    const first = snapshot.answer("Who signed the letter in which Kiev told Moscow it was tearing up all its twinning agreements?");
    const next = snapshot.answer("what reason did the letter give?", { previous: first.understood! });
    expect(next.understood).toMatch(/Kiev/);
    expect(next.facts[0]?.card.id).toBe("kyiv-letter-reasons");
    // A question on another subject stands on its own.
    expect(snapshot.answer("what did Moscow sign with Hanoi?", { previous: first.understood! }).understood).toBe("what did Moscow sign with Hanoi?");
  });

  it("never answer with no card, though 'what else' set the only card that answers behind the others (the question before misspells 'sign')", () => {
    const first = snapshot.answer("when did Jankovic and Sobyanin sing the Ljubljana cooperation programme?");
    const next = snapshot.answer("anything else happen on that trip?", { previous: first.understood! });
    expect(next.answered ? next.facts.length : 1).toBeGreaterThan(0);
  });

  it("read a question that ends pointing back ('decide that?') with the one before", () => {
    const first = snapshot.answer("Why did Cracow drop Moscow as a partner city?");
    const next = snapshot.answer("when did the council decide that?", { previous: first.understood! });
    expect(next.understood).toMatch(/Cracow/);
    expect(next.facts[0]?.card.id).toBe("krakow-council-terminates-partnership-2022");
  });

  it("read 'that programme', 'the extra agreement' as pointing back, and 'that' joining a clause as not", () => {
    const first = snapshot.answer("what did the mayor of Bishkek sign with Sobyanin at the 2017 urban forum?");
    const next = snapshot.answer("what earlier agreement does that programme implement?", { previous: first.understood! });
    expect(next.understood).toMatch(/Bishkek/);
    expect(next.facts[0]?.card.id).toBe("bishkek-agreement-1997");
    const extra = snapshot.answer("how long would the extra agreement run?", { previous: snapshot.answer("kishinev mayor ceban was in moscow in jan 2020, what did they agree about the twinning").understood! });
    expect(extra.facts[0]?.card.id).toBe("chisinau-additional-agreement-three-years");
    const clause = "who said that twin cities should keep talking despite sanctions?";
    expect(snapshot.answer(clause, { previous: first.understood! }).understood).toBe(clause);
  });

  it("keep the document the previous question asked about, though its name asked which one", () => {
    const first = snapshot.answer("what memorandum did moscow and minsk sign in september 2025");
    expect(snapshot.answer("what was the occasion", { previous: first.understood! }).understood).toMatch(/memorandum/);
  });

  it("read a question with one word of substance as a follow-up, however many little words it has", () => {
    const first = snapshot.answer("what memorandum did moscow and minsk sign in september 2025");
    expect(snapshot.answer("what was the occasion", { previous: first.understood! }).understood).toMatch(/minsk/);
  });

  it("ask for something besides the card the previous answer led with", () => {
    const first = snapshot.answer("Киев разорвал побратимство с Москвой?");
    expect(first.facts[0]?.card.id).toBe("kyiv-council-terminates-agreements-2016");
    const next = snapshot.answer("почему?", { previous: first.understood! });
    expect(next.facts.map((fact) => fact.card.id).slice(0, 2)).toEqual(["kyiv-letter-reasons", "kyiv-council-terminates-agreements-2016"]);
  });

  it("show the card of what the follow-up asks now, though the previous subject's card shares every word of the context", () => {
    const signed = snapshot.answer("who signed the moscow luhansk twin city declaration");
    const rebuild = snapshot.answer("and what did sobyanin say moscow would rebuild there?", { previous: signed.understood! });
    expect(rebuild.facts.map((fact) => fact.card.id)).toContain("luhansk-restoration-plans");
    const met = snapshot.answer("чебан в москве в 2020 с кем встречался");
    const agreed = snapshot.answer("и о чем договорились", { previous: met.understood! });
    expect(agreed.facts[0]?.card.id).toBe("chisinau-twinning-agreement-update-2020");
  });

  it("answer what the follow-up asks of the previous partner when no card says it with the previous question's words too", () => {
    // «Какой документ»: «что москва подписала» now leads with the programme alone, and the follow-up's first reading answers already.
    const signed = snapshot.answer("какой документ москва подписала с ханоем в начале декабря");
    expect(signed.facts[0]?.card.partners).toContain("hanoi");
    const head = snapshot.answer("а кто там от москвы был главный?", { previous: signed.understood! });
    expect(head.answered).toBe(true);
    expect(head.facts[0]?.card.id).toBe("hanoi-cheremin-delegation-head");
    // The next follow-up goes on from the reading that answered, about Hanoi (read with the
    // context's words since «документ» is covered by the programme's card, or again with «Ханой»).
    expect(head.understood).toMatch(/ханой|ханоем/iu);
    // A partner met through a person's name (Tarlós is Budapest's mayor) is the previous answer's partner.
    const visit = snapshot.answer("таршош когда в москву приезжал в 2016 подписал что-нибудь?");
    expect(snapshot.answer("почему именно до 19го?", { previous: visit.understood! }).facts[0]?.card.id).toBe("budapest-agreement-term-reason");
  });

  it("stay with the partner of the previous answer, which the previous question named only through its mayor", () => {
    const signed = snapshot.answer("what did Tarlos sign with Sobyanin in 2016?");
    expect(signed.facts[0]?.card.partners).toEqual(["budapest"]);
    const covers = snapshot.answer("what does it cover?", { previous: signed.understood! });
    expect(covers.facts[0]?.card.partners).toEqual(["budapest"]);
    expect(covers.facts.slice(0, 2).map((fact) => fact.card.id)).toContain("budapest-agreement-architecture-panel-housing");
    const program = snapshot.answer("что подписал собянин с топбашем");
    expect(snapshot.answer("а транспорт туда входит?", { previous: program.understood! }).facts[0]?.card.id).toBe("istanbul-2015-program-areas");
  });

  it("rank the card of what the follow-up asks («кто объявил») before the previous subject's, which shares the context", () => {
    const ended = snapshot.answer("киев разорвал побратимство с москвой?");
    const announced = snapshot.answer("а кто об этом объявил?", { previous: ended.understood! });
    expect(announced.facts[0]?.card.id).toBe("kyiv-prokopiv-facebook-announcement-2016");
  });

  it("do not lead again with the previous answer's card for a word it shares only a prefix with («перспективным», «персоны»)", () => {
    const twins = snapshot.answer("сколько лет москва и сеул побратимы по словам мэра сеула");
    expect(twins.facts[0]?.card.id).toBe("seoul-twin-cities-26-years");
    const promising = snapshot.answer("а что он назвал перспективным?", { previous: twins.understood! });
    expect(promising.facts[0]?.card.id).toBe("seoul-promising-areas-it-transport-smart-city");
  });

  it("leave a question that stands on its own as it is", () => {
    const answer = snapshot.answer("Какие направления у программы Москвы и Пекина?", { previous: "Москва и Ницца меморандум" });
    expect(answer.understood).toBe("Какие направления у программы Москвы и Пекина?");
    expect(answer.facts[0]?.card.partners).toContain("beijing");
  });
});

describe("list, count and year questions", () => {
  it("list the partners, each line citing a card, the ended ones last and marked", () => {
    const answer = snapshot.answer("С какими городами у Москвы есть соглашения?");
    expect(answer.list?.query).toEqual({ type: "partners" });
    const listed = answer.list!.partners!;
    expect(listed.length).toBe(snapshot.knowledge.partners.length);
    expect(answer.facts).toHaveLength(listed.length);
    const firstEnded = listed.findIndex((entry) => entry.partner.status);
    expect(firstEnded).toBeGreaterThan(0);
    expect(listed.slice(firstEnded).every((entry) => entry.partner.status)).toBe(true);
    // A status line cites the card that says the partnership ended.
    listed.forEach((entry, index) => {
      if (entry.partner.status) expect(answer.facts[index]!.card.id).toBe(entry.partner.status.card);
    });
  });

  it("never list a partnership that ended or was suspended as current", () => {
    const answer = snapshot.answer("Какие города сейчас партнёры Москвы?");
    expect(answer.list?.query.status).toBe("current");
    const ids = answer.list!.partners!.map((entry) => entry.partner.id);
    for (const ended of ["kyiv", "prague", "krakow"]) expect(ids).not.toContain(ended);
    expect(snapshot.answer("С какими городами Москва разорвала партнёрство?").list?.partners?.map((entry) => entry.partner.id).sort()).toEqual(["krakow", "kyiv", "prague"]);
    expect(snapshot.answer("с кем у москвы прекращено побратимство").list?.query).toEqual({ type: "partners", status: "ended" });
    expect(snapshot.answer("с кем москва порвала отношения").list?.query).toEqual({ type: "partners", status: "ended" });
    expect(snapshot.answer("с кем москва подписала меморандум в 2015").list?.query.type).not.toBe("partners");
  });

  it("narrow the partners by region or country", () => {
    const asia = snapshot.answer("how many partner cities does Moscow have in Asia?");
    expect(asia.list?.query).toEqual({ type: "partners", region: "asia" });
    expect(asia.list!.partners!.every((entry) => entry.partner.region === "asia")).toBe(true);
    expect(snapshot.answer("какие города Италии партнёры Москвы").list?.partners?.map((entry) => entry.partner.id).sort()).toEqual(["milan", "rome"]);
  });

  it("list a partner's documents in date order", () => {
    const answer = snapshot.answer("Какие документы у Москвы с Бишкеком?");
    expect(answer.list?.query).toEqual({ type: "documents", partner: "bishkek" });
    const dates = answer.facts.map((fact) => fact.card.date ?? "9999");
    expect(dates).toEqual([...dates].sort());
    expect(answer.facts.every((fact) => fact.card.kind === "agreement" && fact.card.partners?.includes("bishkek"))).toBe(true);
    expect(snapshot.answer("сколько соглашений москва заключила с бишкеком за последние годы").list?.query).toEqual({ type: "documents", partner: "bishkek" });
    expect(snapshot.answer("сколько раз москва с бишкеком что-то подписывала за последние пару лет").list?.query).toEqual({ type: "documents", partner: "bishkek" });
    expect(snapshot.answer("какие документы москва подписывала с манилой").list?.query).toEqual({ type: "documents", partner: "manila" });
  });

  it("answer a year's question about a country with several partners from the search, not a year's list it cannot narrow", () => {
    const answer = snapshot.answer("что москва подписала с филиппинами в 2024");
    expect(answer.list).toBeUndefined();
    expect(answer.facts[0]?.card.partners).toContain("cebu");
  });

  it("list what happened in a year", () => {
    const answer = snapshot.answer("Что Москва подписала в 2017 году?");
    expect(answer.list?.query).toEqual({ type: "year", year: 2017 });
    expect(answer.facts.length).toBeGreaterThan(0);
    expect(answer.facts.every((fact) => fact.card.date?.startsWith("2017"))).toBe(true);
    // What was signed first, then visits and events, each part in date order.
    const kinds = answer.facts.map((fact) => (fact.card.kind === "agreement" ? 0 : 1));
    expect(kinds).toEqual([...kinds].sort());
    expect(kinds).toContain(1);
    expect(snapshot.answer("moscow agreements 2021").list?.query).toEqual({ type: "year", year: 2021 });
    expect(snapshot.answer("what did moscow sign or agree in 2020").list?.query).toEqual({ type: "year", year: 2020 });
  });

  it("list what happened in a decade («в 90-е», \"in the 1990s\"), signed first", () => {
    for (const question of ["с кем москва дружит ещё с 90-х", "what did moscow sign in the 1990s", "какие соглашения москва заключила в девяностые"]) {
      const answer = snapshot.answer(question);
      expect(answer.list?.query).toEqual({ type: "year", year: 1990, until: 1999 });
      expect(answer.facts.length).toBeGreaterThan(1);
      expect(answer.facts.every((fact) => fact.card.date! >= "1990" && fact.card.date! < "2000")).toBe(true);
      expect(answer.facts[0]?.card.kind).toBe("agreement");
    }
    expect(snapshot.answer("соглашения москвы в нулевые").list?.query).toEqual({ type: "year", year: 2000, until: 2009 });
    expect(listHeading({ type: "year", year: 1990, until: 1999 }, 5, undefined, "ru")).toBe("1990–1999 годы: 5 событий в базе знаний");
    expect(listHeading({ type: "year", year: 1990, until: 1999 }, 1, "Рим", "en")).toBe("1990–1999, Рим: 1 event in the knowledge base");
  });

  it("list where an event held with several partners took place, the latest first, and narrow it by a year", () => {
    for (const question of ["в каких городах проводили дни москвы", "Где проходили Дни Москвы?", "which cities held Days of Moscow"]) {
      const answer = snapshot.answer(question);
      expect(answer.list?.query.type).toBe("events");
      expect(answer.facts.map((fact) => fact.card.partners?.[0])).toEqual(["hanoi", "yerevan", "tashkent", "sofia", "beijing", "nice"]);
    }
    expect(snapshot.answer("где проходили дни москвы в 2018 году").list?.query).toEqual({ type: "year", year: 2018, event: "Дни Москвы" });
    // A partner named, a time asked, or something else asked about the event: the search answers.
    for (const question of ["Когда в Ташкенте проходили Дни Москвы?", "Когда проходили Дни Москвы во Вьетнаме?", "что карпов делал на днях москвы в софии"]) expect(snapshot.answer(question).list).toBeUndefined();
    expect(listHeading({ type: "events", event: "Дни Москвы" }, 6, undefined, "ru")).toBe("Дни Москвы: 6 событий в базе знаний, сначала последние");
  });

  it("follow a list with a list, and with one thing when the follow-up asks about one", () => {
    const year = snapshot.answer("что москва подписала в 2017 году");
    expect(snapshot.answer("а в 2018?", { previous: year.understood! }).list?.query).toEqual({ type: "year", year: 2018 });
    const first = snapshot.answer("что москва подписала с бишкеком в 2017");
    expect(first.list?.query).toEqual({ type: "year", year: 2017, partner: "bishkek" });
    const where = snapshot.answer("а где они встречались?", { previous: first.understood! });
    expect(where.list).toBeUndefined();
    expect(where.facts[0]?.card.partners).toContain("bishkek");
  });

  it("leave a question about one thing to the search", () => {
    expect(snapshot.answer("Что Черёмин сказал про меморандум с Ниццей?").list).toBeUndefined();
    expect(snapshot.answer("На сколько лет соглашение с Дели?").list).toBeUndefined();
    expect(snapshot.answer("what did the jordanian capital want from moscow in 2019?").list).toBeUndefined();
  });
});

describe("a question for someone's age", () => {
  it("is refused when no card gives an age, and a count of years is still answered", () => {
    for (const question of ["сколько лет собянину", "how old is yuriko koike", "сколько лет мэру манилы"]) {
      const answer = snapshot.answer(question);
      expect(answer.asks).toBe("age");
      expect(answer.answered).toBe(false);
    }
    expect(snapshot.answer("сколько лет москва и токио сотрудничают").answered).toBe(true);
  });
});
