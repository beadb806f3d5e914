import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { countryName } from '../../app/countries';
import { ErrorMessage, Notice, TextAreaField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { EntryFields } from '../staff/EntryFields';
import { Deadline } from '../staff/When';
import { AssetView } from '../staff/AssetView';
import {
  type Assignment,
  assignmentFile,
  useAssignment,
  useDeclareConflict,
  useRecuse,
} from './queries';
import { ScoreSheet } from './ScoreSheet';
import { AccessNote, StatusBadge } from './status';
import '../staff/staff.css';

function Recuse({ assignment }: { assignment: Assignment }) {
  const { t } = useLingui();
  const recuse = useRecuse(assignment.id);
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  return (
    <details className="card">
      <summary>
        <Trans>I can’t judge this entry fairly</Trans>
      </summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          recuse.mutate(reason, {
            onSuccess: () => navigate('/judging', { state: { recused: true } }),
          });
        }}
      >
        <p>
          <Trans>
            Step back from this entry, for example if you know someone in the team. Another judge
            takes it over; the coordinators are told your reason.
          </Trans>
        </p>
        <ErrorMessage error={recuse.error} />
        <TextAreaField
          label={t`Why are you stepping back?`}
          name="reason"
          required
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button-danger" disabled={recuse.isPending}>
          <Trans>Step back from this entry</Trans>
        </button>
      </form>
    </details>
  );
}

const COUNTRY_CODES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'KR'] as const;

function DeclareConflict({ assignment }: { assignment: Assignment }) {
  const { t, i18n } = useLingui();
  const declare = useDeclareConflict(assignment.competitionId);
  const [countries, setCountries] = useState<string[]>([]);
  const [institutions, setInstitutions] = useState('');
  return (
    <details className="card">
      <summary>
        <Trans>Declare a conflict of interest</Trans>
      </summary>
      {declare.isSuccess ? (
        <Notice>
          <Trans>
            Thank you. Your entries in this competition are on hold until a coordinator has applied
            your conflict.
          </Trans>
        </Notice>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const list = institutions
              .split(/[,\n]/)
              .map((s) => s.trim())
              .filter(Boolean);
            declare.mutate({
              countries: countries as (typeof COUNTRY_CODES)[number][],
              institutions: list,
            });
          }}
        >
          <p>
            <Trans>
              Tell us about schools or countries whose entrants you know. All your entries in this
              competition go on hold until a coordinator applies it, so nothing shows which entry it
              was about.
            </Trans>
          </p>
          <ErrorMessage error={declare.error} />
          <fieldset>
            <legend>
              <Trans>Entrants from these countries</Trans>
            </legend>
            <div className="checks">
              {COUNTRY_CODES.map((code) => (
                <label key={code} className="check">
                  <input
                    type="checkbox"
                    checked={countries.includes(code)}
                    onChange={(e) =>
                      setCountries((prev) =>
                        e.target.checked ? [...prev, code] : prev.filter((c) => c !== code),
                      )
                    }
                  />
                  {countryName(i18n.locale, code)}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            label={t`Schools or universities`}
            hint={t`Separate them with commas.`}
            name="institutions"
            value={institutions}
            onChange={(e) => setInstitutions(e.target.value)}
          />
          <button
            type="submit"
            className="button-secondary"
            disabled={declare.isPending || (countries.length === 0 && !institutions.trim())}
          >
            <Trans>Declare this conflict</Trans>
          </button>
        </form>
      )}
    </details>
  );
}

function Entry({ assignment }: { assignment: Assignment }) {
  const submission = assignment.submission!;
  return (
    <section className="stack" aria-labelledby="entry">
      <h2 id="entry">
        <Trans>The entry</Trans>
      </h2>
      {!assignment.blind && submission.teamName && (
        <p>
          <Trans>Team:</Trans> {submission.teamName}
          {submission.memberNames?.length ? ` (${submission.memberNames.join(', ')})` : ''}
        </p>
      )}
      <EntryFields fields={submission.fields} />
      {submission.assets.length > 0 && (
        <>
          <h3>
            <Trans>Files</Trans>
          </h3>
          <ul className="plain-list stack">
            {submission.assets.map((asset, i) => (
              <AssetView
                key={asset.id}
                fileKey={['assignment', assignment.id]}
                fetchFile={assignmentFile(assignment.id, asset.id)}
                asset={asset}
                index={i}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Loaded({ assignment }: { assignment: Assignment }) {
  const { t } = useLingui();
  const title = assignment.submission?.title ?? t`Entry`;
  const canStepBack =
    assignment.status === 'active' &&
    assignment.access === 'open' &&
    assignment.roundStatus !== 'closed' &&
    assignment.score.state !== 'final';
  return (
    <Page title={title}>
      <div className="stack">
        <p>
          <Link to="/judging">
            <Trans>Back to my entries</Trans>
          </Link>
        </p>
        <p className="meta">
          {assignment.competitionTitle}: {assignment.roundName} · <Trans>Deadline:</Trans>{' '}
          <Deadline at={assignment.closesAt} timeZone={assignment.timezone} />
        </p>
        <p>
          <StatusBadge assignment={assignment} />
        </p>
        {assignment.blind && (
          <p className="hint">
            <Trans>
              This round is blind: nothing here names the team. Judge the work on its own.
            </Trans>
          </p>
        )}
        {assignment.access === 'open' && assignment.submission ? (
          <Entry assignment={assignment} />
        ) : (
          <p>
            <AccessNote access={assignment.access} />
          </p>
        )}
        {(assignment.access === 'open' || assignment.score.state !== 'none') && (
          <ScoreSheet key={assignment.id} assignment={assignment} />
        )}
        {canStepBack && <Recuse assignment={assignment} />}
        {assignment.status === 'active' && <DeclareConflict assignment={assignment} />}
      </div>
    </Page>
  );
}

export default function AssignmentPage() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const q = useAssignment(id);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <Page title={t`Entry`}>
        <ErrorMessage error={q.error} />
        <p>
          <Link to="/judging">
            <Trans>Back to my entries</Trans>
          </Link>
        </p>
      </Page>
    );
  return <Loaded assignment={q.data} />;
}
