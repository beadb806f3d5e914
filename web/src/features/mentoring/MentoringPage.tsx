import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { useMe } from '../account/queries';
import { MentorshipList } from './Mentorships';
import { useMyMentorships } from './queries';

function Mentoring() {
  const { t } = useLingui();
  const me = useMe();
  const list = useMyMentorships();
  const mentor = me.data?.roles.includes('mentor') ?? false;
  const asMentor = list.data?.filter((m) => m.as === 'mentor') ?? [];
  const asTeam = list.data?.filter((m) => m.as === 'team') ?? [];
  return (
    <Page title={t`Mentoring`}>
      <div className="stack">
        {mentor && (
          <p>
            <Link to="/mentoring/profile">
              <Trans>My mentor profile: expertise, countries, languages, how many teams</Trans>
            </Link>
          </p>
        )}
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorMessage error={list.error} />
        ) : list.data.length === 0 ? (
          <p>
            {mentor ? (
              <Trans>
                No team yet. When a coordinator publishes a mentoring round, the teams you mentor
                appear here and you get an email introducing them.
              </Trans>
            ) : (
              <Trans>
                No mentor yet. Winning project teams are introduced to mentors from universities,
                governments and organisations; when that happens, your mentors appear here.
              </Trans>
            )}
          </p>
        ) : (
          <>
            <p className="lead">
              <Trans>
                Write down each meeting here: when, what was discussed and the next steps. The
                mentor and the whole team can read it.
              </Trans>
            </p>
            {asTeam.length > 0 && asMentor.length > 0 ? (
              <>
                <h2>
                  <Trans>Our mentors</Trans>
                </h2>
                <MentorshipList items={asTeam} level={3} />
                <h2>
                  <Trans>Teams I mentor</Trans>
                </h2>
                <MentorshipList items={asMentor} level={3} />
              </>
            ) : (
              <MentorshipList items={list.data} />
            )}
          </>
        )}
      </div>
    </Page>
  );
}

export default function MentoringPage() {
  return (
    <RequireSignIn>
      <Mentoring />
    </RequireSignIn>
  );
}
