import type { Lang } from "../answer/types.js";

/**
 * Words that only an English question has: function words, question words and the words people
 * use about partnerships. "a", "do", "no", "so" are left out: Russian typed in Latin has them too.
 */
const ENGLISH_WORDS = new Set(
  `the an and or of in on at to for from by with without about between into over under after before since during
  what when where who whom whose which why how many much is are was were be been being has have had do does did done
  can could will would should may might must shall this that these those there their its it they them we us our you your
  me my he she his her not any all some each every other than then also only just more most first last new old
  please tell show list give find know hello hi thanks thank
  moscow moscows city cities town sister twin twinned partner partners partnership partnerships agreement agreements
  signed sign signing cooperation cooperate relations memorandum memoranda treaty document documents programme program
  programmes programs project projects visit visited visits visiting mayor government delegation days week year years
  month months date dates culture cultural education trade transport tourism health science sport youth economic economy
  ended suspended still current currently capital country countries region asia europe africa america americas east
  middle former ussr soviet anniversary joint held opened open exhibition festival forum meeting met talks
  goods fair square street centre center people support school schools university students hospital park river metro
  digital smart building construction water energy industry business companies company investment
  key keys gift gifts gave give given present presented award awarded honorary citizen citizens`.split(/\s+/),
);

/** Russian words as they are typed in Latin letters: the commonest function words, question words and the topic's words. */
const TRANSLIT_WORDS = new Set(
  `i s v k iz ot za dlya pri mezhdu pod nad cherez posle bez eto ili ne net est li uzhe tozhe takzhe vse vsekh
  kogda chto kto gde kak kakie kakoy kakaya kakoe kakikh skolko pochemu zachem kuda otkuda privet zdravstvuyte spasibo
  moskva moskvy moskve moskvu moskvoy moskovskiy gorod goroda gorodom gorodov gorodami gorodakh stolitsa stolitsy
  sotrudnichestvo sotrudnichestva sotrudnichestve soglashenie soglasheniye soglasheniya soglasheniy dogovor dogovora
  podpisali podpisala podpisal podpisan podpisano podpisany partnery partnerov partnerstvo partnerstva
  pobratim pobratimy pobratimov vizit vizity vizita god godu goda let mer mera dni dney nedelya kultura kultury
  obrazovanie obrazovaniya turizm torgovlya programma programmy proekt proekty proyekt delegatsiya vstrecha vstrechi`.split(/\s+/),
);

// Endings and letter groups English words rarely have but Russian in Latin letters often does:
// minskom, moskovskogo, novykh, kakaya, podpisali, soglasheniye; zh, shch. Not -ov, -ev or kh:
// English questions name Russian people (Sobyanin, Kukharev) and places (Khabarovsk) that way.
const TRANSLIT_SHAPE = /(?:ogo|ego|ikh|ykh|aya|yaya|oye|iye|yye|iy|yy|ami|yami|om|ali|ili|ala|ila|ya|yu)$|zh|shch/;
// English word endings: cooperation, agreements, partnership, signing, Belarusian, Chinese, signed.
const ENGLISH_SHAPE = /(?:tion|tions|ment|ments|ship|ships|ness|ing|ings|ian|ians|ese|ity|ities|ies|ed)$/;

/**
 * The language to answer in. Cyrillic letters → Russian. Latin letters → English, unless the words
 * are Russian typed in Latin letters (more of them look transliterated than English); when the
 * words tell nothing either way («Minsk», «Hanoi 2025») and for text without letters, the user's
 * own language (`userLang`: their Telegram language) decides; without one (the command line),
 * Latin letters mean English and no letters Russian.
 */
export function detectLanguage(question: string, userLang?: Lang): Lang {
  let cyrillic = 0;
  let latin = 0;
  for (const char of question) {
    if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(char)) latin++;
  }
  if (cyrillic === 0 && latin === 0) return userLang ?? "ru";
  if (cyrillic >= latin) return "ru";
  const { english, translit } = latinWordVotes(question);
  if (translit > english) return "ru";
  if (english > translit) return "en";
  return userLang ?? "en";
}

/** Whether a mostly Latin question is to be read as Russian, so the search should see it in Cyrillic. */
export function isLatinScript(question: string): boolean {
  let cyrillic = 0;
  let latin = 0;
  for (const char of question) {
    if (/\p{Script=Cyrillic}/u.test(char)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(char)) latin++;
  }
  return latin > cyrillic;
}

/** How many of the Latin words read as English and how many as transliterated Russian. */
export function latinWordVotes(question: string): { english: number; translit: number } {
  let english = 0;
  let translit = 0;
  for (const match of question.matchAll(/[A-Za-z']+/g)) {
    const word = match[0];
    const bare = word.toLowerCase().replace(/'s$|'/g, "");
    // A capitalised word inside the sentence is a name, in either language: "Manila" ends like «podpisala».
    const name = match.index > 0 && /^[A-Z][a-z]/.test(word);
    if (ENGLISH_WORDS.has(bare)) english++;
    else if (TRANSLIT_WORDS.has(bare)) translit++;
    else if (name) continue;
    else if (bare.length > 3 && ENGLISH_SHAPE.test(bare)) english++;
    else if (bare.length > 3 && TRANSLIT_SHAPE.test(bare)) translit++;
  }
  return { english, translit };
}
