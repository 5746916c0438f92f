import { describe, expect, it } from "vitest";
import type { FactCard, KnowledgeBase } from "../../src/knowledge/types.js";
import { alsoAskedTypeOf, answerTypeOf, askedKeyword, asksDay, asksReporter, statesReporter, asksExactCount, asksWhoElseWasThere, asksYears, statesDay, askedTypeOf, namesOthers, cardAnswers, countedWords, statesCountOf } from "../../src/search/answer-type.js";
import { buildSearchIndex } from "../../src/search/search-index.js";

const card = (text: string, extra: Partial<FactCard> = {}): FactCard => ({ id: "c", text, ...extra });

describe("the kind of fact a question asks for", () => {
  it.each([
    ["Когда Москва и Ханой подписали программу?", "date"],
    ["на сколько лет программа с Ханоем", "term"],
    ["and what years does it run for", "term"],
    ["delhi moscow twin city agreement duration", "term"],
    ["how long is the moscow-havana memorandum valid for?", "term"],
    ["How many years is the Moscow–Havana memorandum valid for?", "term"],
    ["how long have moscow and seoul been sister cities", "date"],
    ["как давно Москва дружит с Ереваном", "date"],
    ["а контакты у городов вообще с каких времён", "date"],
    ["какая программа с Софией и на какие годы", "term"],
    ["а на основе какого соглашения её делали?", "basis"],
    ["а это во исполнение какого соглашения?", "basis"],
    ["and what older document is that based on?", "basis"],
    ["а вьентьян чего от москвы хотел?", "wish"],
    ["moscow minsk joint statement signing place", "place"],
    ["минск москва заявление место подписания", "place"],
    ["кто ещё был на встрече с шанхайцами", "attendees"],
    ["who attended the moscow-istanbul protocol signing", "attendees"],
    ["кто был мэром кракова когда разорвали партнерство", "office"],
    ["чё москва с кишинёвом решили в 2020?", "agreed"],
    // Any form of the verb, and more words between as a chat types them.
    ["о чём собянин договорился с минским мэром", "agreed"],
    ["о чем москва договорилась со стамбулом", "agreed"],
    ["чё там москва с кишинёвом в 2020 решили?", "agreed"],
    ["в чём москва и шанхай решили вместе работать", "agreed"],
    // A question word with a typo asks the same; a word the dictionary knows is never read as one.
    ["о чём дговорились сабянин и мэр шанхая", "agreed"],
    ["ибраимов собянин урбанистичский форум о чем гаварили", "talks"],
    ["на сколко лет программа сотрудничиства москвы и ханоя", "term"],
    ["какие приортеты у москвы с веной", "areas"],
    ["какое соглашение должна была выполнять программа Москвы и Астаны?", "basis"],
    ["Какое соглашение 2000 года выполняет программа Москвы и Астаны?", "basis"],
    ["для выполнения какого соглашения составлена программа", "basis"],
    ["как собянин назвал москву и минск в ратуше", "called"],
    ["what did sobyanin call minsk and moscow when he signed the joint statement", "called"],
    ["собянин с мэром шанхая о чем договорились то", "agreed"],
    ["what did sobyanin and the shanghai mayor agree to work on together", "agreed"],
    ["а собянин с мэром бишкека о чем тёр на урбанфоруме", "talks"],
    ["what did the jordanian capital want from moscow in 2019?", "wish"],
    ["в какие годы подписывали программы с Софией", "date"],
    ["moscow manila programme 2023 sectors", "areas"],
    ["по каким темам москва с большим парижем сотрудничает", "areas"],
    ["what topics does the moscow vienna programme cover", "areas"],
    ["Сколько лет было мэру, когда он подписал программу?", "age"],
    ["сколько лет москва и сеул побратимы", "count"],
    ["сколько лет юрико коикэ", "age"],
    ["На линии скольких метров стоял памятник?", "count"],
    ["what figures did the moscow delegation give amman about moscow", "count"],
    ["How old was the mayor when he signed it?", "age"],
    ["кто подписывал и когда", "signatory"],
    ["кто с кем встречался в Ханое", "person"],
    ["who signed the Moscow–Jakarta agreement", "signatory"],
    ["who put pen to paper on the abu dhabi moscow programme?", "signatory"],
    ["Who represented Bujumbura when the memorandum with Moscow was signed?", "signatory"],
    ["The Astana–Moscow programme for 2016-2018 was meant to implement which agreement?", "basis"],
    ["The Ulan Bator–Moscow programme for 2018-2020 is built on which earlier document?", "basis"],
    ["what was the occasion", "occasion"],
    ["и по какому поводу его подписали", "occasion"],
    ["what memo did sobyanin sign with the tokio governor masuzoe", "document"],
    ["какую программу москва подписала с будапештом", "document"],
    ["чё подписали собянин и мэр бишкека на урбанфоруме в 17м", "document"],
    ["москва с манилой чё-то подписывали?", "document"],
    ["у москвы с парижем есть соглашение?", "document"],
    ["Did Moscow and Berlin sign anything in 2017 despite the sanctions?", "document"],
    // A signing told, not asked: the kind is the question's («первый раз»), not the document.
    ["Читала, что они что-то подписали. А он вообще первый раз был в Москве?", undefined],
    ["и чем они это объяснили?", "reason"],
    ["и как они это обосновали?", "reason"],
    ["how did the council justify it", "reason"],
    ["what reason did the letter give?", "reason"],
    ["а что ханойцев больше всего интересует?", "wish"],
    ["какие приоритеты у москвы с веной по новой программе", "areas"],
    ["what are the priorities of moscow vienna cooperation", "areas"],
    ["what's in it?", "areas"],
    ["а что в нём прописано?", "areas"],
    ["кто из известных людей был на днях москвы в софии", "attendees"],
    ["кто от тегерана подписывал программу до 2027", "signatory"],
    ["whos the mayor of cebu that signed with moscow", "office"],
    ["как зовут представителя Бужумбуры, подписавшего меморандум с Москвой?", "signatory"],
    ["what is the name of the official who signed for Hanoi", "signatory"],
    ["Что происходит с программой, когда её продлевают?", undefined],
    ["What is it called when a city twins with another?", undefined],
    // A leading «когда …,» / "when …," clause sets the scene: the question word after the comma asks.
    ["Когда Собянин был в Ханое, кто подписал программу?", "signatory"],
    ["When the mayor visited Moscow, how many agreements were signed?", "count"],
    ["When many people are arrested, what is a common tactic?", undefined],
    ["Когда, где и кто подписал программу?", "date"],
    ["Когда подписали программу с Ханоем?", "date"],
    ["What term did the mayor use?", undefined],
    ["собянин кухарев когда подписали", "date"],
    ["о чем говорили мэры на переговорах", "talks"],
    ["what was discussed in Jakarta", "talks"],
    ["and what is it supposed to achieve", "reason"],
    ["какова цель программы с Абу-Даби", "reason"],
  ])("%s → %s", (question, type) => {
    expect(answerTypeOf(question)).toBe(type);
  });

  it("takes a card that names someone and the signing for who signed", () => {
    expect(cardAnswers(card("Программу подписали Сергей Собянин и Кадир Топбаш.", { people: ["Сергей Собянин", "Кадир Топбаш"] }), "signatory")).toBe(true);
    expect(cardAnswers(card("Москва и Джакарта договорились о сотрудничестве на 2020–2022 годы."), "signatory")).toBe(false);
    expect(cardAnswers(card("Сергей Черёмин провёл встречу в Джакарте.", { people: ["Сергей Черёмин"] }), "signatory")).toBe(false);
  });

  it("does not take the one who reports a signing for its signer", () => {
    const reported = { people: ["Сергей Черёмин"], text_en: "DVMS head Sergey Cheremin said Moscow signed an agreement with São Paulo." };
    expect(cardAnswers(card("По словам Сергея Черёмина, Москва подписала соглашение с Сан-Паулу.", reported), "signatory")).toBe(false);
    const both = { people: ["Сергей Черёмин", "Рейна Руэда"] };
    expect(cardAnswers(card("Соглашение подписали Рейна Руэда и Сергей Черёмин, сообщил портал.", both), "signatory")).toBe(true);
    expect(cardAnswers(card("Мэры поставили подписи под программой, сообщил портал."), "signatory")).toBe(true);
  });

  it("takes what a document is meant to do for a reason («призван развивать», \"aims to\")", () => {
    expect(cardAnswers(card("Меморандум призван развивать сотрудничество двух столиц."), "reason")).toBe(true);
    expect(cardAnswers(card("Программа должна укрепить дружбу городов."), "reason")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The programme aims to strengthen friendship." }), "reason")).toBe(true);
    expect(cardAnswers(card("Программу подписали в 2021 году."), "reason")).toBe(false);
  });

  it("takes items after commas for a list of areas, not the commas around a date", () => {
    expect(cardAnswers(card("Соглашение охватывает транспорт, туризм, культуру и образование."), "areas")).toBe(true);
    expect(cardAnswers(card("Руководители Москвы и Шанхая договорились сотрудничать в транспорте, строительстве и экономике."), "areas")).toBe(true);
    expect(cardAnswers(card("В понедельник, 30 января 2023 года, на встрече представители Москвы и Манилы подписали программу."), "areas")).toBe(false);
    // An apposition and the clause that goes on after it are no list.
    expect(cardAnswers(card("Мэр Москвы Сергей Собянин и Патрик Олье, президент Метрополии Большого Парижа, подписали программу сотрудничества."), "areas")).toBe(false);
  });

  it("takes a year or a date for a date, not for a count", () => {
    expect(cardAnswers(card("Меморандум на 2018–2020 годы подписали 12 октября."), "date")).toBe(true);
    expect(cardAnswers(card("Меморандум на 2018–2020 годы подписали 12 октября."), "count")).toBe(false);
    expect(cardAnswers(card("Дни Минска шли с 18 по 21 сентября 2025 года."), "count")).toBe(false);
    expect(cardAnswers(card("Программу подписали в XVI веке."), "date")).toBe(true);
    expect(cardAnswers(card("Делегация из 40 человек приехала в 2019 году."), "count")).toBe(true);
    expect(cardAnswers(card("В делегацию вошли пять министров."), "count")).toBe(true);
  });

  it("takes how long a document runs for a term, not how long a tie has lasted nor a year", () => {
    expect(cardAnswers(card("Программу подписали на три года."), "term")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The memorandum was signed for five years." }), "term")).toBe(true);
    expect(cardAnswers(card("Протокол действует до 2027 года."), "term")).toBe(true);
    // «около 25 лет связывают» answers "how long have they been partners" (a date), not "how long is the memorandum valid".
    expect(cardAnswers(card("Москву и Гавану около 25 лет связывают тесные отношения."), "term")).toBe(false);
    expect(cardAnswers(card("Москву и Гавану около 25 лет связывают тесные отношения."), "date")).toBe(true);
    expect(cardAnswers(card("Москва и Сеул были побратимами уже 26 лет."), "date")).toBe(true);
    expect(cardAnswers(card("Программу подписали в 2018 году."), "term")).toBe(false);
  });

  it("takes only a card that gives someone's age for an age", () => {
    expect(cardAnswers(card("Мэр Манилы подписал программу на три года."), "age")).toBe(false);
    expect(cardAnswers(card("Элвей завершил карьеру в возрасте 38 лет."), "age")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The 38-year-old mayor signed it." }), "age")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The mayor, aged 38, signed it." }), "age")).toBe(true);
    // An age limit gives an age too.
    expect(cardAnswers(card("Членам необходимо являться лицами старше 18 лет."), "age")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "Members must be over the age of 18." }), "age")).toBe(true);
  });

  it("takes a card that says what was discussed or agreed for the talks", () => {
    expect(cardAnswers(card("На переговорах мэры обсудили развитие мегаполисов."), "talks")).toBe(true);
    expect(cardAnswers(card("Мэры подписали программу."), "talks")).toBe(false);
  });

  it("takes a card that says what someone called someone for what they were called", () => {
    expect(cardAnswers(card("Сергей Собянин назвал Минск и Москву городами-побратимами и городами-героями."), "called")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The mayor called on Moscow to invest." }), "called")).toBe(false);
    expect(cardAnswers(card("Совместное заявление подписали в Минской городской ратуше."), "called")).toBe(false);
  });

  it("reads who told of something as asking for whoever a card says reported it", () => {
    expect(asksReporter("а кто об этом сообщил?")).toBe(true);
    expect(asksReporter("who told interfax about the nice memorandum")).toBe(true);
    expect(asksReporter("кто подписал заявление")).toBe(false);
    expect(statesReporter(card("О подписании заявления сообщила пресс-служба мэра и правительства Москвы."))).toBe(true);
    expect(statesReporter(card("Под заявлением стоят подписи Собянина и Зёдера."))).toBe(false);
  });

  it("takes only a card that says what was agreed for what was agreed, not one on the talks alone", () => {
    expect(cardAnswers(card("Мэры договорились сотрудничать в транспорте и строительстве."), "agreed")).toBe(true);
    expect(cardAnswers(card("На переговорах мэры обсудили развитие мегаполисов."), "agreed")).toBe(false);
  });

  it("reads what a count question counts", () => {
    expect(countedWords("сколько жителей в Ташкенте")).toEqual(["жителей", "в"]);
    expect(countedWords("How old is the mayor?")).toEqual(["years", "лет"]);
    expect(countedWords("Москва и Минск: товарооборот")).toEqual([]);
    expect(countedWords("Сколько именно уборочных машин Москва подарила Кишинёву?")).toEqual(["уборочных", "машин"]);
    expect(countedWords("how many exactly did they give")).toEqual(["did", "they"]);
  });

  it("takes a count of what is counted only from a number near it", () => {
    const residents = (word: string): boolean => word.startsWith("жител");
    expect(statesCountOf(card("Меморандум призван развивать сотрудничество двух столиц, а также дружбу и взаимопонимание между их жителями."), residents)).toBe(false);
    expect(statesCountOf(card("В Ташкенте живут почти 3 миллиона жителей."), residents)).toBe(true);
    // A card that never names what is counted may call it otherwise: any number will do.
    expect(statesCountOf(card("Делегация из 40 человек."), residents)).toBe(true);
    expect(statesCountOf(card("The dinner was attended by 2000 guests.", { text_en: "The dinner was attended by 2000 guests." }), (word) => word === "guests")).toBe(true);
  });

  it("reads whole number words, not their first letters", () => {
    // «сотрудничество», «стороны», «семейный», «однако» begin like сто, сем, одн.
    expect(cardAnswers(card("Стороны обсудили сотрудничество, однако семейный туризм не затронули."), "count")).toBe(false);
    expect(cardAnswers(card("Шестикратный обладатель премии выступил на открытии."), "count")).toBe(true);
    expect(cardAnswers(card("На подготовку ушло несколько месяцев."), "count")).toBe(true);
    expect(cardAnswers(card("Москва передаст десятки машин."), "count")).toBe(true);
  });

  it("takes a word that names a quantity only where the card gives the number", () => {
    const tourists = (word: string): boolean => word.startsWith("турист");
    expect(statesCountOf(card("Статистика показывает рост числа российских туристов во Вьетнаме."), tourists)).toBe(false);
    expect(statesCountOf(card("Число туристов из России, приезжающих в Рим, выросло: прежде их были сотни тысяч, теперь свыше миллиона."), tourists)).toBe(true);
  });

  it("does not take how many years a tie has lasted for a count of something else", () => {
    const people = (word: string): boolean => word === "человек";
    const years = (word: string): boolean => word === "лет";
    const anniversary = card("Делегация Манагуа приехала на годовщину отношений, которым исполнилось 78 лет.");
    expect(statesCountOf(anniversary, people)).toBe(false);
    expect(statesCountOf(anniversary, years)).toBe(true);
  });

  it("reads «сколько» with a verb of lasting as asking how many days", () => {
    expect(countedWords("а сколько делегация там пробыла")).toEqual(["дней", "days"]);
    expect(countedWords("сколько они шли")).toEqual(["дней", "days"]);
    expect(countedWords("сколько человек было в делегации")).not.toEqual(["дней", "days"]);
  });

  it("takes from a card that does not name what is counted no span of years and no pair of partners", () => {
    const tourists = (word: string): boolean => word.startsWith("турист");
    const years = (word: string): boolean => word === "лет" || word === "years";
    expect(statesCountOf(card("Москва и Бангкок заключили программу, рассчитанную на два года."), tourists)).toBe(false);
    expect(statesCountOf(card("Черёмин обещал связать деловые круги двух городов."), tourists)).toBe(false);
    expect(statesCountOf(card("Москва и Астана подписали программу на 2016–2018 годы."), years)).toBe(true);
  });

  it("takes no vague quantity for an exact count", () => {
    const machines = (word: string): boolean => word.startsWith("машин");
    const dozens = card("Москва подарит Кишинёву десятки машин для уборки улиц.");
    expect(statesCountOf(dozens, machines)).toBe(true);
    expect(asksExactCount("сколько именно машин москва передала кишинёву")).toBe(true);
    expect(statesCountOf(dozens, machines, undefined, true)).toBe(false);
    expect(statesCountOf(card("Москва передала Кишинёву 30 машин."), machines, undefined, true)).toBe(true);
  });

  it("takes no rough number for an exact count: «сотнями тысяч камер», 'hundreds of thousands of cameras'", () => {
    const cameras = (word: string): boolean => word.startsWith("камер") || word.startsWith("camera");
    const rough = card("Ханой заинтересовался сотнями тысяч камер видеонаблюдения.", { text_en: "Hanoi took an interest in hundreds of thousands of CCTV cameras." });
    expect(statesCountOf(rough, cameras)).toBe(true);
    expect(statesCountOf(rough, cameras, undefined, true)).toBe(false);
    expect(statesCountOf(card("В Москве работают 220 тысяч камер."), cameras, undefined, true)).toBe(true);
  });

  it("counts the days of a visit from its dates", () => {
    const days = (word: string): boolean => word === "дней" || word === "days";
    expect(statesCountOf(card("Со 2 по 5 декабря 2019 года делегация Москвы находилась в Джакарте."), days)).toBe(true);
    expect(statesCountOf(card("В декабре 2019 года делегация Москвы находилась в Джакарте."), days)).toBe(false);
    // Across a month's end, in either text.
    expect(statesCountOf(card("Дни Москвы во Вьетнаме шли с 30 ноября по 3 декабря 2025 года."), days)).toBe(true);
    expect(statesCountOf(card("Дни Москвы шли в Ханое.", { text_en: "The Days of Moscow ran from 30 November to 3 December 2025." }), days)).toBe(true);
  });

  it("counts what a card lists under the name of what is counted, not a list it is an item of", () => {
    const areas = (word: string): boolean => word.startsWith("сфер");
    expect(statesCountOf(card("Ключевые сферы программы Москвы и Мехико на 2020–2022 годы — культура, экономика, здравоохранение, спорт, туризм и безопасность."), areas)).toBe(true);
    expect(statesCountOf(card("Стороны назвали ключевые сферы программы Москвы и Мехико на 2020–2022 годы."), areas)).toBe(false);
    const trade = (word: string): boolean => word.startsWith("торгов");
    expect(statesCountOf(card("Россия и Беларусь сотрудничают в промышленности, торговле, туризме и образовании."), trade)).toBe(false);
  });

  it("finds a place at the start of a card's text as well as inside it", () => {
    expect(cardAnswers(card("На Московском урбанистическом форуме встретились мэры."), "place")).toBe(true);
    expect(cardAnswers(card("Мэр рассказал об этом в интервью агентству."), "place")).toBe(true);
  });

  it("takes a card saying which earlier document a programme carries out for what it is based on", () => {
    expect(cardAnswers(card("Программа нужна для выполнения соглашения от 20 июня 2000 года."), "basis")).toBe(true);
    expect(cardAnswers(card("В основу программы легли принципы протокола 1996 года."), "basis")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "The programme is meant to put the 1997 agreement into practice." }), "basis")).toBe(true);
    expect(cardAnswers(card("Мэры подписали программу сотрудничества на 2018–2020 годы."), "basis")).toBe(false);
  });

  it("takes a card saying what someone wants, hopes for or is interested in for what they want", () => {
    expect(cardAnswers(card("Минск заинтересован в опыте Москвы."), "wish")).toBe(true);
    expect(cardAnswers(card("X", { text_en: "Vientiane's authorities called on the Moscow government to bring more tourists." }), "wish")).toBe(true);
    expect(cardAnswers(card("Мэры встретились в ратуше."), "wish")).toBe(false);
  });

  it("takes a card saying who was present for who attended", () => {
    expect(cardAnswers(card("X", { text_en: "The signing was attended by Istanbul Mayor Ekrem İmamoğlu." }), "attendees")).toBe(true);
    expect(cardAnswers(card("При подписании присутствовали три министра."), "attendees")).toBe(true);
    expect(cardAnswers(card("Мэры подписали протокол."), "attendees")).toBe(false);
    expect(cardAnswers(card("Одним из гостей Дней Москвы в Софии стал Анатолий Карпов."), "attendees")).toBe(true);
    expect(cardAnswers(card("Кухарев приехал в Москву на Дни Минска; меморандум подписали после встречи."), "occasion")).toBe(true);
    expect(cardAnswers(card("Мэры подписали меморандум о цифровизации."), "occasion")).toBe(false);
  });

  it("takes how long something has lasted for when it began: «побратимы уже 26 лет»", () => {
    expect(cardAnswers(card("Москва и Сеул были городами-побратимами уже 26 лет."), "date")).toBe(true);
    expect(cardAnswers(card("Москва и Сеул — города-побратимы."), "date")).toBe(false);
  });

  it("does not take an English month for a place: 'in December' says when", () => {
    const reported = (en: string): FactCard => card("Мэры подписали совместное заявление (сообщение от декабря 2024 года).", { text_en: en });
    expect(cardAnswers(reported("The mayors signed a joint statement (reported in December 2024)."), "place")).toBe(false);
    expect(cardAnswers(reported("The mayors signed a joint statement in Minsk City Hall."), "place")).toBe(true);
  });
});

describe("a question about an aspect no card states (rule 5 of the answered rule)", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" as const };
  const knowledge = (texts: string[]): KnowledgeBase => ({
    partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }],
    synonyms: [],
    sources: [source],
    cards: texts.map((text, i) => ({ card: { id: `c${i}`, text, partners: ["hanoi"] }, source })),
  });
  const without = buildSearchIndex(knowledge(["Москва и Ханой подписали программу сотрудничества в 2025 году.", "Ханой интересуется цифровым двойником Москвы."]));
  const withCount = buildSearchIndex(knowledge(["Москва и Ханой подписали программу сотрудничества в 2025 году.", "Программу сотрудничества Москвы и Ханоя подписали 12 министров."]));
  const withTerm = buildSearchIndex(knowledge(["Москва и Ханой подписали программу сотрудничества на три года.", "Ханой интересуется цифровым двойником Москвы.", "В Ханое прошёл деловой форум."]));

  it("refuses a count when the cards on its subject give no number but a year", () => {
    expect(without.search("сколько министров подписали программу с Ханоем").answered).toBe(false);
    expect(withCount.search("сколько министров подписали программу с Ханоем").answered).toBe(true);
  });

  it("refuses a term when no card gives one, and answers it when one does", () => {
    expect(without.search("на сколько лет программа с Ханоем").answered).toBe(false);
    expect(withTerm.search("на сколько лет программа с Ханоем").answered).toBe(true);
  });

  it("takes for the kind asked only a card of the year the question names", () => {
    const astana = { id: "s2", title: "T", publisher: "Казинформ", published: "2016-10-24", language: "ru" as const };
    const cardOf = (id: string, text: string, people?: string[]) => ({ card: { id, text, partners: ["astana"], ...(people ? { people } : {}) }, source: astana });
    const index = buildSearchIndex({
      partners: [{ id: "astana", name: "Астана", country: "Казахстан" }],
      synonyms: [],
      sources: [astana],
      cards: [
        cardOf("program", "Программу сотрудничества Москвы и Астаны на 2016–2018 годы, по их давнему соглашению, подписали Сергей Собянин и Асет Исекешев.", ["Сергей Собянин", "Асет Исекешев"]),
        cardOf("agreement", "Программа сотрудничества на 2016–2018 годы реализует соглашение Москвы и Астаны 2000 года."),
        cardOf("digital", "Астана интересуется цифровыми сервисами Москвы."),
      ],
    });
    // The programme's signatories do not say who signed the agreement of 2000 it carries out.
    expect(index.search("кто подписывал соглашение москвы и астаны 2000 года").answered).toBe(false);
    expect(index.search("кто подписал программу с Астаной на 2016–2018 годы").answered).toBe(true);
    expect(index.search("кто подписал программу с Астаной").answered).toBe(true);
  });

  it("answers the same subject asked without a kind of fact", () => {
    expect(without.search("программа сотрудничества с Ханоем").answered).toBe(true);
  });

  it("refuses the day of an event when the cards give only its month, and answers it when one gives the day", () => {
    const others = ["Ханой интересуется цифровым двойником Москвы.", "В Ханое прошёл деловой форум."];
    const month = buildSearchIndex(knowledge(["Москва и Ханой подписали программу сотрудничества в декабре 2025 года.", ...others]));
    const day = buildSearchIndex(knowledge(["Москва и Ханой подписали программу сотрудничества 3 декабря 2025 года.", ...others]));
    expect(asksDay("какого числа подписали программу с Ханоем")).toBe(true);
    expect(asksDay("когда подписали программу с Ханоем")).toBe(false);
    expect(month.search("какого числа подписали программу с Ханоем").answered).toBe(false);
    expect(day.search("какого числа подписали программу с Ханоем").answered).toBe(true);
    expect(month.search("когда подписали программу с Ханоем").answered).toBe(true);
    // «в какой день», "which day" ask a date, and its day.
    expect(month.search("в какой именно день декабря подписали программу с Ханоем").answered).toBe(false);
    expect(day.search("в какой именно день декабря подписали программу с Ханоем").answered).toBe(true);
    expect(answerTypeOf("on which day was the Hanoi programme signed")).toBe("date");
    expect(statesDay({ id: "c", text: "X", date: "2024-12-23" })).toBe(true);
    expect(statesDay({ id: "c", text: "X", text_en: "Signed on November 3." })).toBe(true);
    expect(statesDay({ id: "c", text: "X", date: "2024-12" })).toBe(false);
  });

  it("reads «кто ещё был», 'who else was there' as asking who was present; 'who else did he meet' as not", () => {
    expect(asksWhoElseWasThere("кто ещё был в делегации Собянина в Минске")).toBe(true);
    expect(asksWhoElseWasThere("who else was there at the signing?")).toBe(true);
    expect(asksWhoElseWasThere("кто ещё на встрече был?")).toBe(true);
    expect(asksWhoElseWasThere("who else did he meet on that same day?")).toBe(false);
    expect(asksWhoElseWasThere("кто был в делегации")).toBe(false);
  });

  it("answers which years with a length when no card gives the span", () => {
    expect(asksYears("на какие годы подписали программу с Ханоем")).toBe(true);
    expect(asksYears("на сколько лет программа с Ханоем")).toBe(false);
    expect(withTerm.search("на какие годы программа с Ханоем").answered).toBe(true);
  });

  it("answers two kinds asked at once when a card states either", () => {
    expect(alsoAskedTypeOf("who signed the hanoi programme and for which years")?.type).toBe("term");
    expect(alsoAskedTypeOf("кто подписал программу с Ханоем")).toBeUndefined();
    // No card names who signed; one gives the term.
    expect(withTerm.search("программа с Ханоем: кто подписал и на сколько лет").answered).toBe(true);
    expect(without.search("программа с Ханоем: кто подписал и на сколько лет").answered).toBe(false);
  });
});

describe("a card's date", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2025-12-03", language: "ru" as const };
  const later = { ...source, id: "s2" };
  const cards = [
    { card: { id: "talks", text: "Мэры Москвы и Ханоя провели переговоры.", partners: ["hanoi"], date: "2014-05" }, source },
    { card: { id: "megacities", text: "Стороны обсудили развитие мегаполисов.", partners: ["hanoi"] }, source },
    { card: { id: "later", text: "Мэры Москвы и Ханоя встретились снова.", partners: ["hanoi"], date: "2019" }, source: later },
    { card: { id: "forum", text: "В Ханое прошёл деловой форум, где обсудили транспорт.", partners: ["hanoi"] }, source: later },
  ];
  const index = buildSearchIndex({ partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }], synonyms: [], sources: [source, later], cards });

  it("is searched by its year, though the text never repeats it", () => {
    const outcome = index.search("мэры Ханоя 2014");
    expect(outcome.answered).toBe(true);
    expect(cards[outcome.hits[0]!.card]!.card.id).toBe("talks");
  });

  it("finds the undated cards of its source too: they tell what happened then", () => {
    const outcome = index.search("что обсудили в Ханое в 2014");
    expect(outcome.answered).toBe(true);
    expect(cards[outcome.hits[0]!.card]!.card.id).toBe("megacities");
  });

  it("gives no dates to the undated cards of a source that reports several occasions", () => {
    const chronicle = { ...source, id: "s3" };
    const many = [2001, 2003, 2005, 2007].map((year) => ({ card: { id: `y${year}`, text: `Встреча мэров в Ханое в ${year} году.`, partners: ["hanoi"], date: String(year) }, source: chronicle }));
    const undated = { card: { id: "museum", text: "Делегация Ханоя посетила музей.", partners: ["hanoi"] }, source: chronicle };
    const withChronicle = buildSearchIndex({ partners: [{ id: "hanoi", name: "Ханой", country: "Вьетнам" }], synonyms: [], sources: [source, later, chronicle], cards: [...cards, ...many, undated] });
    const museum = cards.length + many.length;
    expect(withChronicle.search("музей 2003", 20).ranked.find((hit) => hit.card === museum)?.matched).not.toContain("2003");
  });
});

describe("who signed", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2019-12-03", language: "ru" as const };
  const knowledge = (withSignatories: boolean) => ({
    partners: [
      { id: "jakarta", name: "Джакарта", country: "Индонезия" },
      { id: "hanoi", name: "Ханой", country: "Вьетнам" },
    ],
    synonyms: [],
    sources: [source],
    cards: [
      { card: { id: "deal", text: "Москва и Джакарта подписали соглашение о сотрудничестве на 2020–2022 годы.", partners: ["jakarta"] }, source },
      ...(withSignatories ? [{ card: { id: "signed", text: "Соглашение с Джакартой подписал Сергей Черёмин.", partners: ["jakarta"], people: ["Сергей Черёмин"] }, source }] : []),
      { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
      { card: { id: "school", text: "Ханой изучает опыт Московской электронной школы.", partners: ["hanoi"] }, source },
    ],
  });

  it("is answered by a card naming someone who signed, and refused when no card names anyone", () => {
    const withSignatories = buildSearchIndex(knowledge(true)).search("кто подписал соглашение с Джакартой");
    expect(withSignatories.answered).toBe(true);
    expect(withSignatories.hits[0]!.card).toBe(1);
    expect(buildSearchIndex(knowledge(false)).search("кто подписал соглашение с Джакартой").answered).toBe(false);
    expect(buildSearchIndex(knowledge(false)).search("соглашение Москвы с Джакартой").answered).toBe(true);
  });

  it("is not answered by another partner's signatories, however close their card", () => {
    const withHanoi = knowledge(false);
    // Jakarta in many cards, as a partner is: the word weighs little, and the Hanoi card comes close.
    for (const topic of ["транспорт", "экология", "культура", "туризм"]) withHanoi.cards.push({ card: { id: topic, text: `Москва и Джакарта обсудили ${topic}.`, partners: ["jakarta"] }, source });
    withHanoi.cards.push({ card: { id: "hanoi-signed", text: "Соглашение о сотрудничестве с Ханоем подписал Сергей Черёмин.", partners: ["hanoi"], people: ["Сергей Черёмин"] }, source });
    expect(buildSearchIndex(withHanoi).search("кто подписал соглашение о сотрудничестве с Джакартой").answered).toBe(false);
    expect(buildSearchIndex(withHanoi).search("кто подписал соглашение о сотрудничестве с Ханоем").answered).toBe(true);
  });

  it("is answered by a card saying the mayors signed, though it names no one", () => {
    const byMayors = knowledge(false);
    byMayors.cards[0] = { card: { id: "deal", text: "Мэры Москвы и Джакарты подписали соглашение о сотрудничестве на 2020–2022 годы.", partners: ["jakarta"] }, source };
    expect(buildSearchIndex(byMayors).search("кто подписал соглашение с Джакартой").answered).toBe(true);
  });
});

describe("a keyword written as the question a card answers", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2018-06-14", language: "ru" as const };
  const buildIndex = (aspectKeywords: string[]) =>
    buildSearchIndex({
      partners: [
        { id: "delhi", name: "Дели", country: "Индия" },
        { id: "hanoi", name: "Ханой", country: "Вьетнам" },
      ],
      synonyms: [],
      sources: [source],
      cards: [
        { card: { id: "agreement", text: "Дели и Москва подписали соглашение о городах-побратимах.", keywords: ["соглашение"], partners: ["delhi"] }, source },
        { card: { id: "signatories", text: "Соглашение с Дели подписали, желая укрепить дружбу столиц.", keywords: aspectKeywords, partners: ["delhi"] }, source },
        { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
        { card: { id: "school", text: "Ханой изучает опыт Московской электронной школы.", partners: ["hanoi"] }, source },
      ],
    });
  const first = (keywords: string[], question: string): string => {
    const outcome = buildIndex(keywords).search(question);
    return outcome.hits[0] ? ["agreement", "signatories", "forum", "school"][outcome.hits[0].card]! : "none";
  };

  it("puts the card that states the aspect asked before the broader card of the same event", () => {
    expect(first(["подписание"], "зачем подписали соглашение с Дели")).toBe("agreement");
    expect(first(["зачем подписали"], "зачем подписали соглашение с Дели")).toBe("signatories");
  });

  it("needs the same question word: «где подписали» is not «зачем подписали»", () => {
    const index = (keywords: string[]) => buildIndex(keywords).search("где подписали соглашение с Дели").ranked.map((hit) => [hit.card, hit.score]);
    expect(index(["зачем подписали"])).toEqual(index(["подписали"]));
  });

  it("reads a keyword as a question only when it starts with a question word and asks something", () => {
    expect(askedKeyword("кто подписал")).toEqual({ word: "кто", rest: "подписал" });
    expect(askedKeyword("who led the delegation")).toEqual({ word: "who", rest: "led the delegation" });
    expect(askedKeyword("когда")).toBeUndefined();
    expect(askedKeyword("соглашение о сотрудничестве")).toBeUndefined();
  });
});

describe("the words that ask for a kind of fact", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2014-11-10", language: "ru" as const };
  const cards = [
    { card: { id: "agreement", text: "Москва и Милан подписали соглашение о сотрудничестве.", partners: ["milan"] }, source },
    { card: { id: "areas", text: "Соглашение Москвы и Милана охватывает экономику, туризм, культуру и образование.", partners: ["milan"] }, source },
    { card: { id: "fashion", text: "Вечером мэры посетили показ мод в Милане.", partners: ["milan"] }, source },
  ];
  const index = buildSearchIndex({ partners: [{ id: "milan", name: "Милан", country: "Италия" }], synonyms: [], sources: [source], cards });

  it("are covered by a card of that kind whatever its own word for it («областях» by a list of areas)", () => {
    const outcome = index.search("в каких областях москва и милан будут сотрудничать");
    expect(outcome.answered).toBe(true);
    expect(cards[outcome.hits[0]!.card]!.card.id).toBe("areas");
  });

  it("are only the phrase's first and last word: what stands between is the subject", () => {
    expect(askedTypeOf("what does the moscow athens programme cover")).toMatchObject({ type: "areas", words: ["what", "cover"] });
    expect(askedTypeOf("в каких областях сотрудничают")).toMatchObject({ type: "areas", words: ["в", "областях"] });
    expect(askedTypeOf("когда подписали")).toMatchObject({ type: "date", words: ["когда"] });
  });
});

describe("a question for a person", () => {
  const source = { id: "s", title: "T", publisher: "ТАСС", published: "2020-01-16", language: "ru" as const };
  const cards = [
    { card: { id: "visit", text: "Мэр Кишинёва Ион Чебан приехал в Москву с рабочим визитом в январе 2020 года.", people: ["Ион Чебан"], partners: ["chisinau"] }, source },
    { card: { id: "meeting", text: "В Москве Чебан встретился с Сергеем Черёминым.", people: ["Ион Чебан", "Сергей Черёмин"], partners: ["chisinau"] }, source },
    { card: { id: "forum", text: "В Ханое прошёл деловой форум.", partners: ["hanoi"] }, source },
    { card: { id: "school", text: "Ханой изучает опыт электронной школы.", partners: ["hanoi"] }, source },
  ];
  const partners = [
    { id: "chisinau", name: "Кишинёв", country: "Молдавия" },
    { id: "hanoi", name: "Ханой", country: "Вьетнам" },
  ];
  const index = buildSearchIndex({ partners, synonyms: [], sources: [source], cards });

  it("wants a card naming someone the question does not name", () => {
    const outcome = index.search("чебан в москве с кем виделся");
    expect(cards[outcome.hits[0]!.card]!.card.id).toBe("meeting");
    expect(namesOthers(["чебан"], "с кем встречался Чебан")).toBe(false);
    expect(namesOthers(["чебан", "черем"], "с кем встречался Чебан")).toBe(true);
  });
});
