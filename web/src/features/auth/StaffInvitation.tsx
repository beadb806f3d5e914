import { Trans, useLingui } from '@lingui/react/macro';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { components } from '../../api/schema';
import { api, ApiError, unwrap } from '../../app/api';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useSignedIn } from '../../app/session';
import { ME_KEY, useMe } from '../account/queries';
import { useInvitation } from '../admin/queries';
import { roleList } from '../admin/roles';
import { NewPasswordField } from './fields';
import { useStartSession } from './queries';

type AuthResponse = components['schemas']['AuthResponseDto'];

/** Where a staff member starts: the page of their most demanding role. */
export const staffHome = (roles: string[]): string =>
  roles.includes('admin')
    ? '/admin/staff'
    : roles.includes('coordinator')
      ? '/coordinate'
      : roles.includes('judge')
        ? '/judging'
        : '/';

function useAccept(token: string) {
  const start = useStartSession();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (password?: string) => {
      const answer = unwrap(
        await api.POST('/api/v1/staff-invitations/{token}/accept', {
          params: { path: { token } },
          body: password ? { password } : {},
        }),
      );
      if ('accessToken' in answer) await start(answer as AuthResponse);
      else await client.invalidateQueries({ queryKey: ME_KEY });
      return 'user' in answer ? answer.user : answer;
    },
  });
}

/** The page the emailed staff invitation opens: who invited whom, then a password or "accept". */
export default function StaffInvitation() {
  const { t, i18n } = useLingui();
  const { token = '' } = useParams();
  const invitation = useInvitation(token);
  const accept = useAccept(token);
  const signedIn = useSignedIn();
  const me = useMe();
  const navigate = useNavigate();
  const errors = fieldErrors(i18n, accept.error);

  if (invitation.isPending) {
    return (
      <Page title={t`Staff invitation`}>
        <Loading />
      </Page>
    );
  }
  if (invitation.isError) {
    const gone = invitation.error instanceof ApiError && invitation.error.problem.status === 404;
    return (
      <Page title={t`Staff invitation`}>
        {gone ? (
          <p>
            <Trans>
              This invitation link doesn't work. Check that you opened the whole link from the
              email, or ask the administrator to send it again.
            </Trans>
          </p>
        ) : (
          <ErrorMessage error={invitation.error} />
        )}
      </Page>
    );
  }
  const inv = invitation.data;
  const roles = roleList(i18n, inv.roles);
  const { invitedBy, email } = inv;
  const intro = invitedBy ? (
    <Trans>
      {invitedBy} invited you ({email}) to work on Kenal as: {roles}.
    </Trans>
  ) : (
    <Trans>
      An administrator invited you ({email}) to work on Kenal as: {roles}.
    </Trans>
  );

  if (inv.status !== 'pending' && !accept.isSuccess) {
    return (
      <Page title={t`Staff invitation`}>
        <p>{intro}</p>
        {inv.status === 'used' ? (
          <p>
            <Trans>This invitation has been accepted already.</Trans>{' '}
            <Link to="/sign-in">
              <Trans>Sign in</Trans>
            </Link>
          </p>
        ) : (
          <p>
            <Trans>This invitation has expired. Ask the administrator to send it again.</Trans>
          </p>
        )}
      </Page>
    );
  }

  if (accept.isSuccess) {
    const granted = roleList(i18n, accept.data.roles);
    return (
      <Page title={t`Welcome to the Kenal team`}>
        <Notice>
          <Trans>You're in. Your roles: {granted}.</Trans>
        </Notice>
        <p>
          <Link to={staffHome(accept.data.roles)} className="button">
            <Trans>Start</Trans>
          </Link>
        </p>
      </Page>
    );
  }

  if (inv.kind === 'new_account') {
    return (
      <Page title={t`Welcome to the Kenal team`}>
        <p>{intro}</p>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            accept.mutate(formValues(e.currentTarget).password, {
              onSuccess: (user) => navigate(staffHome(user.roles)),
            });
          }}
        >
          <ErrorMessage error={accept.error} />
          <NewPasswordField label={t`Choose your password`} error={errors.password} />
          <button type="submit" className="button" disabled={accept.isPending}>
            <Trans>Save my password and sign in</Trans>
          </button>
        </form>
      </Page>
    );
  }

  const signedInAs = me.data?.email;
  const wrongAccount = signedIn && signedInAs && signedInAs !== inv.email;
  return (
    <Page title={t`Staff invitation`}>
      <p>{intro}</p>
      {!signedIn ? (
        <p>
          <Link
            to={`/sign-in?next=${encodeURIComponent(`/staff-invitations/${token}`)}`}
            className="button"
          >
            <Trans>Sign in as {email} to accept</Trans>
          </Link>
        </p>
      ) : wrongAccount ? (
        <p role="alert" className="alert alert-error">
          <Trans>
            You are signed in as {signedInAs}. Sign out, then sign in as {email} to accept.
          </Trans>
        </p>
      ) : (
        <>
          <ErrorMessage error={accept.error} />
          <button
            type="button"
            className="button"
            disabled={accept.isPending || !me.data}
            onClick={() => accept.mutate(undefined)}
          >
            <Trans>Accept the roles</Trans>
          </button>
        </>
      )}
    </Page>
  );
}
