/** The briefing's words that change with a number, from the i18next catalogues, in each language. */
import { Language } from '../src/common/localized-text';
import { meetingPageTexts } from '../src/meetings/briefing/page-texts';

describe('the briefing counts', () => {
  it.each([
    [Language.RU, [1, 2, 5, 11, 21, 22, 1250], ['1 транзакция', '2 транзакции', '5 транзакций', '11 транзакций', '21 транзакция', '22 транзакции', '1 250 транзакций']],
    [Language.EN, [0, 1, 2, 1250], ['0 transactions', '1 transaction', '2 transactions', '1,250 transactions']],
    [Language.KY, [1, 5, 1250], ['1 транзакция', '5 транзакция', '1 250 транзакция']],
  ])('writes transactions in %s with the plural form the number needs', (language, counts, texts) => {
    const written = counts.map((count) =>
      meetingPageTexts(language)
        .briefing.transactions(count)
        .replace(/\u00a0|\u202f/g, ' '),
    );
    expect(written).toEqual(texts);
  });

  it('agrees the verb with the number present in Russian', () => {
    const { quorumCounts } = meetingPageTexts(Language.RU).briefing;
    expect(quorumCounts(1, 7, 4)).toBe('присутствует 1 из 7, нужно 4');
    expect(quorumCounts(5, 7, 4)).toBe('присутствуют 5 из 7, нужно 4');
    expect(meetingPageTexts(Language.EN).briefing.quorumCounts(1, 7, 4)).toBe('1 present of 7, 4 needed');
  });
});
