/** The forms of a word after a number, by CLDR plural category; `other` is always needed. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/** The form of a word that goes with `count` in `locale` (Russian: 1 транзакция, 3 транзакции, 5 транзакций). */
export function pluralForm(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}
