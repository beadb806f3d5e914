import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import Home from '../features/home/Home';
import SignIn from '../features/auth/SignIn';
import { ErrorBoundary } from './ErrorBoundary';
import { i18n } from './i18n';
import { Layout } from './Layout';
import { RequireSignIn } from './Page';
import { queryClient } from './query';

// The first pages (home, sign in) are in the entry chunk; every other page loads its own.
const SignUp = lazy(() => import('../features/auth/SignUp'));
const ForgotPassword = lazy(() => import('../features/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('../features/auth/ResetPassword'));
const NotFound = lazy(() => import('../features/home/NotFound'));
// Staff pages: their own chunks, which applicants never load.
const JudgingHome = lazy(() => import('../features/judging/JudgingHome'));
const AssignmentPage = lazy(() => import('../features/judging/AssignmentPage'));
const CoordinateHome = lazy(() => import('../features/coordinate/CoordinateHome'));
const RoundPage = lazy(() => import('../features/coordinate/RoundPage'));
const RunReport = lazy(() => import('../features/coordinate/RunReport'));

export function AppRoutes() {
  return (
    <Layout>
      <ErrorBoundary>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/sign-up" element={<SignUp />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password/:token" element={<ResetPassword />} />
          <Route
            path="/judging"
            element={
              <RequireSignIn>
                <JudgingHome />
              </RequireSignIn>
            }
          />
          <Route
            path="/judging/:id"
            element={
              <RequireSignIn>
                <AssignmentPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate"
            element={
              <RequireSignIn>
                <CoordinateHome />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/penpal-rounds/:id"
            element={
              <RequireSignIn>
                <RoundPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/matching-runs/:id"
            element={
              <RequireSignIn>
                <RunReport />
              </RequireSignIn>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
    </Layout>
  );
}

export function App() {
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
