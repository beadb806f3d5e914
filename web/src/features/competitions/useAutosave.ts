import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, NetworkError } from '../../app/api';
import { changedFields, changesBetween, type Draft, draftOf } from './draft';
import {
  fetchSubmission,
  fetchVersions,
  saveSubmission,
  type Submission,
  type Version,
} from './queries';

export type SaveState = 'saved' | 'waiting' | 'saving' | 'offline' | 'failed' | 'conflict';

/** Someone else saved the entry after the version this edit builds on. */
export interface Conflict {
  latest: Submission;
  /** The newer versions, newest first (who changed what, when). */
  versions: Version[];
  /** Fields both they and this person changed: what they saved there. */
  clashes: { field: string; theirs: unknown }[];
}

const DELAY_MS = 1200;
const RETRY_MS = 5000;

/**
 * Saves the draft a moment after typing stops, with the version it builds on. A newer version on
 * the server (409) merges their changes into the fields this person did not touch and keeps what
 * they typed, then waits for them to choose; a lost connection retries.
 */
export function useAutosave(initial: Submission) {
  const client = useQueryClient();
  const [server, setServer] = useState(initial);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const latestDraft = useRef(draft);
  latestDraft.current = draft;
  const serverRef = useRef(server);
  serverRef.current = server;

  const accept = useCallback(
    (s: Submission) => {
      setServer(s);
      serverRef.current = s;
      client.setQueryData(['submission', s.id], s);
      void client.invalidateQueries({ queryKey: ['submission', s.id, 'versions'] });
    },
    [client],
  );

  const saveOnce = useCallback(async () => {
    const base = serverRef.current;
    const body = changesBetween(base.kind, draftOf(base), latestDraft.current, base.version);
    if (!body) {
      setState('saved');
      return;
    }
    setState('saving');
    try {
      accept(await saveSubmission(base.id, body));
      setError(null);
      const rest = changesBetween(
        base.kind,
        draftOf(serverRef.current),
        latestDraft.current,
        serverRef.current.version,
      );
      setState(rest ? 'waiting' : 'saved');
    } catch (err) {
      setError(err);
      if (err instanceof NetworkError) setState('offline');
      else if (
        err instanceof ApiError &&
        err.problem.status === 409 &&
        err.problem.code === 'CONFLICT'
      ) {
        let latest: Submission;
        let all: Version[];
        try {
          [latest, all] = await Promise.all([fetchSubmission(base.id), fetchVersions(base.id)]);
        } catch (again) {
          setError(again);
          setState(again instanceof NetworkError ? 'offline' : 'failed');
          return;
        }
        const mine = changedFields(base.kind, draftOf(base), latestDraft.current);
        const theirs = changedFields(base.kind, draftOf(base), draftOf(latest));
        const theirDraft = draftOf(latest);
        const merged = { ...latestDraft.current };
        for (const f of theirs) {
          if (!mine.includes(f)) Object.assign(merged, { [f]: theirDraft[f as keyof Draft] });
        }
        setDraft(merged);
        latestDraft.current = merged;
        accept(latest);
        setConflict({
          latest,
          versions: all.filter((v) => v.version > base.version),
          clashes: theirs
            .filter((f) => mine.includes(f))
            .map((f) => ({ field: f, theirs: theirDraft[f as keyof Draft] })),
        });
        setState('conflict');
      } else setState('failed');
    }
  }, [accept]);

  /** One save at a time, in order: a save asked for while one runs goes after it. */
  const save = useCallback((): Promise<void> => {
    const next = chain.current.then(saveOnce);
    chain.current = next;
    return next;
  }, [saveOnce]);

  // Debounced save after each change; none while a conflict waits for the person's choice.
  useEffect(() => {
    if (state === 'conflict') return;
    const pending = changesBetween(server.kind, draftOf(server), draft, server.version);
    if (!pending) {
      setState((st) => (st === 'waiting' ? 'saved' : st));
      return;
    }
    const timer = setTimeout(() => void save(), DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, server, save, state]);

  // After a lost connection: try again every few seconds, and at once when the browser is back online.
  useEffect(() => {
    if (state !== 'offline') return;
    const again = () => void save();
    const timer = setInterval(again, RETRY_MS);
    window.addEventListener('online', again);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', again);
    };
  }, [state, save]);

  const edit = useCallback((changes: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setState((s) => (s === 'conflict' || s === 'saving' ? s : 'waiting'));
  }, []);

  /** After a conflict: keep what this person typed and save it on top of the newer version. */
  const keepMine = useCallback(() => {
    setConflict(null);
    setState('waiting');
    void save();
  }, [save]);

  /** After a conflict: take their text in the fields both changed. */
  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    const theirDraft = draftOf(conflict.latest);
    setDraft((d) => {
      const next = { ...d };
      for (const c of conflict.clashes)
        Object.assign(next, { [c.field]: theirDraft[c.field as keyof Draft] });
      return next;
    });
    setConflict(null);
    setState('waiting');
  }, [conflict]);

  /** The server's entry changed by another action (an upload, submit): follow it. */
  const refreshed = useCallback((s: Submission) => {
    setServer((old) => (s.version >= old.version ? s : old));
  }, []);

  return {
    server,
    draft,
    edit,
    state,
    error,
    conflict,
    keepMine,
    takeTheirs,
    saveNow: save,
    refreshed,
  };
}
