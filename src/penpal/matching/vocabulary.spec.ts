import { interestLabel, joinWords } from './vocabulary';

describe('interest labels in reasons', () => {
  it('uses the controlled list, in lower case mid-sentence, keeping K-pop', () => {
    expect(interestLabel('k-pop')).toBe('K-pop');
    expect(interestLabel('food')).toBe('street food');
    expect(interestLabel('climate')).toBe('climate action');
    expect(joinWords(['film', interestLabel('k-pop')])).toBe('film and K-pop');
  });
  it('falls back to the tag itself for a tag outside the list', () => {
    expect(interestLabel('deep_sea_diving')).toBe('deep sea diving');
  });
});
