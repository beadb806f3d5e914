import { judgeEntryView, type JudgeEntrySource } from './judge-view';

describe('judgeEntryView', () => {
  const entry: JudgeEntrySource = {
    id: 'e1',
    title: 'Two Rivers',
    kind: 'short_movie',
    fields: {
      logline: 'Two pen pals',
      credits: 'Directed by Kim Minji',
      videoUrl: 'https://videos.example/@kimminji/film',
    },
    teamName: 'Seoul–Hanoi Crew',
    memberNames: ['Kim Minji', 'Nguyen An'],
    assets: [{ id: 'a1', role: 'poster', mime: 'image/png', size: 10 }],
  };

  it('names no one in a blind round', () => {
    const text = JSON.stringify(judgeEntryView(entry, true, 'x'));
    for (const secret of ['Kim Minji', 'kimminji', 'Nguyen An', 'Seoul–Hanoi Crew', 'credits']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('Two pen pals');
  });

  it('shows the team when the round is not blind', () => {
    const view = judgeEntryView(entry, false, 'x');
    expect(view.teamName).toBe('Seoul–Hanoi Crew');
    expect(view.fields.credits).toBe('Directed by Kim Minji');
    expect(view.fields.videoUrl).toBe('https://videos.example/@kimminji/film');
    expect(view.assets[0].href).toBe('/api/v1/assignments/x/assets/a1');
  });
});
