import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Notice, TextAreaField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { fieldsOf } from '../competitions/draft';
import { displayNames } from '../profile/reference';
import { AssetView } from '../staff/AssetView';
import { EntryFields } from '../staff/EntryFields';
import { Deadline } from '../staff/When';
import { formErrors, formMessage } from './errors';
import { KIND, STATUS } from './labels';
import { type Entry, entryFile, useEntry, useGrantExtension } from './queries';
import { isoToWall, wallToIso } from './zoned';
import '../staff/staff.css';
import './competitions-staff.css';

function Extension({ entry }: { entry: Entry }) {
  const { t, i18n } = useLingui();
  const zone = entry.deadline.timezone;
  const [until, setUntil] = useState(() =>
    isoToWall(
      new Date(
        Math.max(Date.parse(entry.deadline.effectiveClosesAt), Date.now()) + 3 * 86400_000,
      ).toISOString(),
      zone,
    ),
  );
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const grant = useGrantExtension(entry.id);
  const errors = formErrors(i18n, grant.error);
  const editable = entry.status === 'draft' || entry.status === 'submitted';
  const team = entry.teamName;
  const members = entry.members.length;
  return (
    <section className="card stack" aria-labelledby="extension-heading">
      <h2 id="extension-heading">
        <Trans>Extension for this team</Trans>
      </h2>
      {!editable ? (
        <p className="muted">
          <Trans>Only a draft or a submitted entry can get an extension.</Trans>
        </p>
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setDone(false);
            grant.mutate(
              { until: wallToIso(until, zone) ?? until, ...(reason.trim() ? { reason } : {}) },
              { onSuccess: () => setDone(true) },
            );
          }}
        >
          <p className="hint">
            <Trans>
              Team {team} may edit and submit this entry until then, even after the competition
              closes. Only this team gets the extra time. Who is told: its {members} members, by
              email and in Kenal, each with the new deadline in their own time zone.
            </Trans>
          </p>
          {done && (
            <Notice>
              <Trans>Extension granted.</Trans>
            </Notice>
          )}
          {grant.error ? (
            <p className="alert alert-error" role="alert">
              {formMessage(i18n, grant.error)}
            </p>
          ) : null}
          <TextField
            label={t`Until (${zone})`}
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            error={errors.until}
          />
          <TextAreaField
            label={t`Reason (kept in the audit log)`}
            value={reason}
            rows={2}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            error={errors.reason}
          />
          <div>
            <button type="submit" className="button" disabled={grant.isPending}>
              <Trans>Grant the extension</Trans>
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function Detail({ entry }: { entry: Entry }) {
  const { i18n } = useLingui();
  const fields = Object.fromEntries(fieldsOf(entry.kind).map((k) => [k, entry[k]]));
  return (
    <div className="stack">
      <dl className="entry-fields">
        <div>
          <dt>
            <Trans>Kind</Trans>
          </dt>
          <dd>{i18n._(KIND[entry.kind])}</dd>
        </div>
        <div>
          <dt>
            <Trans>Status</Trans>
          </dt>
          <dd>
            {i18n._(STATUS[entry.status])} · <Trans>version {entry.version}</Trans>
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Deadline for this team</Trans>
          </dt>
          <dd>
            <Deadline at={entry.deadline.effectiveClosesAt} timeZone={entry.deadline.timezone} />
            {entry.deadline.extensionUntil && (
              <>
                {' '}
                <Trans>(an extension)</Trans>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Team</Trans>
          </dt>
          <dd>
            <p className="team-name">{entry.teamName}</p>
            <ul className="plain-list">
              {entry.members.map((m) => (
                <li key={m.userId}>
                  {m.displayName}
                  {m.country ? ` · ${displayNames(i18n).country(m.country)}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      <section className="stack" aria-labelledby="content-heading">
        <h2 id="content-heading">
          <Trans>The entry</Trans>
        </h2>
        <EntryFields fields={fields} />
        {entry.assets.length > 0 && (
          <>
            <h3>
              <Trans>Files</Trans>
            </h3>
            <ul className="plain-list stack">
              {entry.assets.map((a, i) => (
                <AssetView
                  key={a.id}
                  fileKey={['entry', entry.id]}
                  fetchFile={entryFile(entry.id, a.id)}
                  asset={a}
                  index={i}
                />
              ))}
            </ul>
          </>
        )}
      </section>
      <Extension entry={entry} />
    </div>
  );
}

export default function EntryDetail() {
  const { t } = useLingui();
  const { id = '', entryId = '' } = useParams();
  const entry = useEntry(entryId);
  return (
    <Page title={entry.data?.title ?? t`Entry`}>
      <p>
        <Link to={`/coordinate/competitions/${id}/entries`}>
          <Trans>Back to the entries</Trans>
        </Link>
      </p>
      {entry.isPending ? (
        <Loading />
      ) : entry.isError ? (
        <ErrorMessage error={entry.error} />
      ) : (
        <Detail entry={entry.data} />
      )}
    </Page>
  );
}
