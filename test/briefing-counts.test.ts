/** The briefing's words that change with a number, from the shared i18next catalogues (src/locales), in each language. */
import { Language } from '../src/common/localized-text';
import { formatCount, textsIn } from '../src/locales/i18n';

const transactions = (language: Language, count: number) =>
  textsIn(language)('briefing:page.transactions', { count, n: formatCount(count, language) }).replace(/\u00a0|\u202f/g, ' ');

const quorum = (language: Language, present: number, members: number, required: number) =>
  textsIn(language)('briefing:page.quorum', {
    count: present,
    state: textsIn(language)('briefing:page.quorumReached'),
    n: formatCount(present, language),
    members: formatCount(members, language),
    required: formatCount(required, language),
  });

describe('the briefing counts', () => {
  it.each([
    [Language.RU, [1, 2, 5, 11, 21, 22, 1250], ['1 транзакция', '2 транзакции', '5 транзакций', '11 транзакций', '21 транзакция', '22 транзакции', '1 250 транзакций']],
    [Language.EN, [0, 1, 2, 1250], ['0 transactions', '1 transaction', '2 transactions', '1,250 transactions']],
    [Language.KY, [1, 5, 1250], ['1 транзакция', '5 транзакция', '1 250 транзакция']],
  ])('writes transactions in %s with the plural form the number needs', (language, counts, texts) => {
    expect(counts.map((count) => transactions(language, count))).toEqual(texts);
  });

  it('agrees the verb with the number present in Russian', () => {
    expect(quorum(Language.RU, 1, 7, 4)).toBe('Кворум: есть (присутствует 1 из 7, нужно 4)');
    expect(quorum(Language.RU, 5, 7, 4)).toBe('Кворум: есть (присутствуют 5 из 7, нужно 4)');
    expect(quorum(Language.EN, 1, 7, 4)).toBe('Quorum: reached (1 present of 7, 4 needed)');
    expect(quorum(Language.KY, 5, 7, 4)).toBe('Кворум: бар (катышкандар: 5 / 7, керек: 4)');
  });

  it('puts the values where each language puts them', () => {
    expect(textsIn(Language.RU)('briefing:page.periodFromStart', { to: '10 декабря 2026 г.' })).toBe('Период: с начала записей по 10 декабря 2026 г.');
    expect(textsIn(Language.KY)('briefing:page.period', { from: '1-декабрь', to: '10-декабрь' })).toBe('Мезгил: 1-декабрь — 10-декабрь');
    expect(textsIn(Language.EN)('briefing:invitationSummary', { body: 'Council', title: 'Sixth', number: 6 })).toBe('Council: Sixth (№6)');
  });
});
