import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from './logic';
import { MentorshipList } from './Mentorships';
import type { Mentorship } from './queries';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

const mentorship = (changes: Partial<Mentorship> = {}): Mentorship => ({
  id: 'm1',
  as: 'team',
  roundId: 'r1',
  roundName: 'Mentoring 2027',
  team: { id: 't1', name: 'Mekong Makers', members: [{ displayName: 'Noy', country: 'LA' }] },
  project: {
    submissionId: 's1',
    title: 'Clean Wells',
    problem: 'Dry wells',
    sdgs: [6],
    targetCountries: ['LA'],
  },
  mentor: {
    userId: 'u1',
    displayName: 'Dr Somchai',
    organisation: 'Chulalongkorn University',
    sector: 'academia',
    bio: null,
  },
  reasons: ['Works on the same Sustainable Development Goals: 6'],
  status: 'active',
  startedAt: daysAgo(60),
  lastActivityAt: daysAgo(40),
  checkIns: [
    {
      id: 'c1',
      happenedOn: '2027-01-05',
      summary: 'First call',
      nextSteps: null,
      authorName: 'Noy',
      createdAt: '2027-01-05T10:00:00Z',
    },
    {
      id: 'c2',
      happenedOn: '2027-02-01',
      summary: 'Filters chosen',
      nextSteps: 'Order them',
      authorName: 'Dr Somchai',
      createdAt: '2027-02-01T10:00:00Z',
    },
  ],
  ...changes,
});

function show(items: Mentorship[]) {
  render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={new QueryClient()}>
        <MentorshipList items={items} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

afterEach(cleanup);

describe('MentorshipList', () => {
  it('shows a team its mentor, why, the latest check-in first, and a nudge after 30 quiet days', () => {
    show([mentorship()]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Your mentor: Dr Somchai');
    expect(screen.getByText('Chulalongkorn University · Academia')).toBeTruthy();
    expect(screen.getByText('Works on the same Sustainable Development Goals: 6')).toBeTruthy();
    expect(screen.getByText(/No check-in for 40 days/)).toBeTruthy();
    const list = screen.getByRole('heading', { name: '2 check-ins' }).parentElement!;
    const entries = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(entries[0]).toContain('Filters chosen');
    expect(entries[0]).toContain('Next steps: Order them');
    expect(entries[1]).toContain('First call');
  });

  it('names no organisation or sector of a mentor who erased their account', () => {
    const gone = {
      ...mentorship().mentor,
      displayName: 'Former member',
      organisation: '',
      sector: null,
    };
    show([mentorship({ mentor: gone })]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Your mentor: Former member',
    );
    expect(screen.queryByText(/^\s*·\s*$/)).toBeNull();
  });

  it('shows a mentor the team, its members and its goals by name', () => {
    show([mentorship({ as: 'mentor', lastActivityAt: daysAgo(3) })]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      'Mekong Makers: Clean Wells',
    );
    expect(screen.getByText('6. Clean water and sanitation')).toBeTruthy();
    expect(screen.queryByText(/No check-in for/)).toBeNull();
  });

  it('refuses a meeting in the future beside the date field, without calling the API', () => {
    show([mentorship()]);
    const date = screen.getByLabelText('When did you meet?') as HTMLInputElement;
    expect(date.max).toBe(localDay());
    fireEvent.change(date, { target: { value: '2999-01-01' } });
    fireEvent.change(screen.getByLabelText('What was discussed'), { target: { value: 'Plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the check-in' }));
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/Record a meeting once it has happened/)).toBeTruthy();
  });

  it('offers no new check-in once the mentorship has ended', () => {
    show([mentorship({ status: 'ended' })]);
    expect(screen.getByText('Ended')).toBeTruthy();
    expect(screen.queryByText('Add a check-in')).toBeNull();
    expect(screen.queryByText(/No check-in for/)).toBeNull();
  });
});
