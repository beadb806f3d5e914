import { completenessProblems } from './completeness';

describe('completenessProblems', () => {
  const movie = {
    logline: 'Two pen pals, one camera',
    synopsis: 'A story',
    runtimeSeconds: 600,
    language: 'ko',
    credits: 'Directed by us',
    rightsConfirmed: true,
    videoUrl: 'https://videos.example/1',
  };
  const project = {
    problem: 'Plastic in rivers',
    sdgs: [6, 14],
    targetCountries: ['TH'],
    plan: 'Clean-ups',
    milestones: [{ title: 'Pilot', due: '2027-05-01' }],
    budgetUsd: 0,
  };

  it('accepts complete entries of both kinds', () => {
    expect(completenessProblems('short_movie', 'Film', movie, {}, [])).toEqual([]);
    expect(completenessProblems('project', 'Rivers', project, {}, [])).toEqual([]);
  });

  it('accepts an uploaded video instead of a link', () => {
    const noLink = { ...movie, videoUrl: null };
    expect(completenessProblems('short_movie', 'Film', noLink, {}, ['video'])).toEqual([]);
    expect(completenessProblems('short_movie', 'Film', noLink, {}, ['poster'])[0].path).toBe(
      'video',
    );
  });

  it('lists every missing project field', () => {
    const problems = completenessProblems('project', ' ', { sdgs: [] }, {}, []);
    expect(problems.map((p) => p.path)).toEqual([
      'title',
      'problem',
      'sdgs',
      'targetCountries',
      'plan',
      'milestones',
      'budgetUsd',
    ]);
  });

  it('wants rights confirmed, not merely mentioned', () => {
    const problems = completenessProblems(
      'short_movie',
      'Film',
      { ...movie, rightsConfirmed: false },
      {},
      [],
    );
    expect(problems.map((p) => p.path)).toEqual(['rightsConfirmed']);
  });

  it('holds the runtime to the limit', () => {
    expect(completenessProblems('short_movie', 'F', movie, { maxRuntimeSeconds: 600 }, [])).toEqual(
      [],
    );
    const [p] = completenessProblems('short_movie', 'F', movie, { maxRuntimeSeconds: 599 }, []);
    expect([p.path, p.code]).toEqual(['runtimeSeconds', 'TOO_LONG']);
  });
});
