import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, lazy } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import Home from '../features/home/Home';
import SignIn from '../features/auth/SignIn';
import { ErrorBoundary } from './ErrorBoundary';
import { addCatalogue, competitionsCatalogue, i18n, type PageCatalogue } from './i18n';
import { Layout } from './Layout';
import { RequireSignIn } from './Page';
import { queryClient } from './query';

/** A page whose words are in catalogues of their own (lingui.config.ts): all load together. */
const withCatalogues = (
  page: () => Promise<{ default: ComponentType }>,
  ...catalogues: Array<() => Promise<PageCatalogue>>
) =>
  lazy(() =>
    Promise.all([page(), ...catalogues.map((c) => c().then(addCatalogue))]).then(([m]) => m),
  );
const competitions = () => Promise.resolve(competitionsCatalogue);
const competitionPage = (page: () => Promise<{ default: ComponentType }>) =>
  withCatalogues(page, competitions);
/** A staff page: staff.po, and competitions.po for what staff pages share with competition pages. */
const staffPage = (page: () => Promise<{ default: ComponentType }>) =>
  withCatalogues(page, competitions, () =>
    import('../features/staff/catalogue').then((m) => m.staffCatalogue),
  );

// The first pages (home, sign in) are in the entry chunk; every other page loads its own.
const SignUp = lazy(() => import('../features/auth/SignUp'));
const SignOut = lazy(() => import('../features/auth/SignOut'));
const ForgotPassword = lazy(() => import('../features/auth/ForgotPassword'));
const ResetPassword = lazy(() => import('../features/auth/ResetPassword'));
const NotFound = lazy(() => import('../features/home/NotFound'));
const CompetitionList = competitionPage(() => import('../features/competitions/CompetitionList'));
const CompetitionPage = competitionPage(() => import('../features/competitions/CompetitionPage'));
const TeamPage = competitionPage(() => import('../features/competitions/TeamPage'));
const InvitationPage = competitionPage(() => import('../features/competitions/InvitationPage'));
const EntryEditor = competitionPage(() => import('../features/competitions/EntryEditor'));
const MyEntries = competitionPage(() => import('../features/competitions/MyEntries'));
const Profile = lazy(() => import('../features/profile/Profile'));
const Consent = lazy(() => import('../features/consent/Consent'));
const VerifyEmail = lazy(() => import('../features/verify/VerifyEmail'));
const Penpals = lazy(() => import('../features/penpals/Penpals'));
const Thread = lazy(() => import('../features/penpals/Thread'));
const Inbox = lazy(() => import('../features/inbox/Inbox'));
const Account = lazy(() => import('../features/settings/Account'));
const Goodbye = lazy(() => import('../features/settings/Goodbye'));
// Staff pages: their own chunks and catalogue, which applicants never load.
const JudgingHome = staffPage(() => import('../features/judging/JudgingHome'));
const AssignmentPage = staffPage(() => import('../features/judging/AssignmentPage'));
const CoordinateHome = staffPage(() => import('../features/coordinate/CoordinateHome'));
const RoundPage = staffPage(() => import('../features/coordinate/RoundPage'));
const RunReport = staffPage(() => import('../features/coordinate/RunReport'));
const RunCompare = staffPage(() => import('../features/coordinate/RunCompare'));
const StaffInvitation = staffPage(() => import('../features/auth/StaffInvitation'));
const StaffPage = staffPage(() => import('../features/admin/StaffPage'));
const AuditPage = staffPage(() => import('../features/admin/AuditPage'));
const NotificationsPage = staffPage(() => import('../features/admin/NotificationsPage'));
const CompetitionJudging = staffPage(
  () => import('../features/coordinate-judging/CompetitionJudging'),
);
const RoundJudging = staffPage(() => import('../features/coordinate-judging/RoundJudging'));
const RankingPage = staffPage(() => import('../features/coordinate-judging/RankingPage'));
const ModerationQueue = staffPage(() => import('../features/moderation/ModerationQueue'));
const CompetitionsHome = staffPage(
  () => import('../features/coordinate-competitions/CompetitionsHome'),
);
const NewCompetition = staffPage(
  () => import('../features/coordinate-competitions/NewCompetition'),
);
const EditCompetition = staffPage(
  () => import('../features/coordinate-competitions/EditCompetition'),
);
const CompetitionEntries = staffPage(() => import('../features/coordinate-competitions/Entries'));
const CompetitionEntry = staffPage(() => import('../features/coordinate-competitions/EntryDetail'));
const CompetitionMentoring = staffPage(
  () => import('../features/coordinate-mentoring/CompetitionMentoring'),
);
const MentoringRound = staffPage(() => import('../features/coordinate-mentoring/MentoringRound'));
const MentoringRun = staffPage(() => import('../features/coordinate-mentoring/MentoringRun'));
const MentoringReport = staffPage(() => import('../features/coordinate-mentoring/MentoringReport'));
// Mentors and the teams they mentor: few people, so their words load with the staff catalogue.
const Mentoring = staffPage(() => import('../features/mentoring/MentoringPage'));
const MentorProfile = staffPage(() => import('../features/mentoring/MentorProfile'));

export function AppRoutes() {
  // A page that failed does not keep the next one from showing.
  const { pathname } = useLocation();
  return (
    <Layout>
      <ErrorBoundary key={pathname}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/sign-in" element={<SignIn />} />
          <Route path="/sign-up" element={<SignUp />} />
          <Route path="/sign-out" element={<SignOut />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password/:token" element={<ResetPassword />} />
          <Route path="/competitions" element={<CompetitionList />} />
          <Route path="/competitions/:id" element={<CompetitionPage />} />
          <Route path="/teams/:id" element={<TeamPage />} />
          <Route path="/invitations/:token" element={<InvitationPage />} />
          <Route path="/entries/:id" element={<EntryEditor />} />
          <Route path="/me/submissions" element={<MyEntries />} />
          <Route
            path="/profile"
            element={
              <RequireSignIn>
                <Profile />
              </RequireSignIn>
            }
          />
          <Route path="/consent/:token" element={<Consent />} />
          <Route path="/verify-email/:token" element={<VerifyEmail />} />
          <Route path="/penpals" element={<Penpals />} />
          <Route path="/penpals/:matchId" element={<Thread />} />
          <Route path="/inbox" element={<Inbox />} />
          <Route path="/account" element={<Account />} />
          <Route path="/goodbye" element={<Goodbye />} />
          <Route path="/mentoring" element={<Mentoring />} />
          <Route
            path="/mentoring/profile"
            element={
              <RequireSignIn>
                <MentorProfile />
              </RequireSignIn>
            }
          />
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
          <Route
            path="/coordinate/programmes/:id/moderation"
            element={
              <RequireSignIn>
                <ModerationQueue />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/competitions"
            element={
              <RequireSignIn>
                <CompetitionsHome />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/competitions/new/:programmeId"
            element={
              <RequireSignIn>
                <NewCompetition />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/competitions/:id"
            element={
              <RequireSignIn>
                <EditCompetition />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/competitions/:id/entries"
            element={
              <RequireSignIn>
                <CompetitionEntries />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/competitions/:id/entries/:entryId"
            element={
              <RequireSignIn>
                <CompetitionEntry />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/judging/competitions/:id"
            element={
              <RequireSignIn>
                <CompetitionJudging />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/judging/rounds/:id"
            element={
              <RequireSignIn>
                <RoundJudging />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/judging/rounds/:id/ranking"
            element={
              <RequireSignIn>
                <RankingPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/matching-runs/:id/compare/:otherId"
            element={
              <RequireSignIn>
                <RunCompare />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/mentoring/competitions/:id"
            element={
              <RequireSignIn>
                <CompetitionMentoring />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/mentoring/rounds/:id"
            element={
              <RequireSignIn>
                <MentoringRound />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/mentoring/rounds/:id/report"
            element={
              <RequireSignIn>
                <MentoringReport />
              </RequireSignIn>
            }
          />
          <Route
            path="/coordinate/mentoring/runs/:id"
            element={
              <RequireSignIn>
                <MentoringRun />
              </RequireSignIn>
            }
          />
          <Route path="/staff-invitations/:token" element={<StaffInvitation />} />
          <Route path="/admin" element={<Navigate to="/admin/staff" replace />} />
          <Route
            path="/admin/staff"
            element={
              <RequireSignIn>
                <StaffPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/admin/audit"
            element={
              <RequireSignIn>
                <AuditPage />
              </RequireSignIn>
            }
          />
          <Route
            path="/admin/notifications"
            element={
              <RequireSignIn>
                <NotificationsPage />
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
        {/* Without transitions: a link to a page whose code is still on its way shows "Loading…" at
            once. With them, the old page stayed on screen looking ready until the new one came,
            and whatever was typed into it then was lost (seen going from sign-in to the
            forgotten-password page on a slow connection). */}
        <BrowserRouter useTransitions={false}>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
