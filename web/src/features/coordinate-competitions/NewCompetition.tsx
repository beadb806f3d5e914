import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { useProgrammes } from '../coordinate/queries';
import { CompetitionFields } from './CompetitionForm';
import { formErrors, formMessage } from './errors';
import { blankForm, bodyOf, type FormState } from './form';
import { useCreateCompetition } from './queries';
import '../staff/staff.css';
import './competitions-staff.css';

function CreateForm({ programmeId, timeZone }: { programmeId: string; timeZone: string }) {
  const { i18n } = useLingui();
  const [state, setState] = useState<FormState>(() => blankForm(timeZone));
  const create = useCreateCompetition(programmeId);
  const navigate = useNavigate();
  const errors = formErrors(i18n, create.error);
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(bodyOf(state, timeZone), {
          onSuccess: (c) =>
            navigate(`/coordinate/competitions/${c.id}`, { state: { created: true } }),
        });
      }}
    >
      {create.error ? (
        <p className="alert alert-error" role="alert">
          {formMessage(i18n, create.error)}
        </p>
      ) : null}
      <CompetitionFields
        state={state}
        set={(patch) => setState((s) => ({ ...s, ...patch }))}
        errors={errors}
        timeZone={timeZone}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? <Trans>Creating…</Trans> : <Trans>Create the competition</Trans>}
        </button>
      </div>
    </form>
  );
}

export default function NewCompetition() {
  const { t } = useLingui();
  const { programmeId = '' } = useParams();
  const programmes = useProgrammes();
  const programme = programmes.data?.items.find((p) => p.id === programmeId);
  return (
    <Page title={t`New competition`}>
      <p>
        <Link to="/coordinate/competitions">
          <Trans>Back to competitions</Trans>
        </Link>
      </p>
      {programmes.isPending ? (
        <Loading />
      ) : programmes.isError ? (
        <ErrorMessage error={programmes.error} />
      ) : !programme ? (
        <p className="alert alert-error" role="alert">
          <Trans>We couldn’t find this programme among the ones you coordinate.</Trans>
        </p>
      ) : (
        <>
          <p className="lead">
            <Trans>In {programme.name}</Trans>
          </p>
          <CreateForm programmeId={programme.id} timeZone={programme.timezone} />
        </>
      )}
    </Page>
  );
}
