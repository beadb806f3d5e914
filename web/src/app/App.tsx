import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import Home from '../features/home/Home';
import SignIn from '../features/auth/SignIn';
import { ErrorBoundary } from './ErrorBoundary';
import { i18n } from './i18n';
import { Layout } from './Layout';
import { queryClient } from './query';

// The first pages (home, sign in) are in the entry chunk; every other page loads its own.
const SignUp = lazy(() => import('../features/auth/SignUp'));
const ForgotPassword = lazy(() => import('../features/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('../features/auth/ResetPassword'));
const NotFound = lazy(() => import('../features/home/NotFound'));
const VerifyEmail = lazy(() => import('../features/verify/VerifyEmail'));
const Penpals = lazy(() => import('../features/penpals/Penpals'));
const Inbox = lazy(() => import('../features/inbox/Inbox'));
const Account = lazy(() => import('../features/settings/Account'));
const Goodbye = lazy(() => import('../features/settings/Goodbye'));

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
          <Route path="/verify-email/:token" element={<VerifyEmail />} />
          <Route path="/penpals" element={<Penpals />} />
          <Route path="/inbox" element={<Inbox />} />
          <Route path="/account" element={<Account />} />
          <Route path="/goodbye" element={<Goodbye />} />
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
