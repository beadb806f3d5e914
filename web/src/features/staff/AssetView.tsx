import { Trans, useLingui } from '@lingui/react/macro';
import { useQuery } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { unwrap } from '../../app/api';
import { ErrorMessage } from '../../app/forms';

/** What the viewer needs of a file: the judge's and the coordinator's views both carry it. */
export type Asset = Pick<components['schemas']['AssetViewDto'], 'id' | 'role' | 'mime' | 'size'>;

/** What the API answers for a file asked for `parseAs: 'blob'`. */
export type FileAnswer = { data?: Blob; response: Response };

/**
 * A file of an entry as a blob URL, fetched when asked: the API needs the bearer token (a plain
 * <video src> cannot carry it), so the browser fetches the file whole, then shows it. Fine for
 * posters and documents; a large video plays only once it has arrived in full.
 */
function useFileUrl(key: readonly string[], asset: Asset, fetchFile: () => Promise<FileAnswer>) {
  return useQuery({
    queryKey: ['file', ...key, asset.id],
    queryFn: async () => {
      const { data, response } = await fetchFile();
      if (!response.ok || !data) unwrap({ response, error: undefined });
      return URL.createObjectURL(new Blob([data as Blob], { type: asset.mime }));
    },
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    enabled: false,
  });
}

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
 * frame (and in a new tab). A judge's files come through their assignment, a coordinator's
 * through the entry (`fetchFile`); the browser fetches each whole before showing it, so a big
 * video says so before it starts.
 */
export function AssetView({
  fileKey,
  fetchFile,
  asset,
  index,
}: {
  fileKey: readonly string[];
  fetchFile: () => Promise<FileAnswer>;
  asset: Asset;
  index: number;
}) {
  const { t, i18n } = useLingui();
  const file = useFileUrl(fileKey, asset, fetchFile);
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
