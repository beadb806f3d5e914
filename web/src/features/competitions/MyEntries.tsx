import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { STATUS } from './EntryEditor';
import { formatInstant } from './format';
import { KIND } from './CompetitionPage';
import { MemberList, PendingInvitations } from './Members';
import { useMyMentorships } from '../mentoring/queries';
import { type MyTeam, useMySubmissions, useMyTeams } from './queries';
import './competitions.css';

function TeamCard({ team }: { team: MyTeam }) {
  const { i18n } = useLingui();
  const entry = team.entry;
  const title = entry?.title ?? '';
  const open = Date.parse(team.submissionClosesAt) > Date.now();
  return (
    <li className="card">
      <h3>
        <Link to={`/teams/${team.id}`}>{team.name}</Link>
      </h3>
      <p>
        <Link to={`/competitions/${team.competitionId}`}>{team.competitionTitle}</Link>
      </p>
      <p className="tags">
        <span className="badge">{i18n._(KIND[team.competitionKind] ?? KIND.project)}</span>
        <span className="badge">
          {team.myRole === 'leader' ? (
            <Trans>You lead this team</Trans>
          ) : (
            <Trans>You are a member</Trans>
          )}
        </span>
      </p>
      <h4>
        <Trans>Members</Trans>
      </h4>
      <MemberList members={team.members} />
      <PendingInvitations invitations={team.invitationsSent} Heading="h4" />
      {entry ? (
        <p>
          <Link to={`/entries/${entry.id}`}>
            <Trans>Open our entry: {title}</Trans>
          </Link>{' '}
          <span className="badge">{i18n._(STATUS[entry.status] ?? STATUS.draft)}</span>
        </p>
      ) : open ? (
        <p>
          <Link className="button" to={`/teams/${team.id}`}>
            <Trans>No entry yet: start it on the team page</Trans>
          </Link>
        </p>
      ) : (
        <p className="hint">
          <Trans>No entry was started, and the competition is closed.</Trans>
        </p>
      )}
    </li>
  );
}

function Teams() {
  const { t } = useLingui();
  const teams = useMyTeams();
  return (
    <section aria-labelledby="my-teams-h">
      <h2 id="my-teams-h">{t`My teams`}</h2>
      {teams.isPending && <Loading />}
      <ErrorMessage error={teams.error} />
      {teams.data && teams.data.items.length === 0 && (
        <p>
          <Trans>
            You are not in a team yet. <Link to="/competitions">Find a competition</Link> to start
            one, or open the invitation link in your email.
          </Trans>
        </p>
      )}
      <ul className="entries">
        {teams.data?.items.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </ul>
    </section>
  );
}

/** Teams with mentors: where to meet them and record check-ins. */
function Mentors() {
  const mine = useMyMentorships();
  const mentors = (mine.data ?? []).filter((m) => m.as === 'team');
  if (mentors.length === 0) return null;
  const names = [...new Set(mentors.map((m) => m.mentor.displayName))].join(', ');
  return (
    <section className="card stack" aria-labelledby="my-mentors-h">
      <h2 id="my-mentors-h">
        <Trans>Our mentors</Trans>
      </h2>
      <p>{names}</p>
      <p>
        <Link className="button" to="/mentoring">
          <Trans>Meet our mentors and record check-ins</Trans>
        </Link>
      </p>
    </section>
  );
}

function List() {
  const { t, i18n } = useLingui();
  const mine = useMySubmissions();
  return (
    <Page title={t`My entries`}>
      {mine.isPending && <Loading />}
      <ErrorMessage error={mine.error} />
      {mine.data && mine.data.items.length === 0 && (
        <p>
          <Trans>No entries yet. Open a competition&apos;s page to start a team.</Trans>
        </p>
      )}
      <Mentors />
      <ul className="entries">
        {mine.data?.items.map((s) => {
          const when = formatInstant(s.submittedAt ?? s.updatedAt, i18n.locale);
          const status = i18n._(STATUS[s.status] ?? STATUS.draft);
          return (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/entries/${s.id}`}>{s.title}</Link>
              </h2>
              <p>
                {s.competitionTitle} · {s.teamName}
              </p>
              <p className="hint">
                <span className="badge">{status}</span> {when}
              </p>
            </li>
          );
        })}
      </ul>
      <Teams />
    </Page>
  );
}

export default function MyEntries() {
  return (
    <RequireSignIn>
      <List />
    </RequireSignIn>
  );
}
