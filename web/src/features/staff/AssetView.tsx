import { Trans, useLingui } from '@lingui/react/macro';
import { ErrorMessage } from '../../app/forms';
import { type Asset, useAssetUrl } from './queries';

const BIG = 20 * 1024 * 1024;

function size(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * One file of the entry, shown in the page: the video plays, the poster shows, a PDF opens in a
 * frame (and in a new tab). Files come through the assignment with the judge's token, so the
 * browser fetches each whole before showing it: a big video says so before it starts.
 */
export function AssetView({
  assignmentId,
  asset,
  index,
}: {
  assignmentId: string;
  asset: Asset;
  index: number;
}) {
  const { t, i18n } = useLingui();
  const file = useAssetUrl(assignmentId, asset);
  const n = index + 1;
  const name =
    asset.role === 'video'
      ? t`Video ${n}`
      : asset.role === 'poster'
        ? t`Poster ${n}`
        : t`Document ${n}`;
  const isPdf = asset.mime === 'application/pdf';
  const isImage = asset.mime.startsWith('image/');
  const isVideo = asset.mime.startsWith('video/');
  const weight = size(i18n.locale, asset.size);
  return (
    <li className="asset card">
      <h3>{name}</h3>
      <p className="meta">
        {asset.mime} · {weight}
      </p>
      {!file.data && (
        <>
          {isVideo && asset.size > BIG && (
            <p className="hint">
              <Trans>This video is large: it plays once it has loaded in full.</Trans>
            </p>
          )}
          <button
            type="button"
            className="button-secondary"
            onClick={() => void file.refetch()}
            disabled={file.isFetching}
          >
            {file.isFetching ? <Trans>Loading…</Trans> : <Trans>Open {name}</Trans>}
          </button>
        </>
      )}
      <ErrorMessage error={file.error} />
      {file.data && isVideo && (
        // An entry's film carries its own subtitles (subtitleLanguages): none come as a separate track.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <video controls src={file.data} className="asset-media">
          <Trans>Your browser cannot play this video.</Trans>
        </video>
      )}
      {file.data && isImage && <img src={file.data} alt={name} className="asset-media" />}
      {file.data && isPdf && <iframe src={file.data} title={name} className="asset-frame" />}
      {file.data && (
        <p>
          <a href={file.data} target="_blank" rel="noreferrer">
            <Trans>Open {name} in a new tab</Trans>
          </a>
        </p>
      )}
    </li>
  );
}
