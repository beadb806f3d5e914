import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useSignedIn } from '../../app/session';
import { useMe } from '../account/queries';
import { useAnswerInvitation, useInvitation } from './queries';
import './competitions.css';

/** The page the invitation email links to: what the team is, then accept or decline. */
export default function InvitationPage() {
  const { token = '' } = useParams();
  const { t } = useLingui();
  const location = useLocation();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const me = useMe();
  const invitation = useInvitation(token);
  const answer = useAnswerInvitation(token);
  if (invitation.isPending) return <Loading />;
  if (!invitation.data) {
    return (
      <Page title={t`Team invitation`}>
        <ErrorMessage error={invitation.error} />
      </Page>
    );
  }
  const inv = invitation.data;
  const team = inv.teamName;
  const competition = inv.competitionTitle;
  const inviter = inv.inviterName ?? t`Someone`;
  const email = inv.email;
  const next = `/sign-in?next=${encodeURIComponent(location.pathname)}`;
  const otherAccount = signedIn && me.data && me.data.email.toLowerCase() !== email.toLowerCase();
  return (
    <Page title={t`Join ${team}`}>
      <p>
        <Trans>
          {inviter} invited you to join the team {team} for{' '}
          <Link to={`/competitions/${inv.competitionId}`}>{competition}</Link>.
        </Trans>
      </p>
      {inv.status === 'accepted' ? (
        <p className="alert alert-ok" role="status">
          <Trans>
            You are in the team. <Link to={`/teams/${inv.teamId}`}>Open the team page</Link>
          </Trans>
        </p>
      ) : inv.status !== 'pending' ? (
        <p className="alert alert-error" role="alert">
          <Trans>This invitation can no longer be used. Ask the team leader for a new one.</Trans>
        </p>
      ) : !signedIn ? (
        <>
          <p>
            <Trans>
              Sign in with {email} to answer. New to Kenal? Create an account with that email first,
              then open this link again.
            </Trans>
          </p>
          <p className="actions">
            <Link className="button" to={next}>
              <Trans>Sign in to answer</Trans>
            </Link>
            <Link className="button button-secondary" to="/sign-up">
              <Trans>Create an account</Trans>
            </Link>
          </p>
        </>
      ) : (
        <>
          {otherAccount && (
            <p className="alert alert-error" role="alert">
              <Trans>
                This invitation is for {email}. Sign out and sign in with that email to accept it.
              </Trans>
            </p>
          )}
          <ErrorMessage error={answer.error} />
          <p className="actions">
            <button
              type="button"
              className="button"
              disabled={answer.isPending}
              onClick={() =>
                answer.mutate(true, {
                  onSuccess: (joined) => joined && navigate(`/teams/${joined.id}`),
                })
              }
            >
              <Trans>Join the team</Trans>
            </button>
            <button
              type="button"
              className="button button-secondary"
              disabled={answer.isPending}
              onClick={() => answer.mutate(false)}
            >
              <Trans>No, thanks</Trans>
            </button>
          </p>
        </>
      )}
    </Page>
  );
}
