/**
 * The kinds of index term besides plain stems. Each kind starts with a character no stem can
 * start with, so one string type serves MiniSearch and the kinds never collide:
 *  - a partner term "@hanoi": the card or the question names that partner in any form;
 *  - a prefix term "^сотр": a Russian word's first letters, where derived forms meet
 *    (сотрудничество, сотрудники) that the stemmer keeps apart.
 */
const PARTNER = "@";
const PREFIX = "^";

/** How many first letters a prefix term keeps. */
export const PREFIX_LENGTH = 4;

export const partnerTerm = (id: string): string => `${PARTNER}${id}`;
export const isPartnerTerm = (term: string): boolean => term.startsWith(PARTNER);
/** The partner id of a partner term. */
export const partnerIdOf = (term: string): string => term.slice(PARTNER.length);

export const prefixTerm = (token: string): string => `${PREFIX}${token.slice(0, PREFIX_LENGTH)}`;
export const isPrefixTerm = (term: string): boolean => term.startsWith(PREFIX);

/** Made by the analyzer rather than taken from a word: never typo-matched or prefix-matched itself. */
export const isSyntheticTerm = (term: string): boolean => isPartnerTerm(term) || isPrefixTerm(term);
