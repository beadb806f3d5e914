import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { ApiError } from '../../app/api';
import { fieldErrors } from '../../app/errors';
import { ErrorMessage, formValues, Notice, SelectField, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { LOCALES, type Locale } from '../../app/locales';
import { Page } from '../../app/Page';
import { Pager } from '../staff/Pager';
import { formatMoment } from '../staff/When';
import { AdminNav } from './AdminNav';
import {
  PAGE_SIZE,
  ROLES,
  type AdminUser,
  type Role,
  type StaffFilter,
  useCreateStaff,
  useResendInvitation,
  useSetRoles,
  useStaff,
} from './queries';
import { roleList, roleName } from './roles';

function RoleChecks({ chosen, legend }: { chosen: string[]; legend: string }) {
  const { i18n } = useLingui();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checks">
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" name={`role-${r}`} defaultChecked={chosen.includes(r)} />
            {roleName(i18n, r)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const checkedRoles = (form: HTMLFormElement): Role[] => {
  const v = formValues(form);
  return ROLES.filter((r) => v[`role-${r}`] === 'on');
};

function NewStaff() {
  const { t, i18n } = useLingui();
  const create = useCreateStaff();
  const errors = fieldErrors(i18n, create.error);
  return (
    <details className="card">
      <summary>
        <Trans>Add a staff member</Trans>
      </summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const v = formValues(form);
          create.mutate(
            {
              email: v.email,
              displayName: v.displayName,
              roles: checkedRoles(form),
              locale: v.locale as Locale,
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <p className="meta">
          <Trans>
            They get an email with a link to choose a password. If the address already has an
            account, its owner is asked to accept the roles instead.
          </Trans>
        </p>
        {create.isSuccess && (
          <Notice>
            {create.data.invitedExisting ? (
              <Trans>This address already has an account: its owner was asked to accept.</Trans>
            ) : (
              <Trans>Account created. The invitation email is on its way.</Trans>
            )}
          </Notice>
        )}
        <ErrorMessage error={create.error} />
        <TextField
          label={t`Name`}
          name="displayName"
          required
          maxLength={80}
          autoComplete="off"
          error={errors.displayName}
        />
        <TextField
          label={t`Email`}
          name="email"
          type="email"
          required
          autoComplete="off"
          error={errors.email}
        />
        <SelectField label={t`Language of the email`} name="locale" defaultValue="en">
          {Object.entries(LOCALES).map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <RoleChecks chosen={['coordinator']} legend={t`Roles`} />
        {errors.roles && <p className="field-error">{errors.roles}</p>}
        <button type="submit" className="button" disabled={create.isPending}>
          <Trans>Create and send the invitation</Trans>
        </button>
      </form>
    </details>
  );
}

function StaffRow({ user }: { user: AdminUser }) {
  const { t, i18n } = useLingui();
  const setRoles = useSetRoles(user.id);
  const resend = useResendInvitation(user.id);
  const [editing, setEditing] = useState(false);
  const roles = roleList(i18n, user.roles);
  const name = user.displayName;
  const until = user.invitation && formatMoment(i18n.locale, user.invitation.expiresAt);
  const unverified =
    setRoles.error instanceof ApiError && setRoles.error.problem.code === 'EMAIL_UNVERIFIED';
  return (
    <li className="card staff-row">
      <h3>{user.displayName}</h3>
      <p className="meta">{user.email}</p>
      <p>
        <Trans>Roles: {roles}</Trans>
      </p>
      {user.invitation && until && (
        <p className="meta">
          {user.invitation.status === 'pending' ? (
            <Trans>Invitation not answered yet; the link works until {until}.</Trans>
          ) : (
            <Trans>The invitation link expired without an answer.</Trans>
          )}
        </p>
      )}
      {resend.isSuccess && (
        <Notice>
          <Trans>A new invitation is on its way; the old link no longer works.</Trans>
        </Notice>
      )}
      <ErrorMessage error={resend.error} />
      <div className="actions">
        {user.invitation && (
          <button
            type="button"
            className="button-secondary"
            disabled={resend.isPending}
            onClick={() => resend.mutate()}
          >
            <Trans>Send the invitation again</Trans>
          </button>
        )}
        <button
          type="button"
          className="button-secondary"
          aria-expanded={editing}
          aria-label={t`Change roles: ${name}`}
          onClick={() => setEditing((x) => !x)}
        >
          <Trans>Change roles</Trans>
        </button>
      </div>
      {setRoles.isSuccess && !editing && (
        <Notice>
          <Trans>Roles saved.</Trans>
        </Notice>
      )}
      {editing && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            setRoles.mutate(checkedRoles(e.currentTarget), {
              onSuccess: () => setEditing(false),
            });
          }}
        >
          {unverified ? (
            <p className="alert alert-error" role="alert">
              <Trans>
                This person has not confirmed their email address yet: a staff role waits until they
                open their invitation.
              </Trans>
            </p>
          ) : (
            <ErrorMessage error={setRoles.error} />
          )}
          <RoleChecks chosen={user.roles} legend={t`Roles of ${name}`} />
          <button type="submit" className="button" disabled={setRoles.isPending}>
            <Trans>Save roles</Trans>
          </button>
        </form>
      )}
    </li>
  );
}

export default function StaffPage() {
  const { t, i18n } = useLingui();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<StaffFilter>({ staff: true });
  const staff = useStaff(page, filter);
  const total = staff.data?.total ?? 0;
  return (
    <Page title={t`Staff accounts`} wide>
      <AdminNav />
      <NewStaff />
      <form
        className="row card"
        role="search"
        aria-label={t`Find accounts`}
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          setPage(1);
          setFilter({
            ...(v.role === 'staff' ? { staff: true } : v.role ? { role: v.role as Role } : {}),
            email: v.email.trim() || undefined,
          });
        }}
      >
        <SelectField label={t`Role`} name="role" defaultValue="staff">
          <option value="staff">{t`Any staff role`}</option>
          <option value="">{t`Everyone`}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(i18n, r)}
            </option>
          ))}
        </SelectField>
        <TextField label={t`Email contains`} name="email" type="search" />
        <button type="submit" className="button-secondary">
          <Trans>Find</Trans>
        </button>
      </form>
      {staff.isPending ? (
        <Loading />
      ) : staff.isError ? (
        <ErrorMessage error={staff.error} />
      ) : staff.data.items.length === 0 ? (
        <p>
          <Trans>No account matches.</Trans>
        </p>
      ) : (
        <>
          <p className="meta" role="status">
            <Trans>Accounts found: {total}</Trans>
          </p>
          <ul className="plain-list">
            {staff.data.items.map((u) => (
              <StaffRow key={u.id} user={u} />
            ))}
          </ul>
          <Pager
            page={page}
            total={staff.data.total}
            pageSize={PAGE_SIZE}
            label={t`Pages of accounts`}
            onPage={setPage}
          />
        </>
      )}
    </Page>
  );
}
