import { describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/knowledge/types.js";
import { askedAttributes, statesAttributes } from "../../src/search/attributes.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

const names = (question: string): string[] => askedAttributes(question).map((attribute) => attribute.name);

describe("an attribute a question asks of a known subject", () => {
  it.each([
    ["в какой партии состоит мэр Манагуа", ["party"]],
    ["what party does Christian Estrosi belong to", ["party"]],
    ["what's the population of Mexico City", ["population"]],
    ["сколько человек живёт в Ташкенте", ["population"]],
    ["какая погода в Абу-Даби в декабре", ["weather"]],
    ["какой счёт был в хоккейном матче", ["score"]],
    ["What was the final score of the game?", ["score"]],
    ["сколько денег выделено на программу", ["money"]],
    ["во сколько обошлись Дни Москвы в Софии", ["money"]],
    ["объём товарооборота в долларах", ["dollars"]],
    ["как зовут жену Сергея Черёмина", ["family"]],
    ["какая зарплата у мэра Бишкека", ["money"]],
    ["нужна ли виза в Сеул", ["travel"]],
    ["best time to visit tashkent", ["travel"]],
    ["когда основали Сухум", ["founding"]],
    ["who won the hockey game pisapia and sobyanin went to", ["score"]],
    ["кто выиграл матч, на который ходили мэры", ["score"]],
    ["скока стоила уборочная техника которую москва подарила кишинёву", ["money"]],
    ["какой размер стипендии для студентов из лаоса, сколько платят", ["money"]],
    ["кто архитектор дома москвы в сухуме", ["author"]],
    ["who designed the memorial to slovenes in victory park", ["author"]],
    ["почему арестовали имамоглу", ["life"]],
    ["why did yoichi masuzoe resign", ["life"]],
    ["когда умер пак вон сун", ["life"]],
    ["when did Claudia Sheinbaum become president of Mexico", ["life"]],
    ["What did Albek Ibraimov do after he left the Bishkek mayor's office?", ["life"]],
    ["Кем работал Черёмин до того, как возглавил ДВМС?", ["life"]],
    ["what did cheremin do before he headed the department", ["life"]],
    ["What are the opening hours of the House of Moscow in Sukhum?", ["travel"]],
    ["название джазового ансамбля эйленкрига на днях москвы в ереване", ["title"]],
    ["What's the name of the UAE investment fund Moscow signed with?", ["title"]],
    ["вход на белорусскую ярмарку на тверской платный был?", ["money"]],
    ["was entry to the fair free of charge", ["money"]],
    ["Is Markus Soeder still Bavaria's premier?", ["incumbent"]],
    ["в каком здании подписывали меморандум с ташкентом", ["venue", "signing place"]],
    ["days of moscow in sofia – which venue hosted the concert?", ["venue"]],
    ["продлили ли меморандум с ташкентом после 2020 года", ["extension"]],
    ["so did they renew the agreement after that?", ["extension"]],
    ["кто сейчас правящий бургомистр берлина, всё ещё мюллер?", ["incumbent"]],
    ["who is the current mayor of Minsk", ["incumbent"]],
    ["is prokopiv still secretary of the kiev city council", ["incumbent"]],
    // «где подписали» asks where the signing was, which a city answers; not the venue itself.
    ["где подписали программу с Ташкентом", ["signing place"]],
    ["где подписывали меморандум с берлином", ["signing place"]],
    ["абхазия подписала с москвой соглашение, где это было?", ["signing place"]],
    ["where was the manila moscow programme signed", ["signing place"]],
    ["minsk joint statement signing place", ["signing place"]],
    ["какие фильмы привозили в москву берлинские кинематографисты", ["works"]],
    ["which songs did the orchestra play", ["works"]],
    ["в каких вузах будут учиться лаосские студенты", ["university"]],
    ["which university has a russian department", ["university"]],
  ])("%s → %j", (question, expected) => {
    expect(names(question)).toEqual(expected);
  });

  it.each([
    "Сколько блокировок записал на свой счёт Кикли?",
    "за счёт чего растёт товарооборот",
    "Upon learning of a French scouting party in the area, what did Washington do?",
    "How many points did the Broncos score in the last minutes?",
    "с какими партнёрами Москва подписала программы",
    "кто подписал соглашение с Манагуа",
    "what does the mayor of Hanoi want now",
    "что мэр ханоя сейчас хочет",
    "what do korean kids study from russian literature",
    "на чём основана программа Москвы и Улан-Батора",
    "when did the mayor of Rome visit Moscow",
    "Boycotting, refusing to pay taxes, sit ins, and draft dodging all make what harder?",
    "группы людей вместе бойкотируют систему или не платят налоги",
    "кто подписал программу с Ташкентом",
    "где проходили Дни Москвы в 2018 году",
    "what team was the winner of the Super Bowl",
    "who did sobyanin team up with from greater paris",
  ])("none in: %s", (question) => {
    expect(names(question)).toEqual([]);
  });

  it("takes a quoted name for the name of a thing", () => {
    const [title] = askedAttributes("название ансамбля на днях москвы");
    expect(statesAttributes({ id: "c", text: "Дни открыл концерт джазового ансамбля." }, [title!])).toBe(false);
    expect(statesAttributes({ id: "c", text: "Дни открыл концерт ансамбля «Новая музыка»." }, [title!])).toBe(true);
  });

  it("asks the name of a park, a team, a fund, in either order", () => {
    expect(names("what is the name of the big central park in moscow")).toEqual(["title"]);
    expect(names("UAE investment fund name BRICS forum")).toEqual(["title"]);
    expect(names("what did the company named Strabag build")).toEqual([]);
  });

  it("takes a venue as stated only at or in it", () => {
    const [venue] = askedAttributes("где конкретно подписывали программу");
    expect(statesAttributes({ id: "c", text: "Как уточнили в пресс-службе мэрии Бишкека, документ — это программа." }, [venue!])).toBe(false);
    expect(statesAttributes({ id: "c", text: "Заявление подписали в Минской городской ратуше." }, [venue!])).toBe(true);
  });

  it("takes the place of a signing from the card on the signing, or from the occasion it names in its report", () => {
    const [place] = askedAttributes("где подписали программу");
    const forum = { id: "forum", text: "На Московском урбанистическом форуме прошла встреча мэров." };
    const signed = { id: "signed", text: "Встреча завершилась тем, что мэры поставили подписи под программой." };
    expect(place!.name).toBe("signing place");
    expect(statesAttributes({ id: "c", text: "Заявление подписали в Минской городской ратуше." }, [place!])).toBe(true);
    expect(statesAttributes({ id: "c", text: "В марте 2017 года мэры подписали меморандум." }, [place!])).toBe(false);
    // A place of something else of the occasion: where a film-maker came, where an interview was given.
    expect(statesAttributes({ id: "c", text: "Мэр рассказал об этом в интервью, а кинематографисты приезжали в Москву." }, [place!])).toBe(false);
    expect(statesAttributes(signed, [place!])).toBe(false);
    expect(statesAttributes(signed, [place!], [forum])).toBe(true);
    expect(statesAttributes(signed, [place!], [{ id: "other", text: "Мэр рассказал об этом в интервью." }])).toBe(false);
  });

  it("takes a quoted title for which films, and a university named for which university", () => {
    const [works] = askedAttributes("какие фильмы привозили кинематографисты");
    expect(statesAttributes({ id: "c", text: "Берлинские кинематографисты раньше приезжали в Москву." }, [works!])).toBe(false);
    expect(statesAttributes({ id: "c", text: "Кинематографисты привезли фильм «Небо над Берлином»." }, [works!])).toBe(true);
    const [university] = askedAttributes("в каких вузах будут учиться студенты");
    expect(statesAttributes({ id: "c", text: "Студентам предложили пять стипендий на обучение в России." }, [university!])).toBe(false);
    expect(statesAttributes({ id: "c", text: "В Гаванском университете открыли кафедру русского языка." }, [university!])).toBe(true);
  });

  it("is stated by a card that names it, in Russian or in English", () => {
    const [party] = askedAttributes("в какой партии состоит мэр");
    expect(statesAttributes({ id: "c", text: "План раскритиковала оппозиционная партия TOP 09." }, [party!])).toBe(true);
    expect(statesAttributes({ id: "c", text: "Мэр Манагуа Рейна Руэда подписала соглашение." }, [party!])).toBe(false);
    const [money] = askedAttributes("how much money will Moscow give");
    expect(statesAttributes({ id: "c", text: "Москва выделит средства.", text_en: "Moscow will allot 5 million roubles." }, [money!])).toBe(true);
  });

  it("takes who holds an office now as stated by a card giving it as of a recent date", () => {
    const [incumbent] = askedAttributes("кто сейчас глава ДВМС москвы");
    const asOf = { id: "c", text: "По данным ТАСС на декабрь 2025 года Сергей Черёмин — министр правительства Москвы и руководитель ДВМС." };
    expect(statesAttributes(asOf, [incumbent!], [], 2026)).toBe(true);
    expect(statesAttributes({ id: "c", text: "X", text_en: "As of May 2025, Sergey Cheremin heads the DVMS." }, [incumbent!], [], 2026)).toBe(true);
    // Years before the knowledge's newest report, or no date at all: what was, not what is.
    expect(statesAttributes(asOf, [incumbent!], [], 2030)).toBe(false);
    expect(statesAttributes({ id: "c", text: "Мэр Кракова Яцек Майхровский подписал соглашение в 2017 году." }, [incumbent!], [], 2026)).toBe(false);
    expect(statesAttributes({ id: "c", text: "Сергей Черёмин — руководитель ДВМС." }, [incumbent!], [], 2026)).toBe(false);
  });

  it("takes a population as stated only with a figure", () => {
    const [population] = askedAttributes("what's the population of Mexico City");
    const megacities = { id: "c", text: "Москва и Мехико сопоставимы по населению.", text_en: "Moscow and Mexico City are the world's two largest metropolises, comparable in population." };
    expect(statesAttributes(megacities, [population!])).toBe(false);
    expect(statesAttributes({ id: "c", text: "В Маниле ночью живут около двух миллионов человек.", text_en: "Manila holds about two million people at night." }, [population!])).toBe(true);
    expect(statesAttributes({ id: "c", text: "В Москве 12 млн жителей." }, [population!])).toBe(true);
  });
});

describe("the answered rule with an attribute asked", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2022-06-01", language: "ru" as const };
  const knowledge: KnowledgeBase = {
    partners: [
      { id: "managua", name: "Манагуа", country: "Никарагуа" },
      { id: "hanoi", name: "Ханой", country: "Вьетнам" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "signed", text: "Мэр Манагуа Рейна Руэда подписала соглашение с Москвой.", partners: ["managua"], people: ["Рейна Руэда"] }, source },
      { card: { id: "areas", text: "Соглашение Москвы и Манагуа охватывает культуру, спорт и медицину.", partners: ["managua"] }, source },
      { card: { id: "hanoi", text: "Москва и Ханой подписали программу сотрудничества.", partners: ["hanoi"] }, source },
      { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
    ],
  };
  const index = buildSearchIndex(knowledge);

  it("refuses when no card shown names it, though the subject is known", () => {
    expect(index.search("в какой партии состоит мэр Манагуа Рейна Руэда").answered).toBe(false);
    expect(index.search("сколько денег получит Манагуа по соглашению").answered).toBe(false);
  });

  it("answers the same subject asked without it", () => {
    expect(index.search("кто мэр Манагуа Рейна Руэда").answered).toBe(true);
    expect(index.search("соглашение Москвы и Манагуа").answered).toBe(true);
  });
});
