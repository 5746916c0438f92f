/**
 * Greetings and thanks are not questions: searching them finds cards that share a stray word
 * («Привет» → a card that mentions «приветствие»). They get a short reply with how to ask.
 */
const GREETING = /^(привет(ствую)?|здравствуй(те)?|добр(ый|ое|ого) (день|вечер|утро|дня|вечера|утра)|доброго времени суток|хай|салют|hi|hello|hey|good (morning|afternoon|evening)|greetings)$/iu;
const THANKS = /^(спасибо( большое| огромное)?|благодарю|спс|пасиб[оа]?|thanks( a lot)?|thank you( very much)?|thx|ty|cheers)$/iu;
const ADDRESS = /[\s,!.?)(:-]*(бот|bot|друг|friend|всем|all|there)?[\s,!.?)(:-]*$/iu;

export function smallTalkOf(message: string): "greeting" | "thanks" | undefined {
  const core = message.trim().replace(ADDRESS, "").trim();
  if (GREETING.test(core)) return "greeting";
  if (THANKS.test(core)) return "thanks";
  return undefined;
}

/** «Привет, когда подписали с Сеулом?» is a question: the greeting in front of it is dropped before the search. */
export function withoutGreeting(message: string): string {
  const match = /^\s*(привет(ствую)?|здравствуй(те)?|добрый (день|вечер)|доброе утро|hi|hello|hey)(?![\p{L}])[\s,!.:;)-]*/iu.exec(message);
  return match && match[0].length < message.length ? message.slice(match[0].length) : message;
}
