import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { useStaffCompetitions } from './queries';

/** On /coordinate: the competitions of the programmes this coordinator runs, to judge. */
export function CompetitionLinks() {
  const list = useStaffCompetitions();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorMessage error={list.error} />;
  const items = list.data.items;
  return (
    <section className="card stack" aria-labelledby="judging-competitions">
      <h2 id="judging-competitions">
        <Trans>Competitions: judging</Trans>
      </h2>
      {items.length === 0 ? (
        <p>
          <Trans>Your programmes have no competition yet.</Trans>
        </p>
      ) : (
        <ul className="plain-list">
          {items.map((c) => (
            <li key={c.id} className="list-row">
              <Link to={`/coordinate/judging/competitions/${c.id}`}>
                <Trans>Judging of {c.title}</Trans>
              </Link>
              <Link to={`/coordinate/mentoring/competitions/${c.id}`}>
                <Trans>Mentoring of {c.title}</Trans>
              </Link>
              <span className="meta">
                {c.programmeName} ·{' '}
                <Trans>
                  {c.judges} judges, {c.rounds} rounds
                </Trans>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
