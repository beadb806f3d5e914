import { describe, expect, it } from 'vitest';
import { checkInBody, localDay, mentorProfileBody, newestFirst, profileForm, quiet } from './logic';
import type { CheckIn, MentorProfile } from './queries';

describe('quiet', () => {
  const now = new Date('2027-07-31T12:00:00Z');
  it('counts whole days since the last activity', () => {
    expect(quiet('2027-07-31T01:00:00Z', now)).toEqual({ days: 0, due: false });
    expect(quiet('2027-07-02T12:00:01Z', now)).toEqual({ days: 28, due: false });
  });
  it('is due from 30 days, as the API reminds', () => {
    expect(quiet('2027-07-01T12:00:00Z', now)).toEqual({ days: 30, due: true });
    expect(quiet('2027-05-01T00:00:00Z', now).due).toBe(true);
  });
  it('never counts a clock ahead of ours as negative', () => {
    expect(quiet('2027-08-01T00:00:00Z', now)).toEqual({ days: 0, due: false });
  });
});

describe('localDay', () => {
  it('writes the local date with two-digit month and day', () => {
    expect(localDay(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});

describe('newestFirst', () => {
  const c = (id: string, happenedOn: string, createdAt: string) =>
    ({ id, happenedOn, createdAt, summary: '', nextSteps: null, authorName: '' }) as CheckIn;
  it('puts the latest meeting first, then the latest written on the same day', () => {
    const list = [
      c('a', '2027-06-01', '2027-06-01T10:00:00Z'),
      c('b', '2027-06-20', '2027-06-20T09:00:00Z'),
      c('c', '2027-06-01', '2027-06-02T10:00:00Z'),
    ];
    expect(newestFirst(list).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('checkInBody', () => {
  it('trims, and leaves out empty next steps', () => {
    expect(
      checkInBody(
        { happenedOn: '2027-06-14', summary: '  Budget  ', nextSteps: ' ' },
        '2027-06-14',
      ),
    ).toEqual({ body: { happenedOn: '2027-06-14', summary: 'Budget' } });
    expect(
      checkInBody(
        { happenedOn: '2027-06-01', summary: 'Plan', nextSteps: 'Call the ministry' },
        '2027-06-14',
      ),
    ).toEqual({
      body: { happenedOn: '2027-06-01', summary: 'Plan', nextSteps: 'Call the ministry' },
    });
  });
  it('names every field that is missing or in the future', () => {
    expect(checkInBody({ happenedOn: '', summary: ' ' }, '2027-06-14')).toEqual({
      problems: { happenedOn: 'required', summary: 'required' },
    });
    expect(checkInBody({ happenedOn: '2027-06-15', summary: 'x' }, '2027-06-14')).toEqual({
      problems: { happenedOn: 'future' },
    });
  });
});

describe('mentorProfileBody', () => {
  it('builds the API body: sorted goals and countries, topics split and unique, languages without row keys', () => {
    const body = mentorProfileBody(
      {
        organisation: ' Chulalongkorn University ',
        sector: 'academia',
        topics: 'Water, coral reefs、water,  ',
        capacity: '3',
        bio: '  ',
      },
      {
        sdgs: [14, 6],
        countries: ['TH', 'LA'],
        languages: [
          { key: 1, code: 'th', level: 'native' },
          { key: 2, code: '', level: 'basic' },
        ],
      },
    );
    expect(body).toEqual({
      organisation: 'Chulalongkorn University',
      sector: 'academia',
      expertise: { sdgs: [6, 14], topics: ['water', 'coral reefs'] },
      countries: ['LA', 'TH'],
      languages: [{ code: 'th', level: 'native' }],
      capacity: 3,
      bio: null,
    });
  });

  it('reads back what it saved', () => {
    const saved = {
      userId: 'u',
      organisation: 'Ministry of Environment',
      sector: 'government',
      expertise: { sdgs: [13], topics: ['flood maps'] },
      countries: ['VN'],
      languages: [{ code: 'vi', level: 'native' }],
      capacity: 2,
      bio: 'Policy adviser',
      updatedAt: '',
    } as MentorProfile;
    const form = profileForm(saved);
    expect(mentorProfileBody(form, form)).toEqual({
      organisation: 'Ministry of Environment',
      sector: 'government',
      expertise: { sdgs: [13], topics: ['flood maps'] },
      countries: ['VN'],
      languages: [{ code: 'vi', level: 'native' }],
      capacity: 2,
      bio: 'Policy adviser',
    });
    expect(profileForm(null)).toMatchObject({ capacity: '2', sdgs: [], languages: [] });
  });
});
