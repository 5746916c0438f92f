/**
 * Russian plural forms: 1 факт, 2 факта, 5 фактов, 11 фактов, 21 факт, 94 факта. English needs
 * only one and other.
 */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function pluralEn(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}
