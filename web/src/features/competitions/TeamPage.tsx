import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page, RequireSignIn } from '../../app/Page';
import { useMe } from '../account/queries';
import { MemberList, PendingInvitations } from './Members';
import {
  type Team,
  useInvite,
  useMySubmissions,
  useStartEntry,
  useTeam,
  useUpdateTeam,
} from './queries';
import './competitions.css';

function Invite({ team }: { team: Team }) {
  const { t, i18n } = useLingui();
  const invite = useInvite(team.id);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const errors = fieldErrors(i18n, invite.error);
  return (
    <section aria-labelledby="invite-h" className="card">
      <h2 id="invite-h">
        <Trans>Invite a friend</Trans>
      </h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const { email } = formValues(form);
          setSentTo(null);
          invite.mutate(email, {
            onSuccess: () => {
              setSentTo(email);
              form.reset();
            },
          });
        }}
      >
        <ErrorMessage error={invite.error} />
        {sentTo && (
          <Notice>
            <Trans>We emailed an invitation to {sentTo}.</Trans>
          </Notice>
        )}
        <TextField
          label={t`Their email`}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={errors.email}
        />
        <button type="submit" className="button" disabled={invite.isPending}>
          <Trans>Send the invitation</Trans>
        </button>
      </form>
    </section>
  );
}

function Names({ team }: { team: Team }) {
  const { t, i18n } = useLingui();
  const update = useUpdateTeam(team.id);
  const errors = fieldErrors(i18n, update.error);
  return (
    <section aria-labelledby="names-h" className="card">
      <h2 id="names-h">
        <Trans>Team names</Trans>
      </h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          update.mutate({ name: v.name, publicName: v.publicName.trim() || null });
        }}
      >
        <ErrorMessage error={update.error} />
        {update.isSuccess && (
          <Notice>
            <Trans>Saved.</Trans>
          </Notice>
        )}
        <TextField
          label={t`Team name`}
          name="name"
          defaultValue={team.name}
          required
          maxLength={120}
          error={errors.name}
        />
        <TextField
          label={t`Name in the published results`}
          hint={t`Leave it empty to be shown as “${team.publicName}”.`}
          name="publicName"
          defaultValue={team.publicName.startsWith('Team ') ? '' : team.publicName}
          maxLength={120}
          error={errors.publicName}
        />
        <button type="submit" className="button" disabled={update.isPending}>
          <Trans>Save the names</Trans>
        </button>
      </form>
    </section>
  );
}

function Entry({ team }: { team: Team }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const mine = useMySubmissions();
  const start = useStartEntry(team.competitionId);
  if (mine.isPending) return <Loading />;
  const entry = mine.data?.items.find((s) => s.teamId === team.id);
  if (entry) {
    return (
      <p>
        <Link className="button" to={`/entries/${entry.id}`}>
          <Trans>Open our entry: {entry.title}</Trans>
        </Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="entry-h" className="card">
      <h2 id="entry-h">
        <Trans>Our entry</Trans>
      </h2>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const { title } = formValues(e.currentTarget);
          start.mutate(
            { teamId: team.id, title },
            { onSuccess: (s) => navigate(`/entries/${s.id}`) },
          );
        }}
      >
        <ErrorMessage error={start.error} />
        <TextField label={t`Title of the entry`} name="title" required maxLength={200} />
        <button type="submit" className="button" disabled={start.isPending}>
          <Trans>Start the entry</Trans>
        </button>
      </form>
    </section>
  );
}

function TeamView({ id }: { id: string }) {
  const { t } = useLingui();
  const team = useTeam(id);
  const me = useMe();
  if (team.isPending) return <Loading />;
  if (!team.data) {
    return (
      <Page title={t`Team`}>
        <ErrorMessage error={team.error} />
      </Page>
    );
  }
  const tm = team.data;
  const leader = me.data?.id === tm.leaderId;
  return (
    <Page title={tm.name}>
      <p>
        <Link to={`/competitions/${tm.competitionId}`}>
          <Trans>About the competition</Trans>
        </Link>
      </p>
      <section aria-labelledby="members-h" className="card">
        <h2 id="members-h">
          <Trans>Members</Trans>
        </h2>
        <MemberList members={tm.members} />
        <PendingInvitations invitations={tm.invitations} />
      </section>
      <Entry team={tm} />
      {leader && <Invite team={tm} />}
      {leader && <Names team={tm} />}
    </Page>
  );
}

export default function TeamPage() {
  const { id = '' } = useParams();
  return (
    <RequireSignIn>
      <TeamView id={id} />
    </RequireSignIn>
  );
}
