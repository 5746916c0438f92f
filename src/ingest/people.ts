import { fold } from "./text.js";

/**
 * People named in Russian text: "Сергей Черёмин", "Сергея Собянина" (→ Сергей Собянин),
 * "А. Комендант", and surnames alone of people already known ("по словам Черёмина"). Two
 * capitalised words are a name only when the first is a known first name: otherwise "Днях Москвы"
 * or "Народным комитетом" would be people too.
 */

export interface PersonMention {
  /** Nominative where it was easy to tell, otherwise as written. */
  name: string;
  start: number;
  end: number;
}

/** People that turn up in many articles, so a surname alone ("Собянин") is recognised. */
export const DEFAULT_KNOWN_PEOPLE: readonly string[] = ["Сергей Собянин"];

const MALE_NAMES = `Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артур Борис Вадим Валентин
Валерий Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Герман Глеб Григорий Даниил
Денис Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Лев Леонид Максим Марат Марк Маркус Матвей Михаил
Никита Николай Олег Павел Пётр Роман Руслан Рустам Рустэм Семён Сергей Станислав Степан Тимур Фёдор Эдуард Юрий
Ярослав Айдар Алишер Бахтиёр Шавкат Нурлан Ринат Рашид Фарид Ильдар Ильхам Бахром Даврон Жасур Азамат Ерлан
Кайрат Серик Франк Томас Ханс Клаус Михаэль Андреас Вольфганг Мартин Хорхе Хуан Карлос Джон Майкл Дэвид Питер`;
const FEMALE_NAMES = `Александра Алина Алла Анастасия Анна Валентина Валерия Вера Вероника Виктория Галина Дарья
Ева Евгения Екатерина Елена Елизавета Жанна Зоя Инна Ирина Карина Кристина Ксения Лариса Лидия Людмила Маргарита
Марина Мария Надежда Наталья Наталия Нина Оксана Ольга Полина Раиса Светлана Софья София Тамара Татьяна Ульяна
Юлия Яна Анжела Эльвира Гульнара Диляра Дина Зарина Камила Наргиза`;

type Gender = "male" | "female";
interface FirstName {
  nominative: string;
  gender: Gender;
  /** Written in the nominative case, so the surname after it is too. */
  nominativeForm: boolean;
}

// A fleeting vowel the simple rules below cannot know: Павел → Павла, Лев → Льва, Пётр → Петра.
const OBLIQUE_STEMS: Record<string, string> = { Павел: "Павл", Лев: "Льв", Пётр: "Петр" };

/** Every reading of a written first name: "Александра" is a woman's name and a case of Александр. */
const FIRST_NAMES: ReadonlyMap<string, FirstName[]> = buildFirstNames();

function buildFirstNames(): Map<string, FirstName[]> {
  const forms = new Map<string, FirstName[]>();
  const add = (form: string, reading: FirstName): void => {
    const readings = forms.get(fold(form)) ?? [];
    if (!readings.some((other) => other.nominative === reading.nominative && other.gender === reading.gender)) readings.push(reading);
    forms.set(fold(form), readings);
  };
  const names: Array<[string, Gender]> = [
    ...FEMALE_NAMES.split(/\s+/).filter(Boolean).map((name): [string, Gender] => [name, "female"]),
    ...MALE_NAMES.split(/\s+/).filter(Boolean).map((name): [string, Gender] => [name, "male"]),
  ];
  for (const [name, gender] of names) add(name, { nominative: name, gender, nominativeForm: true });
  for (const [name, gender] of names) for (const form of obliqueForms(name)) add(form, { nominative: name, gender, nominativeForm: false });
  return forms;
}

function obliqueForms(name: string): string[] {
  const special = OBLIQUE_STEMS[name];
  if (special) return ["а", "у", "ом", "е"].map((ending) => special + ending);
  const stem = name.slice(0, -1);
  const last = name.slice(-1);
  if (last === "й") return ["я", "ю", "ем", "е", "и"].map((ending) => stem + ending);
  if (last === "я") return ["и", "е", "ю", "ей", "ёй"].map((ending) => stem + ending);
  if (last === "а") return [/[гкхжшчщ]$/.test(stem) ? "и" : "ы", "е", "у", "ой", "ею", "ей"].map((ending) => stem + ending);
  if (last === "ь") return [];
  return ["а", "у", "ом", "ем", "е"].map((ending) => name + ending);
}

/** A surname in the case its first name showed, back in the nominative where the pattern is plain. */
export function nominativeSurname(surname: string, gender: Gender): string {
  const rules: Array<[RegExp, string]> =
    gender === "male"
      ? [
          [/^(.+(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е)$/u, "$1"],
          [/^(.+[сц]к)(?:ого|ому|им|ом)$/u, "$1ий"],
          [/^(.{3,}[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|ем|е)$/u, "$1"],
        ]
      : [
          [/^(.+(?:ов|ев|ёв|ин|ын))(?:ой|у)$/u, "$1а"],
          [/^(.+[сц]к)(?:ой|ую)$/u, "$1ая"],
        ];
  for (const [pattern, replacement] of rules) if (pattern.test(surname)) return surname.replace(pattern, replacement);
  return surname;
}

const CAPITALISED = String.raw`\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`;
// Tried at every capitalised word (sticky), so "Сказал Сергей Черёмин" still finds the name.
const FULL_NAME = new RegExp(String.raw`(\p{Lu}\p{Ll}+)(?:\s+(\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)\p{Ll}{0,3}))?\s+(${CAPITALISED})(?![\p{L}])`, "uy");
const INITIALS = new RegExp(String.raw`(?<![\p{L}])(\p{Lu})\.\s?(?:\p{Lu}\.\s?)?(${CAPITALISED})(?![\p{L}])`, "gu");
const CAPITALISED_WORD = new RegExp(String.raw`(?<![\p{L}-])${CAPITALISED}(?![\p{L}])`, "gu");

/**
 * The people a text names, in reading order. `known` full names ("Сергей Черёмин") let a surname
 * alone or with an initial ("Черёмина", "С. Черёмин") be resolved to the whole name.
 */
export function findPeople(text: string, known: readonly string[] = DEFAULT_KNOWN_PEOPLE): PersonMention[] {
  const mentions: PersonMention[] = [];
  // Characters already in a mention: checking a span against every mention found so far made a
  // text of many names quadratic.
  const covered = new Uint8Array(text.length);
  const free = (start: number, end: number): boolean => !covered.subarray(start, end).includes(1);
  const add = (mention: PersonMention): void => {
    covered.fill(1, mention.start, mention.end);
    mentions.push(mention);
  };

  for (const word of text.matchAll(CAPITALISED_WORD)) {
    if (!free(word.index, word.index + 1)) continue;
    FULL_NAME.lastIndex = word.index;
    const match = FULL_NAME.exec(text);
    if (!match) continue;
    const readings = FIRST_NAMES.get(fold(match[1]!));
    const surname = match[3]!;
    if (!readings || FIRST_NAMES.has(fold(surname))) continue;
    const name = chooseReading(readings, surname, known);
    add({ name: knownSpelling(name, known) ?? name, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(INITIALS)) {
    const end = match.index + match[0].length;
    if (!free(match.index, end)) continue;
    const full = known.find((person) => fold(person[0] ?? "") === fold(match[1]!) && surnameMatches(match[2]!, person));
    add({ name: full ?? match[0].replace(/\s+/g, " "), start: match.index, end });
  }
  for (const match of text.matchAll(CAPITALISED_WORD)) {
    const end = match.index + match[0].length;
    if (!free(match.index, end)) continue;
    const full = known.find((person) => surnameMatches(match[0], person));
    if (full) add({ name: full, start: match.index, end });
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** The distinct names of `findPeople`, in order of first mention. */
export function peopleNames(text: string, known: readonly string[] = DEFAULT_KNOWN_PEOPLE): string[] {
  return [...new Set(findPeople(text, known).map((mention) => mention.name))];
}

/**
 * The name in the nominative. Where the first name reads two ways, a known person decides, then
 * the surname's shape: "Александра Коменданта" can only be a man's name in the genitive, while
 * "Александра Иванова" stays as written.
 */
function chooseReading(readings: readonly FirstName[], surname: string, known: readonly string[]): string {
  const names = readings.map((reading) => `${reading.nominative} ${reading.nominativeForm ? surname : nominativeSurname(surname, reading.gender)}`);
  const knownName = names.find((name) => knownSpelling(name, known));
  if (knownName) return knownName;
  const nominative = readings.findIndex((reading) => reading.nominativeForm);
  const oblique = readings.findIndex((reading) => !reading.nominativeForm);
  if (nominative < 0 || oblique < 0) return names[0]!;
  // A woman's surname never ends in a consonant and "а" unless it is an -ова/-ина one.
  const mansGenitive = /[бвгджзклмнпрстфхцчшщ]а$/u.test(surname) && !/(?:ов|ев|ёв|ин|ын)а$/u.test(surname);
  return names[mansGenitive ? oblique : nominative]!;
}

// The known spelling wins ("Черемин" in a text, "Черёмин" in the knowledge) when the names agree.
function knownSpelling(name: string, known: readonly string[]): string | undefined {
  return known.find((person) => fold(person) === fold(name));
}

/** "Черёмина", "Черёминым" are forms of the surname of "Сергей Черёмин"; "Ивановой" of "Анна Иванова". */
function surnameMatches(word: string, person: string): boolean {
  const surname = fold(person.split(/\s+/).at(-1) ?? "");
  if (surname.length < 3) return false;
  const base = surname.replace(/[ая]$/, "");
  const candidate = fold(word);
  // "Иванов" is not a form of "Иванова": a woman's surname always keeps an ending after the base.
  const womanWithoutEnding = base !== surname && candidate === base;
  return candidate.startsWith(base) && candidate.length <= surname.length + 3 && !womanWithoutEnding;
}
