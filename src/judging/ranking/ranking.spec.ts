import fc from 'fast-check';
import {
  FinalScore,
  RANKING_FORMULA,
  RankableSubmission,
  RankingInputError,
  RankingRow,
  RubricCriterion,
  TIE_BREAK_RULES,
  judgeEntryTotals,
  rankSubmissions,
  weightedScale,
  weightedTotal,
} from './index';

const one: RubricCriterion[] = [{ key: 'x', weight: 1, min: 0, max: 10 }];
const sub = (id: string, minute = 0): RankableSubmission => ({
  id,
  title: `Title ${id}`,
  submittedAt: new Date(Date.UTC(2027, 0, 1, 0, minute)).toISOString(),
});
const sc = (judgeId: string, submissionId: string, x: number): FinalScore => ({
  judgeId,
  submissionId,
  values: { x },
});
const byId = (rows: RankingRow[]) => new Map(rows.map((r) => [r.submissionId, r]));

describe('weighted totals', () => {
  const rubric: RubricCriterion[] = [
    { key: 'a', weight: 2, min: 0, max: 10 },
    { key: 'b', weight: 1, min: 1, max: 4 },
  ];

  it('is Σ weight × value / Σ weight and ignores unknown keys', () => {
    expect(weightedTotal(rubric, { a: 8, b: 2, extra: 99 })).toBeCloseTo((16 + 2) / 3, 12);
  });

  it('has a scale made of the weighted minima and maxima', () => {
    expect(weightedScale(rubric)).toEqual({ min: 1 / 3, max: 24 / 3 });
  });

  it('rejects malformed rubrics and scores', () => {
    expect(() => weightedScale([])).toThrow(RankingInputError);
    expect(() => weightedScale([{ key: 'a', weight: 0, min: 0, max: 1 }])).toThrow(/sum to zero/);
    expect(() => weightedScale([{ key: 'a', weight: 1, min: 2, max: 2 }])).toThrow(/scale/);
    expect(() => weightedTotal(rubric, { a: 3 })).toThrow(/criterion b/);
    expect(() => weightedTotal(rubric, { a: 3, b: Number.NaN })).toThrow(RankingInputError);
    expect(() => judgeEntryTotals(one, [sc('j', 's', 1), sc('j', 's', 2)])).toThrow(
      /more than one/,
    );
    expect(() => rankSubmissions(one, [], [sub('s'), sub('s')])).toThrow(/listed twice/);
    expect(() =>
      rankSubmissions(one, [], [{ id: 's', title: 't', submittedAt: 'not a date' }]),
    ).toThrow(/submittedAt/);
  });
});

describe('rankSubmissions: hand-computed examples', () => {
  it('uses raw totals when every judge scored fewer than 3 entries', () => {
    const rubric: RubricCriterion[] = [
      { key: 'a', weight: 2, min: 0, max: 10 },
      { key: 'b', weight: 1, min: 0, max: 10 },
    ];
    const scores: FinalScore[] = [
      // S1: (2·8 + 5)/3 = 7 and (2·6 + 9)/3 = 7
      { judgeId: 'j1', submissionId: 's1', values: { a: 8, b: 5 } },
      { judgeId: 'j2', submissionId: 's1', values: { a: 6, b: 9 } },
      // S2: (2·9 + 3)/3 = 7 and (2·5 + 2)/3 = 4, mean 5.5
      { judgeId: 'j1', submissionId: 's2', values: { a: 9, b: 3 } },
      { judgeId: 'j2', submissionId: 's2', values: { a: 5, b: 2 } },
    ];
    expect(rankSubmissions(rubric, scores, [sub('s2'), sub('s1')])).toEqual([
      { submissionId: 's1', title: 'Title s1', rank: 1, score: 7, rawMean: 7, judgeCount: 2 },
      { submissionId: 's2', title: 'Title s2', rank: 2, score: 5.5, rawMean: 5.5, judgeCount: 2 },
    ]);
  });

  it('normalises judges with 3+ entries and spread, and averages raw totals alongside', () => {
    // Scale 0..10: M = 5, S = 10/6. Judge A gives 2, 4, 6 and judge B 7, 8, 9: both have
    // z = −√1.5, 0, +√1.5, so v = 5 ∓ (10/6)·1.2247449 = 2.9587585 / 5 / 7.0412415.
    // Judge C scored only e1 (10), so contributes its raw total: e1 = (2·2.9587585 + 10) / 3.
    const scores = [
      sc('A', 'e1', 2),
      sc('A', 'e2', 4),
      sc('A', 'e3', 6),
      sc('B', 'e1', 7),
      sc('B', 'e2', 8),
      sc('B', 'e3', 9),
      sc('C', 'e1', 10),
    ];
    const rows = rankSubmissions(one, scores, [sub('e1'), sub('e2'), sub('e3')]);
    expect(rows.map((r) => r.submissionId)).toEqual(['e3', 'e1', 'e2']);
    const r = byId(rows);
    expect(r.get('e3')!.score).toBeCloseTo(7.041241, 6);
    expect(r.get('e3')!.rawMean).toBe(7.5);
    expect(r.get('e1')!.score).toBeCloseTo(5.305839, 6);
    expect(r.get('e1')!.rawMean).toBeCloseTo(19 / 3, 6);
    expect(r.get('e1')!.judgeCount).toBe(3);
    expect(r.get('e2')!.score).toBe(5);
    expect(r.get('e2')!.rawMean).toBe(6);
    expect(rows.every((row) => row.tieBreak === undefined)).toBe(true);

    const totals = judgeEntryTotals(one, scores);
    expect(totals.map((t) => `${t.judgeId}:${t.submissionId}:${t.mode}`)).toEqual([
      'A:e1:z',
      'A:e2:z',
      'A:e3:z',
      'B:e1:z',
      'B:e2:z',
      'B:e3:z',
      'C:e1:raw',
    ]);
    expect(totals[0].z).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(totals[6]).toMatchObject({ total: 10, z: null, normalised: 10 });
  });

  it('treats a judge without spread as raw', () => {
    const scores = [sc('A', 'e1', 6), sc('A', 'e2', 6), sc('A', 'e3', 6)];
    expect(judgeEntryTotals(one, scores).every((t) => t.mode === 'raw')).toBe(true);
    expect(rankSubmissions(one, scores, [sub('e1'), sub('e2'), sub('e3')])[0].score).toBe(6);
  });

  it('clamps to the weighted scale', () => {
    // Ten zeros and one ten: z(ten) = √10 ≈ 3.16, so 5 + (10/6)·3.16 > 10.
    const scores = Array.from({ length: 11 }, (_, i) => sc('A', `e${i}`, i === 0 ? 10 : 0));
    const rows = rankSubmissions(
      one,
      scores,
      scores.map((s) => sub(s.submissionId)),
    );
    expect(rows[0]).toMatchObject({ submissionId: 'e0', score: 10, rawMean: 10 });
    expect(rows[1].score).toBeCloseTo(5 - 10 / 6 / Math.sqrt(10), 6);
  });

  it('breaks a tie by the median judge total', () => {
    // Means 6 and 6; medians 6 and 5. Single-entry judges contribute raw totals.
    const scores = [
      sc('j1', 'x', 4),
      sc('j2', 'x', 6),
      sc('j3', 'x', 8),
      sc('j4', 'y', 5),
      sc('j5', 'y', 5),
      sc('j6', 'y', 8),
    ];
    const rows = rankSubmissions(one, scores, [sub('y'), sub('x')]);
    expect(rows.map((r) => [r.submissionId, r.rank, r.score, r.tieBreak])).toEqual([
      ['x', 1, 6, 'median_judge_total'],
      ['y', 2, 6, undefined],
    ]);
  });

  it('breaks a tie by the number of first-quartile ranks', () => {
    // x and y both get {6, 4}. x is top of j1's list (6 > 2) but second in j2's (4 < 9);
    // y is top of both j3's and j4's lists (above v's 1s). Two-entry lists have a top quarter of 1.
    const scores = [
      sc('j1', 'x', 6),
      sc('j1', 'w', 2),
      sc('j2', 'x', 4),
      sc('j2', 'w', 9),
      sc('j3', 'y', 6),
      sc('j3', 'v', 1),
      sc('j4', 'y', 4),
      sc('j4', 'v', 1),
    ];
    const rows = rankSubmissions(one, scores, [sub('x'), sub('y'), sub('w'), sub('v')]);
    expect(rows.map((r) => [r.submissionId, r.score, r.tieBreak])).toEqual([
      ['w', 5.5, undefined],
      ['y', 5, 'first_quartile_ranks'],
      ['x', 5, undefined],
      ['v', 1, undefined],
    ]);
  });

  it('then by the earliest submission, then by id, and puts unscored entries last', () => {
    const scores = [sc('j1', 'late', 5), sc('j2', 'early', 5), sc('j3', 'b', 5), sc('j4', 'a', 5)];
    const rows = rankSubmissions(one, scores, [
      sub('late', 30),
      sub('none2', 5),
      sub('b', 20),
      sub('early', 10),
      sub('a', 20),
      sub('none1', 1),
    ]);
    expect(rows.map((r) => [r.submissionId, r.rank, r.score, r.judgeCount, r.tieBreak])).toEqual([
      ['early', 1, 5, 1, 'earliest_submission'],
      ['a', 2, 5, 1, 'submission_id'],
      ['b', 3, 5, 1, 'earliest_submission'],
      ['late', 4, 5, 1, undefined],
      ['none1', 5, null, 0, 'earliest_submission'],
      ['none2', 6, null, 0, undefined],
    ]);
  });

  it('ignores scores for submissions that are not ranked', () => {
    const scores = [sc('A', 'gone', 0), sc('A', 'e1', 5), sc('A', 'e2', 10)];
    // Without "gone", A has two entries and is raw.
    expect(rankSubmissions(one, scores, [sub('e1'), sub('e2')]).map((r) => r.score)).toEqual([
      10, 5,
    ]);
  });

  it('publishes the formula and the rule names it uses', () => {
    for (const rule of TIE_BREAK_RULES) expect(RANKING_FORMULA).toContain(rule);
    expect(RANKING_FORMULA).toMatch(/M \+ S·z/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Round {
  rubric: RubricCriterion[];
  scores: FinalScore[];
  submissions: RankableSubmission[];
}

const arbRound: fc.Arbitrary<Round> = fc
  .record({
    weights: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
    max: fc.constantFrom(5, 10, 20),
    judgeCount: fc.integer({ min: 1, max: 5 }),
    subCount: fc.integer({ min: 1, max: 9 }),
  })
  .chain(({ weights, max, judgeCount, subCount }) =>
    fc.record({
      rubric: fc.constant(weights.map((weight, i) => ({ key: `c${i}`, weight, min: 0, max }))),
      cells: fc.array(
        fc.array(
          fc.option(
            fc.array(fc.integer({ min: 0, max }), {
              minLength: weights.length,
              maxLength: weights.length,
            }),
            { freq: 4 },
          ),
          { minLength: subCount, maxLength: subCount },
        ),
        { minLength: judgeCount, maxLength: judgeCount },
      ),
      minutes: fc.array(fc.integer({ min: 0, max: 3 }), {
        minLength: subCount,
        maxLength: subCount,
      }),
    }),
  )
  .map(({ rubric, cells, minutes }) => {
    const scores: FinalScore[] = [];
    cells.forEach((row, j) =>
      row.forEach((vals, s) => {
        if (vals === null) return;
        const values: Record<string, number> = {};
        rubric.forEach((c, k) => (values[c.key] = vals[k]));
        scores.push({ judgeId: `j${j}`, submissionId: `s${s}`, values });
      }),
    );
    return { rubric, scores, submissions: minutes.map((m, s) => sub(`s${s}`, m)) };
  });

const rank = (r: Round) => rankSubmissions(r.rubric, r.scores, r.submissions);

/** Judges whose totals are z-normalised: ≥ 3 entries with some spread. */
function zJudges(r: Round): string[] {
  const modes = new Map<string, string>();
  for (const t of judgeEntryTotals(r.rubric, r.scores)) modes.set(t.judgeId, t.mode);
  return [...modes].filter(([, m]) => m === 'z').map(([j]) => j);
}

function transformJudge(r: Round, judgeId: string, f: (v: number) => number): Round {
  return {
    ...r,
    scores: r.scores.map((s) =>
      s.judgeId !== judgeId
        ? s
        : {
            ...s,
            values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, f(v)])),
          },
    ),
  };
}

describe('rankSubmissions: properties', () => {
  it('ranks are a permutation, scored rows come first, scores never increase', () => {
    fc.assert(
      fc.property(arbRound, (r) => {
        const rows = rank(r);
        const scale = weightedScale(r.rubric);
        expect(rows.map((x) => x.rank)).toEqual(rows.map((_, i) => i + 1));
        expect(rows.map((x) => x.submissionId).sort()).toEqual(
          r.submissions.map((s) => s.id).sort(),
        );
        for (let i = 0; i < rows.length; i++) {
          const a = rows[i];
          const counted = r.scores.filter((s) => s.submissionId === a.submissionId).length;
          expect(a.judgeCount).toBe(counted);
          expect(a.score === null).toBe(counted === 0);
          if (a.score !== null) {
            expect(a.score).toBeGreaterThanOrEqual(scale.min - 1e-9);
            expect(a.score).toBeLessThanOrEqual(scale.max + 1e-9);
          }
          const b = rows[i + 1];
          if (!b) {
            expect(a.tieBreak).toBeUndefined();
            continue;
          }
          if (a.score === null) expect(b.score).toBeNull();
          else if (b.score !== null) expect(b.score).toBeLessThanOrEqual(a.score);
          // A named tie-break means the two rows showed the same score.
          if (a.tieBreak !== undefined) expect(b.score).toBe(a.score);
          else if (a.score !== null && b.score !== null) expect(b.score).toBeLessThan(a.score);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });

  it('rawMean is the mean of the judge totals, and equals score when no judge is normalised', () => {
    fc.assert(
      fc.property(arbRound, (r) => {
        const noZ = zJudges(r).length === 0;
        for (const row of rank(r)) {
          const mine = r.scores.filter((s) => s.submissionId === row.submissionId);
          if (mine.length === 0) continue;
          const m =
            mine.reduce((acc, s) => acc + weightedTotal(r.rubric, s.values), 0) / mine.length;
          expect(row.rawMean).toBeCloseTo(m, 5);
          if (noZ) expect(row.score).toBe(row.rawMean);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('a judge who adds +2 to every score changes no normalised score', () => {
    fc.assert(
      fc.property(arbRound, fc.nat(), (r, pick) => {
        const candidates = zJudges(r);
        if (candidates.length === 0) return;
        const judge = candidates[pick % candidates.length];
        const before = rank(r);
        const after = rank(transformJudge(r, judge, (v) => v + 2));
        expect(after.map((x) => x.submissionId)).toEqual(before.map((x) => x.submissionId));
        const b = byId(before);
        for (const row of after) {
          expect(Math.abs(row.score! - b.get(row.submissionId)!.score!)).toBeLessThanOrEqual(
            1.1e-6,
          );
          expect(row.tieBreak).toBe(b.get(row.submissionId)!.tieBreak);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it("the ranking is invariant under a judge's positive linear rescaling", () => {
    fc.assert(
      fc.property(
        arbRound,
        fc.nat(),
        fc.constantFrom(0.5, 2, 3, 7.25, 0.1),
        fc.integer({ min: -5, max: 5 }),
        (r, pick, a, b) => {
          const candidates = zJudges(r);
          if (candidates.length === 0) return;
          const judge = candidates[pick % candidates.length];
          const before = rank(r);
          const after = rank(transformJudge(r, judge, (v) => a * v + b));
          expect(after.map((x) => [x.submissionId, x.tieBreak])).toEqual(
            before.map((x) => [x.submissionId, x.tieBreak]),
          );
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });

  it('is deterministic: the order of the inputs does not matter', () => {
    fc.assert(
      fc.property(
        arbRound.chain((r) =>
          fc.record({
            r: fc.constant(r),
            scores: fc.shuffledSubarray(r.scores, {
              minLength: r.scores.length,
              maxLength: r.scores.length,
            }),
            submissions: fc.shuffledSubarray(r.submissions, {
              minLength: r.submissions.length,
              maxLength: r.submissions.length,
            }),
          }),
        ),
        ({ r, scores, submissions }) => {
          expect(rankSubmissions(r.rubric, scores, submissions)).toEqual(rank(r));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
