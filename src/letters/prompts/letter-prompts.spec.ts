import { INTERESTS } from '../../common/reference-data';
import { letterPrompts, PROMPT_LOCALES } from './letter-prompts';

describe('letter prompts', () => {
  it.each(PROMPT_LOCALES)(
    'has two starters for every interest in %s, then the generic ones',
    (locale) => {
      for (const { tag } of INTERESTS) {
        const r = letterPrompts(tag, locale);
        expect(r).toMatchObject({ locale, interest: tag });
        expect(r.prompts.length).toBeGreaterThanOrEqual(4);
        for (const p of r.prompts) expect(p).not.toMatch(/\{t\}|\{T\}|undefined|null/i);
        expect(new Set(r.prompts).size).toBe(r.prompts.length);
      }
    },
  );

  it('falls back to generic starters for an unknown tag and to English for an unknown locale', () => {
    expect(letterPrompts('underwater-basket-weaving', 'th').interest).toBeNull();
    expect(letterPrompts('underwater-basket-weaving', 'th').prompts.length).toBe(3);
    expect(letterPrompts(undefined, 'fr').locale).toBe('en');
    expect(letterPrompts('football', 'ko-KR').prompts[0]).toBe('축구에 빠지게 된 계기가 뭐예요?');
    expect(letterPrompts('football', 'vi').prompts[1]).toMatch(/^Bóng đá ở nơi bạn sống/);
  });
});
