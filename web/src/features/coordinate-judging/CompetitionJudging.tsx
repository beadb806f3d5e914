import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors } from '../../app/errors';
import {
  ErrorMessage,
  formValues,
  Notice,
  SelectField,
  splitList,
  TextField,
} from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Confirm } from '../staff/Confirm';
import { PersonSearch } from '../staff/PersonSearch';
import { countryName } from '../../app/countries';
import { ALL_COUNTRIES, fromLocalInput, toLocalInput } from '../coordinate/countries';
import { Deadline } from '../staff/When';
import {
  type Judge,
  type StaffCompetition,
  useAddJudge,
  useCandidates,
  useCreateRound,
  usePool,
  useRemovalPreview,
  useRemoveJudge,
  useRounds,
  useStaffCompetition,
  useUpdateJudge,
} from './queries';
import { CONFLICT_KIND, RoundStatusBadge } from './shared';
import '../staff/staff.css';

type Country = (typeof ALL_COUNTRIES)[number];
import './judging-admin.css';

/** Mounted when the confirmation opens: the figures are those of that moment. */
function RemovalPreview({
  competitionId,
  userId,
  name,
}: {
  competitionId: string;
  userId: string;
  name: string;
}) {
  const preview = useRemovalPreview(competitionId, userId);
  if (preview.isPending) return <Loading />;
  if (preview.isError) return <ErrorMessage error={preview.error} />;
  const { assignmentsToMove, finalScoresKept } = preview.data;
  return (
    <>
      <p>
        <Trans>
          In every round not closed yet, the {assignmentsToMove} entries {name} has not given a
          final score go to other judges without a conflict, at once. Their {finalScoresKept} final
          scores stay and count.
        </Trans>
      </p>
      <p>
        {assignmentsToMove > 0 ? (
          <Trans>
            Who is told, by email and in Kenal: {name}, and each judge who gets one of the{' '}
            {assignmentsToMove} entries.
          </Trans>
        ) : (
          <Trans>Who is told, by email and in Kenal: {name} alone.</Trans>
        )}
      </p>
    </>
  );
}

function JudgeCard({ judge, competitionId }: { judge: Judge; competitionId: string }) {
  const { t, i18n } = useLingui();
  const update = useUpdateJudge(competitionId, judge.userId);
  const remove = useRemoveJudge(competitionId, judge.userId);
  const errors = fieldErrors(i18n, update.error);
  const name = judge.displayName;
  const detected = judge.detectedConflicts ?? [];
  const kinds = [...new Set(detected.flatMap((d) => d.kinds))];
  const c = judge.conflicts;
  return (
    <li className="card stack">
      <h3>{name}</h3>
      {judge.conflictsUnderReview && (
        <div className="alert alert-error stack">
          <p>
            <Trans>
              {name} declared new conflicts. Their entries here are on hold (they cannot see or
              score them) until you apply the conflicts.
            </Trans>
          </p>
          <div>
            <button
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => update.mutate({})}
            >
              <Trans>Apply {name}’s conflicts now</Trans>
            </button>
          </div>
        </div>
      )}
      <dl className="entry-fields">
        <div>
          <dt>
            <Trans>Expertise</Trans>
          </dt>
          <dd>{judge.expertise.length ? judge.expertise.join(', ') : <Trans>None given</Trans>}</dd>
        </div>
        <div>
          <dt>
            <Trans>Declared conflicts</Trans>
          </dt>
          <dd>
            {c.countries.length + c.institutions.length + c.teamIds.length === 0 ? (
              <Trans>None</Trans>
            ) : (
              [
                ...c.countries.map((code) => countryName(i18n.locale, code)),
                ...c.institutions,
                ...(c.teamIds.length ? [t`${c.teamIds.length} teams`] : []),
              ].join(', ')
            )}
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Conflicts found with entries</Trans>
          </dt>
          <dd>
            {detected.length === 0 ? (
              <Trans>None: assignment may give them any entry.</Trans>
            ) : (
              <Trans>
                {detected.length} entries, never given to them (
                {kinds.map((k) => (CONFLICT_KIND[k] ? i18n._(CONFLICT_KIND[k]) : k)).join('; ')}
                ).
              </Trans>
            )}
          </dd>
        </div>
      </dl>
      {update.isSuccess && update.data.assignmentsWithdrawn > 0 && (
        <Notice>
          <Trans>
            {update.data.assignmentsWithdrawn} assignments now in conflict were taken away; they go
            to other judges in a moment.
          </Trans>
        </Notice>
      )}
      <details>
        <summary className="button-link">
          <Trans>Change {name}’s expertise or add conflicts</Trans>
        </summary>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            const countries = new FormData(e.currentTarget)
              .getAll('country')
              .map(String) as Country[];
            const institutions = splitList(v.institutions);
            update.mutate({
              expertise: splitList(v.expertise),
              ...(countries.length || institutions.length
                ? { conflicts: { countries, institutions } }
                : {}),
            });
          }}
        >
          <ErrorMessage error={update.error} />
          <TextField
            label={t`Expertise (separate with commas)`}
            hint={t`For example: short_movie, project, sdg-4`}
            name="expertise"
            defaultValue={judge.expertise.join(', ')}
            error={errors.expertise}
          />
          <fieldset>
            <legend>
              <Trans>Add conflicts with entrants from these countries</Trans>
            </legend>
            <div className="checks">
              {ALL_COUNTRIES.filter((code) => !c.countries.includes(code)).map((code) => (
                <label key={code} className="check">
                  <input type="checkbox" name="country" value={code} />
                  {countryName(i18n.locale, code)}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            label={t`Add conflicts with these institutions (separate with commas)`}
            name="institutions"
            error={errors['conflicts.institutions']}
          />
          <p className="hint">
            <Trans>
              Conflicts are only ever added. Entries that now conflict go to other judges at once.
            </Trans>
          </p>
          <div>
            <button type="submit" className="button" disabled={update.isPending}>
              <Trans>Save {name}’s changes</Trans>
            </button>
          </div>
        </form>
      </details>
      {remove.isSuccess ? (
        <Notice>
          <Trans>
            {name} is out of the pool. {remove.data.assignmentsWithdrawn} entries were taken from
            them and go to other judges in a moment; {remove.data.finalScoresKept} final scores
            stay.
          </Trans>
        </Notice>
      ) : (
        <Confirm
          danger
          label={<Trans>Take {name} out of the pool</Trans>}
          title={<Trans>Take {name} out of the pool?</Trans>}
          yes={<Trans>Yes, take {name} out</Trans>}
          pending={remove.isPending}
          error={remove.error}
          onYes={() => remove.mutate()}
        >
          <RemovalPreview competitionId={competitionId} userId={judge.userId} name={name} />
        </Confirm>
      )}
    </li>
  );
}

function AddJudge({ competitionId, pool }: { competitionId: string; pool: Judge[] }) {
  const { t } = useLingui();
  const [q, setQ] = useState('');
  const found = useCandidates(q);
  const add = useAddJudge(competitionId);
  const inPool = new Set(pool.map((j) => j.userId));
  return (
    <section className="card stack" aria-labelledby="add-judge">
      <h2 id="add-judge">
        <Trans>Add a judge</Trans>
      </h2>
      {add.isSuccess && (
        <Notice>
          <Trans>{add.data.displayName} is in the pool and was told by email.</Trans>
        </Notice>
      )}
      <PersonSearch
        label={t`Find a judge by name or email`}
        hint={t`Only people with the judge role are found. Type at least 2 letters.`}
        q={q}
        onQ={setQ}
        found={found}
        error={add.error ?? found.error}
        none={<Trans>No judge matches “{q}”.</Trans>}
        action={(c) =>
          inPool.has(c.userId) ? (
            <span className="badge">
              <Trans>In the pool</Trans>
            </span>
          ) : (
            <button
              type="button"
              className="button-secondary"
              disabled={add.isPending}
              onClick={() => add.mutate({ userId: c.userId })}
            >
              <Trans>Add {c.displayName}</Trans>
            </button>
          )
        }
      />
      <p className="hint">
        <Trans>The judge is told by email when you add them.</Trans>
      </p>
    </section>
  );
}

function Pool({ competitionId }: { competitionId: string }) {
  const pool = usePool(competitionId);
  if (pool.isPending) return <Loading />;
  if (pool.isError) return <ErrorMessage error={pool.error} />;
  const items = pool.data.items;
  return (
    <>
      <section className="stack" aria-labelledby="pool">
        <h2 id="pool">
          <Trans>Judge pool: {items.length}</Trans>
        </h2>
        {items.length === 0 ? (
          <p>
            <Trans>No judges yet. Add judges before you run an assignment.</Trans>
          </p>
        ) : (
          <ul className="plain-list stack">
            {items.map((j) => (
              <JudgeCard key={j.userId} judge={j} competitionId={competitionId} />
            ))}
          </ul>
        )}
      </section>
      <AddJudge competitionId={competitionId} pool={items} />
    </>
  );
}

function Rounds({ competition }: { competition: StaffCompetition }) {
  const { t, i18n } = useLingui();
  const rounds = useRounds(competition.id);
  const create = useCreateRound(competition.id);
  const navigate = useNavigate();
  const errors = fieldErrors(i18n, create.error);
  const [closes, setCloses] = useState(() =>
    toLocalInput(new Date(Date.now() + 14 * 86400_000).toISOString()),
  );
  const closesIso = closes ? fromLocalInput(closes) : null;
  const list = rounds.data?.items ?? [];
  return (
    <section className="card stack" aria-labelledby="rounds">
      <h2 id="rounds">
        <Trans>Judging rounds</Trans>
      </h2>
      {rounds.isPending ? (
        <Loading />
      ) : rounds.isError ? (
        <ErrorMessage error={rounds.error} />
      ) : list.length === 0 ? (
        <p>
          <Trans>No judging round yet.</Trans>
        </p>
      ) : (
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id} className="list-row">
              <Link to={`/coordinate/judging/rounds/${r.id}`}>{r.name}</Link>
              <RoundStatusBadge status={r.status} />
            </li>
          ))}
        </ul>
      )}
      <details className="card">
        <summary>
          <Trans>New judging round</Trans>
        </summary>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            create.mutate(
              {
                name: v.name,
                blind: v.blind === 'on',
                judgesPerEntry: Number(v.per),
                closesAt: closesIso ?? '',
                source:
                  v.source === 'all'
                    ? { type: 'all_submitted' }
                    : { type: 'shortlist', roundId: v.source },
              },
              { onSuccess: (r) => navigate(`/coordinate/judging/rounds/${r.id}`) },
            );
          }}
        >
          <ErrorMessage error={create.error} />
          <TextField
            label={t`Round name`}
            name="name"
            required
            maxLength={120}
            error={errors.name}
          />
          <TextField
            label={t`Judges per entry`}
            name="per"
            type="number"
            min={1}
            max={20}
            defaultValue={3}
            required
            error={errors.judgesPerEntry}
          />
          <label className="check">
            <input type="checkbox" name="blind" defaultChecked />
            <Trans>Blind: judges see no team, member or file names</Trans>
          </label>
          <TextField
            label={t`Closes at (your time)`}
            name="closes"
            type="datetime-local"
            required
            value={closes}
            onChange={(e) => setCloses(e.target.value)}
            error={errors.closesAt}
          />
          {closesIso && !Number.isNaN(Date.parse(closesIso)) && (
            <p className="hint">
              <Trans>Judges will read:</Trans>{' '}
              <Deadline at={closesIso} timeZone={competition.timezone} />
            </p>
          )}
          <SelectField
            label={t`Entries to judge`}
            name="source"
            defaultValue="all"
            error={errors['source.roundId']}
          >
            <option value="all">{t`Every submitted entry`}</option>
            {list.map((r) => (
              <option key={r.id} value={r.id}>
                {t`The shortlist of ${r.name} (${r.shortlist.length} entries)`}
              </option>
            ))}
          </SelectField>
          <p className="hint">
            <Trans>
              A new round starts as a draft: run the assignment and review it before judges can
              score. Reminders go to judges 48 and 12 hours before it closes.
            </Trans>
          </p>
          <div>
            <button type="submit" className="button" disabled={create.isPending}>
              <Trans>Create the round</Trans>
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}

export default function CompetitionJudging() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const competition = useStaffCompetition(id);
  if (competition.isPending) return <Loading />;
  if (competition.isError || !competition.data)
    return (
      <Page title={t`Judging`}>
        <ErrorMessage error={competition.error ?? new Error('not found')} />
      </Page>
    );
  const c = competition.data;
  return (
    <Page title={t`Judging: ${c.title}`} wide>
      <div className="stack">
        <p>
          <Link to="/coordinate">
            <Trans>Back to programmes</Trans>
          </Link>
          {' · '}
          <Link to={`/competitions/${c.id}`}>
            <Trans>Public competition page</Trans>
          </Link>
        </p>
        <p className="meta">
          {c.programmeName} · {c.timezone}
        </p>
        <Rounds competition={c} />
        <Pool competitionId={c.id} />
      </div>
    </Page>
  );
}
