import type { FactCard } from "../knowledge/types.js";

/**
 * What kind of fact a question wants, from its question word — the word the stopword list drops.
 * "Кто подписал…" wants the card that names the signatories, not the one that only says a
 * programme was signed; "Когда…" the card that carries a date; "Где…" the one that says where;
 * "Сколько…" one with a number; "До какого года…" one with a term or an end year; "Какой
 * документ…" one that records a signed document; "В каких сферах…" one that lists the areas;
 * "Почему…" one that gives a reason. Checked in
 * this order: "на сколько лет" is a term before it is a count, "в каком году" a date.
 */
export const ANSWER_TYPES = ["term", "date", "person", "place", "count", "areas", "document", "reason"] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

const W = "(?<![\\p{L}])";
const E = "(?![\\p{L}])";
const words = (alternatives: string): RegExp => new RegExp(`${W}(${alternatives})${E}`, "iu");

const QUESTION: Record<AnswerType, RegExp> = {
  term: words("до какого (года|срока|времени)|на (какой|каков) срок|на сколько лет|на скока лет|сколько лет действ\\p{L}*|until when|until what year|how long|for how many years|what (term|period)|which years|какой срок|срок действия"),
  date: words("когда|в как(ом|ие) (году|годы|месяце|день)|как(ого|ие) числ\\p{L}*|when|what (year|date|day|month)|which (year|date|month)|какого года|в каком месяце"),
  person: words("кто|кого|кому|кем|who|whom|whose|с кем|which (official|mayor|person)|какой чиновник|какие люди"),
  place: words("где|куда|откуда|в каком (городе|месте|зале)|в какой стране|where|in which (city|place|hall)|at which|what (city|venue|place)"),
  count: words("сколько|скока|how many|how much|what number|какое количество|какой объ[её]м"),
  areas: words("в как(их|ой) (сферах|сфере|областях|области|направлениях|отраслях)|по каким (сферам|направлениям|областям)|как(ие|ое) (направления|сферы|области|отрасли|направление)|what (areas|fields|sectors|spheres)|which (areas|fields|sectors)|in what (areas|fields)|что (входит|включает)|what does .{1,40} (cover|include)|what('s| is) (in|on) the (programme|program)"),
  document: words("какой документ|какие документы|какое соглашение|что (подписали|подписал|подписала|заключили)|что за документ|what (document|agreement|did .{1,30} sign)|which (document|agreement)"),
  reason: words("почему|зачем|для чего|с какой целью|по какой причине|why|what for|for what purpose|what was the (reason|aim|goal)"),
};

export function answerTypeOf(question: string): AnswerType | undefined {
  return ANSWER_TYPES.find((type) => QUESTION[type].test(question));
}

// Card texts are read at every build: a consumed separator, cheaper there than a look-behind.
const CW = "(?:^|[\\s«\"(,.;:—–-])";
const MONTHS = "январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|january|february|march|april|may|june|july|august|september|october|november|december";
const YEAR = /(?<![\p{N}])(1[89]|20)\d\d(?![\p{N}])/u;
// Number words by their first letters (трёх, пятью, двадцати); a digit anywhere is a number too.
const NUMBER_WORDS = /^(один|одн|два|две|двух|три|трех|четыр|пят|шест|сем|восем|девят|десят|двадцат|тридцат|сорок|сто|сот|тысяч|миллион|миллиард|полтор|one$|two$|three$|four$|five$|six$|seven$|eight$|nine$|ten$|twenty|thirty|hundred|thousand|million|billion|dozen)/u;
const TERM = new RegExp(`(1[89]|20)\\d\\d\\s*[–—-]\\s*(1[89]|20)?\\d\\d|${CW}(до|по|until|through|till|to) (1[89]|20)\\d\\d|${CW}(на|for) (\\p{L}+ )?(год|года|лет|years?)${E}|(трех|тр[её]х|двух|пяти|три|два|пять|three|two|five)[- ]?(лет|летн\\p{L}*|год\\p{L}*|years?|year)`, "iu");
const PLACE = new RegExp(`${CW}(в|во|на|at|in) (\\p{Lu}|зале|конференц|ратуш|мэри|здани|офис|кремл|резиденц|рамках|ходе|полях|форум|выставк|city hall|the hall|the forum|the office|the margins)|ратуш|city hall|конференц-зал`, "u");
const REASON = new RegExp(`${CW}(чтобы|для того|поскольку|так как|потому|из-за|ради|цел(ь|ью|и)|причин\\p{L}*|в знак|в связи|мотивирова\\p{L}*|вызван\\p{L}*|обоснован\\p{L}*|в ответ|because|in order to|so that|aim|goal|purpose|reasons?|due to|owing to|in protest|prompted|motivated|in response|justification|justified)${E}`, "iu");
// A word that announces a list of areas; a list itself is told by its commas (listsItems).
const AREAS = new RegExp(`${CW}(сфер\\p{L}*|област\\p{L}*|направлени\\p{L}*|отрасл\\p{L}*|таких как|такие как|в том числе|включая|areas?|fields?|sectors?|spheres?|such as|including)${E}`, "iu");
const DAY_AND_MONTH = new RegExp(`\\d{1,2} (${MONTHS})`, "iu");

export function cardAnswers(card: FactCard, type: AnswerType): boolean {
  const text = `${card.text} ${card.text_en ?? ""}`;
  switch (type) {
    case "person":
      // Named in the card's own words, not only listed in `people`: "who signed" wants the card
      // that says who signed, not the one that only says a document was signed.
      return (card.people ?? []).some((person) => namedIn(person, text));
    case "date":
      return card.date !== undefined || YEAR.test(card.text) || DAY_AND_MONTH.test(card.text);
    case "term":
      return TERM.test(text);
    case "place":
      return PLACE.test(text);
    case "count":
      return /\p{N}/u.test(card.text) || (card.text.toLowerCase().replace(/ё/g, "е").match(/\p{L}+/gu) ?? []).some((word) => NUMBER_WORDS.test(word));
    case "document":
      return card.kind === "agreement";
    case "areas":
      return AREAS.test(text) || listsItems(card.text);
    case "reason":
      return REASON.test(text);
  }
}

/** Whether the person's surname (its first five letters, which survive case endings) is in the text. */
function namedIn(person: string, text: string): boolean {
  const surname = person.trim().split(/\s+/).at(-1) ?? "";
  return surname.length > 0 && text.toLowerCase().includes(surname.toLowerCase().slice(0, Math.min(5, surname.length)));
}

/** Three or more items and a closing «и»: «экология, спорт и культура, градостроительство и транспорт». */
function listsItems(text: string): boolean {
  let commas = 0;
  for (const char of text) if (char === ",") commas++;
  return commas >= 2 && / и /u.test(text);
}
