import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../app/forms';
import { Loading } from '../../app/Layout';
import { Page } from '../../app/Page';
import { formatNumber } from '../staff/When';
import { countryName } from '../../app/countries';
import { useCompare, useRun } from './queries';
import '../staff/staff.css';

/** Two runs of a round side by side: pairs kept, lost and gained, coverage per country. */
export default function RunCompare() {
  const { id = '', otherId = '' } = useParams();
  const { t, i18n } = useLingui();
  const compare = useCompare(id, otherId);
  const run = useRun(otherId);
  const n = (x: number) => formatNumber(i18n.locale, x, 0);
  return (
    <Page title={t`Compare two runs`} wide>
      <p>
        {run.data && (
          <Link to={`/coordinate/penpal-rounds/${run.data.roundId}`}>
            <Trans>Back to the round</Trans>
          </Link>
        )}
      </p>
      {compare.isPending ? (
        <Loading />
      ) : compare.isError ? (
        <ErrorMessage error={compare.error} />
      ) : (
        <div className="stack">
          <p>
            <Link to={`/coordinate/matching-runs/${id}`}>
              <Trans>The earlier run</Trans>
            </Link>
            {' → '}
            <Link to={`/coordinate/matching-runs/${otherId}`}>
              <Trans>The later run</Trans>
            </Link>
          </p>
          <dl className="entry-fields">
            <div>
              <dt>
                <Trans>Pairs kept</Trans>
              </dt>
              <dd>{n(compare.data.kept)}</dd>
            </div>
            <div>
              <dt>
                <Trans>Pairs lost</Trans>
              </dt>
              <dd>{n(compare.data.lost)}</dd>
            </div>
            <div>
              <dt>
                <Trans>Pairs gained</Trans>
              </dt>
              <dd>{n(compare.data.gained)}</dd>
            </div>
          </dl>
          <h2 id="coverage">
            <Trans>Coverage per country</Trans>
          </h2>
          {/* A scrolling region is focusable so that keyboard users can scroll it (WCAG 2.1.1). */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="coverage">
            <table className="compare">
              <thead>
                <tr>
                  <th scope="col">
                    <Trans>Country</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Enrolled</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Matched before</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Matched after</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Pairs kept</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Pairs lost</Trans>
                  </th>
                  <th scope="col">
                    <Trans>Pairs gained</Trans>
                  </th>
                </tr>
              </thead>
              <tbody>
                {compare.data.byCountry.map((c) => (
                  <tr
                    key={c.country}
                    className={c.matchedAfter !== c.matchedBefore ? 'changed' : undefined}
                  >
                    <th scope="row">{countryName(i18n.locale, c.country)}</th>
                    <td>{n(c.enrolled)}</td>
                    <td>{n(c.matchedBefore)}</td>
                    <td>{n(c.matchedAfter)}</td>
                    <td>{n(c.kept)}</td>
                    <td>{n(c.lost)}</td>
                    <td>{n(c.gained)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="meta">
            <Trans>Countries in bold matched a different number of people in the later run.</Trans>
          </p>
        </div>
      )}
    </Page>
  );
}
