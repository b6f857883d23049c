/** The folding that lets a place be found however people type its name. */
import { foldPlaceName } from '../src/geography/search-fold';

describe('folding place names for search', () => {
  it.each([
    ['Ноокатский район', 'Ноокат', 'Nookat rayon', 'nookat', 'Ноокат району'],
    ['Ак-Татырский айылный аймак', 'Ак-Татыр', 'Ak Tatyr', 'Aktatyr', 'Ак-Татыр айыл аймагы'],
    ['Джалал-Абадская область', 'Жалал-Абад облусу', 'Jalal-Abad Oblast', 'Dzhalal-Abad', 'Dschalal-Abad'],
    ['Лейлекский район', 'Лейлек', 'Leilek', 'Leylek District', 'Лейлек району'],
    ['Узгенский район', 'Uzgen', 'Uzgen rayon', 'узген', 'УЗГЕН'],
    ['г. Бишкек', 'Бишкек шаары', 'Bishkek city', 'bishkek', 'Бишкек ш.'],
  ])('brings "%s" and its other spellings to one form', (...spellings) => {
    const folded = spellings.map(foldPlaceName);
    expect(new Set(folded).size).toBe(1);
    expect(folded[0]).toMatch(/^[a-z0-9]+$/);
  });

  it('keeps the Kyrgyz letters apart from a Russian spelling only where the names differ', () => {
    expect(foldPlaceName('Өзгөн')).toBe(foldPlaceName('Özgön'));
    expect(foldPlaceName('Өзгөн')).not.toBe(foldPlaceName('Узген'));
  });

  it('tells different places apart and keeps a name that is only a generic word', () => {
    expect(foldPlaceName('Баткен')).not.toBe(foldPlaceName('Бакай-Ата'));
    expect(foldPlaceName('город')).not.toBe('');
    expect(foldPlaceName('   ')).toBe('');
  });
});
