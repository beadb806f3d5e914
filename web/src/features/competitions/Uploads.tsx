import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { NetworkError } from '../../app/api';
import { describeError } from '../../app/errors';
import { ErrorMessage, Notice, SelectField, TextField } from '../../app/forms';
import { formatBytes } from './format';
import { type Submission, useRemoveAsset } from './queries';
import {
  type AssetRole,
  cancelUpload,
  discardUpload,
  unfinishedUploads,
  uploadAsset,
} from './upload';

/** An entry's files: the list (each can be removed) and one upload at a time, resumable. */
export function Uploads({
  submission,
  onChange,
}: {
  submission: Submission;
  onChange: () => void;
}) {
  const { t, i18n } = useLingui();
  const [role, setRole] = useState<AssetRole>('video');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const remove = useRemoveAsset(submission.id);
  const [inputKey, setInputKey] = useState(0);
  const editable = submission.status === 'draft' || submission.status === 'submitted';
  // Where a dropped upload stopped (0..1): kept so the person sees what is already saved.
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  // The upload under way or dropped (what Cancel gives up), how to stop it, and its end.
  const current = useRef<{ role: AssetRole; file: File } | null>(null);
  const stop = useRef<AbortController | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState(false);
  // Uploads this browser left unfinished (say, before a reload): choosing the file goes on.
  const [unfinished, setUnfinished] = useState(() => unfinishedUploads(submission.id));
  const recheck = () => setUnfinished(unfinishedUploads(submission.id));
  const upload = async (role: AssetRole, file: File) => {
    const abort = new AbortController();
    stop.current = abort;
    current.current = { role, file };
    setError(null);
    setCancelled(false);
    setProgress(stoppedAt ?? 0);
    let reached = stoppedAt ?? 0;
    try {
      await uploadAsset(
        submission.id,
        role,
        file,
        (f) => {
          reached = f;
          setProgress(f);
        },
        abort.signal,
      );
      current.current = null;
      setFile(null);
      setStoppedAt(null);
      setInputKey((k) => k + 1);
      onChange();
    } catch (err) {
      if (abort.signal.aborted) return; // cancelled: cancel() says what happened
      setError(err);
      const dropped = err instanceof NetworkError;
      setStoppedAt(dropped ? reached : null);
      if (!dropped) current.current = null;
    } finally {
      running.current = null;
      setProgress(null);
      recheck();
    }
  };
  const start = () => {
    if (!file || running.current) return;
    running.current = upload(role, file);
  };
  const cancel = async () => {
    const what = current.current;
    if (!what || cancelling) return;
    setCancelling(true);
    stop.current?.abort();
    await running.current; // upload() catches everything
    try {
      await cancelUpload(submission.id, what.role, what.file);
      current.current = null;
      setError(null);
      setStoppedAt(null);
      setFile(null);
      setInputKey((k) => k + 1);
      setCancelled(true);
    } catch (err) {
      setError(err);
    } finally {
      setCancelling(false);
      recheck();
    }
  };
  const discard = async (key: string) => {
    setCancelled(false);
    try {
      await discardUpload(key);
      setCancelled(true);
    } catch (err) {
      setError(err);
    } finally {
      recheck();
    }
  };
  const uploading = progress !== null;
  const dropped = error instanceof NetworkError;
  // Back online: an upload the connection cut goes on by itself.
  const resume = useRef(start);
  resume.current = start;
  useEffect(() => {
    if (!dropped) return;
    const onOnline = () => resume.current();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [dropped]);
  // Leaving or reloading the page stops an upload: the browser asks first.
  useEffect(() => {
    if (!uploading) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [uploading]);
  const saved = Math.round((stoppedAt ?? 0) * 100);
  const percent = progress === null ? 0 : Math.round(progress * 100);
  const ROLE: Record<string, string> = {
    video: t`Video`,
    poster: t`Poster`,
    document: t`Document`,
  };
  return (
    <section aria-labelledby="files-h" className="card">
      <h2 id="files-h">
        <Trans>Files</Trans>
      </h2>
      {submission.assets.length === 0 ? (
        <p className="hint">
          <Trans>No files yet.</Trans>
        </p>
      ) : (
        <ul className="files">
          {submission.assets.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{ROLE[a.role] ?? a.role}</strong>: {a.originalName ?? a.mime} (
                {formatBytes(a.size, i18n.locale)})
              </span>
              {editable && (
                <button
                  type="button"
                  className="button-link"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(a.id, { onSuccess: onChange })}
                >
                  <Trans>Remove {a.originalName}</Trans>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={remove.error} />
      {editable && (
        <div className="stack">
          <SelectField
            label={t`Kind of file`}
            value={role}
            disabled={uploading || cancelling}
            onChange={(e) => setRole(e.target.value as AssetRole)}
          >
            <option value="video">{t`Video (MP4, WebM or MOV)`}</option>
            <option value="poster">{t`Poster (PNG or JPEG)`}</option>
            <option value="document">{t`Document (PDF)`}</option>
          </SelectField>
          <TextField
            key={inputKey}
            label={t`File`}
            type="file"
            disabled={uploading || cancelling}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
              setStoppedAt(null);
              setCancelled(false);
            }}
          />
          {!uploading &&
            !dropped &&
            unfinished.map((u) => (
              <p key={u.key} className="hint">
                <Trans>
                  Not finished: {u.name} ({ROLE[u.role] ?? u.role}). Choose the same file to go on
                  from where it stopped.
                </Trans>{' '}
                <button type="button" className="button-link" onClick={() => void discard(u.key)}>
                  <Trans>Cancel the upload of {u.name}</Trans>
                </button>
              </p>
            ))}
          {uploading && (
            <div className="progress">
              <label htmlFor="upload-progress">
                <Trans>Uploading: {percent}%</Trans>
              </label>
              <progress id="upload-progress" max={100} value={percent}>
                {percent}%
              </progress>
            </div>
          )}
          {error !== null && (
            <p className="alert alert-error" role="alert">
              {dropped
                ? t`The connection dropped during the upload. ${saved}% is saved: it goes on by itself when you are back online, or press Resume.`
                : describeError(i18n, error)}
            </p>
          )}
          {cancelled && (
            <Notice>
              <Trans>Upload cancelled: the part already sent has been deleted.</Trans>
            </Notice>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!file || uploading || cancelling}
              onClick={start}
            >
              {dropped ? <Trans>Resume the upload</Trans> : <Trans>Upload</Trans>}
            </button>
            {(uploading || dropped || cancelling) && (
              <button
                type="button"
                className="button button-secondary"
                disabled={cancelling}
                onClick={() => void cancel()}
              >
                <Trans>Cancel the upload</Trans>
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
