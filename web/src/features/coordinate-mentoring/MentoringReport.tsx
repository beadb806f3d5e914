import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { mentorAffiliation } from '../mentoring/labels';
import { CheckInList } from '../mentoring/Mentorships';
import { formatMoment } from '../staff/When';
import { type Report, useReport } from './queries';
import '../staff/staff.css';

type Row = Report['items'][number];

function RowStatus({ row }: { row: Row }) {
  if (row.status !== 'active') {
    return (
      <span className="badge">
        <Trans>Ended</Trans>
      </span>
    );
  }
  return row.silent ? (
    <span className="badge badge-wait">
      <Trans>Silent for 30 days or more</Trans>
    </span>
  ) : (
    <span className="badge badge-ok">
      <Trans>Active</Trans>
    </span>
  );
}

function ReportRow({ row }: { row: Row }) {
  const { i18n } = useLingui();
  const team = row.teamName;
  const mentor = row.mentor.displayName;
  const count = row.checkInCount;
  const when = formatMoment(i18n.locale, row.lastActivityAt);
  return (
    <tr>
      <th scope="row">
        {team}
        <br />
        <span className="meta">{row.projectTitle}</span>
      </th>
      <td>
        {mentor}
        <br />
        <span className="meta">{mentorAffiliation(i18n, row.mentor)}</span>
      </td>
      {/* Status, last activity and check-ins in one column: five columns were wider than a phone. */}
      <td>
        <RowStatus row={row} />
        <br />
        <span className="meta">
          <Trans>Last activity: {when}</Trans>
        </span>
        {count > 0 && (
          <details>
            <summary>
              <Plural
                value={count}
                one={`# check-in of ${team} with ${mentor}`}
                other={`# check-ins of ${team} with ${mentor}`}
              />
            </summary>
            <CheckInList checkIns={row.checkIns} />
          </details>
        )}
      </td>
    </tr>
  );
}

export default function MentoringReport() {
  const { id = '' } = useParams();
  const { t } = useLingui();
  const report = useReport(id);
  if (report.isPending) return <Loading />;
  if (report.isError)
    return (
      <Page title={t`Mentoring report`}>
        <ErrorMessage error={report.error} />
      </Page>
    );
  const r = report.data;
  const { mentorships, active, silent, checkIns, roundName } = r;
  return (
    <Page title={t`Report: ${roundName}`} wide>
      <div className="stack">
        <p>
          <Link to={`/coordinate/mentoring/rounds/${r.roundId}`}>
            <Trans>Back to the round</Trans>
          </Link>
        </p>
        <p className="lead">
          <Trans>
            <Plural value={mentorships} one="# mentorship" other="# mentorships" />, {active}{' '}
            active, {silent} silent for 30 days or more.{' '}
            <Plural value={checkIns} one="# check-in in all." other="# check-ins in all." />
          </Trans>
        </p>
        <p className="hint">
          <Trans>Pairs silent for 30 days get a reminder by email and in Kenal.</Trans>
        </p>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t`Mentorships`}>
          <table className="compare pairs fits-phone">
            <thead>
              <tr>
                <th scope="col">
                  <Trans>Team</Trans>
                </th>
                <th scope="col">
                  <Trans>Mentor</Trans>
                </th>
                <th scope="col">
                  <Trans>Status</Trans>
                </th>
              </tr>
            </thead>
            <tbody>
              {r.items.map((row) => (
                <ReportRow key={row.mentorshipId} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Page>
  );
}
