import { Trans, useLingui } from '@lingui/react/macro';
import { AUDIT_ACTION } from './audit-actions';
import { Fragment, useState } from 'react';
import { ErrorMessage, formValues, TextField } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Pager } from '../staff/Pager';
import { formatMoment } from '../staff/When';
import { AdminNav } from './AdminNav';
import { PAGE_SIZE, type AuditFilter, useAudit } from './queries';

/** A date from a date field as the start of that day in the reader's time zone. */
const dayStart = (value: string, plusDays = 0): string | undefined => {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
};

/**
 * An action's code that may wrap only after its dots and underscores (user.│roles_│changed): in a
 * narrow column beside words without spaces (Khmer, Lao, Burmese) it broke letter by letter.
 */
const ActionCode = ({ code }: { code: string }) => (
  <code>
    {code.split(/(?<=[._])/).map((part, i) => (
      <Fragment key={i}>
        {i > 0 && <wbr />}
        {part}
      </Fragment>
    ))}
  </code>
);

export default function AuditPage() {
  const { t, i18n } = useLingui();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAudit(page, filter);
  const total = audit.data?.total ?? 0;
  return (
    <Page title={t`Audit log`} wide>
      <AdminNav />
      <form
        className="card stack"
        role="search"
        aria-label={t`Filter the audit log`}
        onSubmit={(e) => {
          e.preventDefault();
          const v = formValues(e.currentTarget);
          const set = (x: string) => x.trim() || undefined;
          setPage(1);
          setFilter({
            action: set(v.action),
            actorEmail: set(v.actorEmail),
            targetType: set(v.targetType),
            targetId: set(v.targetId),
            from: dayStart(v.from),
            // The "to" day is included: events before the start of the next day.
            to: dayStart(v.to, 1),
          });
        }}
      >
        <div className="row">
          <TextField
            label={t`Action`}
            hint={t`For example user.roles_changed, or user for every user action`}
            name="action"
          />
          <TextField label={t`Who did it (email)`} name="actorEmail" type="search" />
        </div>
        <div className="row">
          <TextField
            label={t`Target type`}
            hint={t`For example user or programme`}
            name="targetType"
          />
          <TextField label={t`Target id`} name="targetId" />
        </div>
        <div className="row">
          <TextField label={t`From (day)`} name="from" type="date" />
          <TextField label={t`To (day, included)`} name="to" type="date" />
        </div>
        <button type="submit" className="button-secondary">
          <Trans>Show events</Trans>
        </button>
      </form>
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <ErrorMessage error={audit.error} />
      ) : audit.data.items.length === 0 ? (
        <p role="status">
          <Trans>No event matches these filters.</Trans>
        </p>
      ) : (
        <>
          <p className="meta" role="status">
            <Trans>Events found: {total}, newest first</Trans>
          </p>
          {/* A scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Audit events`}>
            <table className="compare log">
              <thead>
                <tr>
                  <th scope="col">
                    <Trans>When</Trans>
                  </th>
                  <th scope="col" className="who">
                    <Trans>Who</Trans>
                  </th>
                  <th scope="col" className="action">
                    <Trans>Action</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Target</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Details</Trans>
                  </th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="when">
                      <time dateTime={e.createdAt}>{formatMoment(i18n.locale, e.createdAt)}</time>
                    </td>
                    <td className="who">
                      {e.actorId === null ? (
                        <Trans>Kenal itself</Trans>
                      ) : (
                        <>
                          {e.actorName ?? <Trans>Deleted account</Trans>}
                          {e.actorEmail && <div className="meta">{e.actorEmail}</div>}
                        </>
                      )}
                    </td>
                    <td className="action">
                      {AUDIT_ACTION[e.action] ? i18n._(AUDIT_ACTION[e.action]) : e.action}
                      <div className="meta">
                        <ActionCode code={e.action} />
                      </div>
                    </td>
                    <td className="target">
                      <code>
                        {e.targetType}
                        {e.targetId ? ` ${e.targetId}` : ''}
                      </code>
                    </td>
                    <td className="details">
                      {Object.keys(e.details).length > 0 && (
                        <code>{JSON.stringify(e.details)}</code>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            total={audit.data.total}
            pageSize={PAGE_SIZE}
            label={t`Pages of the audit log`}
            onPage={setPage}
          />
        </>
      )}
    </Page>
  );
}
