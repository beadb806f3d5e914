import { scoreProblems } from './score-rules';

describe('scoreProblems', () => {
  const rubric = [
    { key: 'story', label: 'Story', weight: 2, min: 0, max: 10 },
    { key: 'craft', label: 'Craft', weight: 1, min: 1, max: 5 },
  ];

  it('accepts values inside each scale, and a partial draft', () => {
    expect(scoreProblems(rubric, { story: 0, craft: 5 }, true)).toEqual([]);
    expect(scoreProblems(rubric, { story: 7.5 }, false)).toEqual([]);
  });

  it('refuses unknown keys, values out of range and non-numbers', () => {
    expect(scoreProblems(rubric, { story: 11, craft: 0, pace: 3 }, false)).toEqual([
      { path: 'scores.story', message: 'must be between 0 and 10' },
      { path: 'scores.craft', message: 'must be between 1 and 5' },
      { path: 'scores.pace', message: 'not a criterion of the rubric' },
    ]);
    expect(scoreProblems(rubric, { story: '7' }, false)).toEqual([
      { path: 'scores.story', message: 'must be a number' },
    ]);
  });

  it('needs every criterion in a final score', () => {
    expect(scoreProblems(rubric, { story: 7 }, true)).toEqual([
      { path: 'scores.craft', message: 'a final score needs every criterion' },
    ]);
  });
});
