import type { I18n } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { ErrorMessage, Notice } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { Pager } from '../staff/Pager';
import { formatMoment } from '../staff/When';
import { AdminNav } from './AdminNav';
import { PAGE_SIZE, type OutboxMessage, type OutboxStatus, usePipeline, useRetry } from './queries';

const STATUSES: OutboxStatus[] = ['failed', 'pending', 'queued', 'delivered'];
const STATUS_NAMES = {
  pending: msg`Waiting`,
  queued: msg`Being sent`,
  delivered: msg`Sent`,
  failed: msg`Failed`,
};
const statusName = (i18n: I18n, s: string) =>
  s in STATUS_NAMES ? i18n._(STATUS_NAMES[s as OutboxStatus]) : s;

function Row({ m }: { m: OutboxMessage }) {
  const { t, i18n } = useLingui();
  const email = m.recipientEmail;
  const retry = useRetry();
  const created = formatMoment(i18n.locale, m.createdAt);
  const sent = m.deliveredAt && formatMoment(i18n.locale, m.deliveredAt);
  const attempts = m.attempts;
  return (
    <li className="card stack">
      <p>
        <code>{m.type}</code> · {m.recipientEmail}
      </p>
      <p className="meta">
        {statusName(i18n, m.status)} · <Trans>created {created}</Trans> ·{' '}
        <Trans>attempts: {attempts}</Trans>
        {sent && (
          <>
            {' · '}
            <Trans>sent {sent}</Trans>
          </>
        )}
      </p>
      {m.lastError && (
        <p className="error-text">
          <Trans>Last error:</Trans> <code>{m.lastError}</code>
        </p>
      )}
      {m.status === 'failed' &&
        (m.linkForgotten ? (
          <p className="meta">
            <Trans>
              This message held a single-use link, forgotten when it failed. Sending it again would
              send a dead link: send a new invitation or ask the person to request a new link.
            </Trans>
          </p>
        ) : retry.isSuccess ? (
          <Notice>
            <Trans>Sent back to the queue.</Trans>
          </Notice>
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button-secondary"
              disabled={retry.isPending}
              aria-label={t`Try sending again: ${email}`}
              onClick={() => retry.mutate(m.id)}
            >
              <Trans>Try sending again</Trans>
            </button>
          </div>
        ))}
      <ErrorMessage error={retry.error} />
    </li>
  );
}

export default function NotificationsPage() {
  const { t, i18n } = useLingui();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<OutboxStatus | undefined>('failed');
  const pipeline = usePipeline(page, status);
  const counts = pipeline.data?.counts;
  return (
    <Page title={t`Notifications`} wide>
      <AdminNav />
      <p className="meta">
        <Trans>
          Every email and in-app message Kenal sends, by state. This page refreshes itself.
        </Trans>
      </p>
      <div className="status-tabs" role="group" aria-label={t`Show messages`}>
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="button-secondary"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setPage(1);
            }}
          >
            {statusName(i18n, s)} ({counts ? counts[s] : '…'})
          </button>
        ))}
      </div>
      {pipeline.isPending ? (
        <Loading />
      ) : pipeline.isError ? (
        <ErrorMessage error={pipeline.error} />
      ) : pipeline.data.items.length === 0 ? (
        <p role="status">
          <Trans>No message in this state.</Trans>
        </p>
      ) : (
        <>
          <ul className="plain-list">
            {pipeline.data.items.map((m) => (
              <Row key={m.id} m={m} />
            ))}
          </ul>
          <Pager
            page={page}
            total={pipeline.data.total}
            pageSize={PAGE_SIZE}
            label={t`Pages of messages`}
            onPage={setPage}
          />
        </>
      )}
    </Page>
  );
}
