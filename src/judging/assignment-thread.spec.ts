import { assignJudges, AssignmentInput } from './assignment';
import { solveAssignment } from './assignment-thread';

const input: AssignmentInput = {
  entries: Array.from({ length: 12 }, (_, i) => ({
    id: `e${i}`,
    teamId: `t${i}`,
    memberInstitutions: [`School ${i % 3}`],
    memberCountries: [i % 2 ? 'KR' : 'TH'],
    memberUserIds: [`u${i}`],
  })),
  judges: Array.from({ length: 5 }, (_, j) => ({
    id: `j${j}`,
    institution: `School ${j}`,
    country: j % 2 ? 'KR' : 'VN',
    conflicts: {},
  })),
  judgesPerEntry: 2,
};

describe('solveAssignment', () => {
  it('gives the same optimum in a worker thread as inline', async () => {
    const progress: number[] = [];
    const threaded = await solveAssignment(input, (f) => progress.push(f), 0);
    const inline = assignJudges(input);
    expect(threaded.assignments).toEqual(inline.assignments);
    expect(threaded.objective).toEqual(inline.objective);
    expect(progress.length).toBeGreaterThan(0);
  }, 60000);

  it('reports a failure inside the thread as a rejection', async () => {
    await expect(solveAssignment({ ...input, judgesPerEntry: -1 }, undefined, 0)).rejects.toThrow();
  }, 60000);
});
