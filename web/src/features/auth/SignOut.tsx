import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { api } from '../../app/api';
import { Loading } from '../../app/Layout';
import { endSession, getRefreshToken } from '../../app/session';

let signingOut: Promise<void> | null = null;

/** Ends this session on the server (signed out here whatever the answer), then goes to sign in. */
function signOut(): Promise<void> {
  signingOut ??= api
    .POST('/api/v1/auth/logout', { body: { refreshToken: getRefreshToken() ?? undefined } })
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      endSession();
      signingOut = null;
    });
  return signingOut;
}

export default function SignOut() {
  const client = useQueryClient();
  const [done, setDone] = useState(false);
  useEffect(() => {
    let live = true;
    void signOut().then(() => {
      client.clear();
      if (live) setDone(true);
    });
    return () => {
      live = false;
    };
  }, [client]);
  return done ? <Navigate to="/sign-in" replace /> : <Loading />;
}
