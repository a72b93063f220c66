import { createBrowserRouter } from 'react-router-dom';
import { Loading } from './components/Status';
import { adminPages } from './features/admin';
import { assessmentPages } from './features/assessment';
import { authPages, RequireAuth, SignInPage } from './features/auth';
import { calendarPages } from './features/calendar';
import { casePages } from './features/cases';
import { certificatePages } from './features/certificates';
import { communityPages } from './features/community';
import { connectionPages } from './features/connection';
import { coproductionPages } from './features/coproduction';
import { exchangePages } from './features/exchanges';
import { HomePage } from './features/health';
import { impactPages } from './features/impact';
import { invitationPages } from './features/invitations';
import { livePages } from './features/live';
import { programPages, ProgramsPage } from './features/programs';
import { recordingPages } from './features/recordings';
import { registrationPages } from './features/registration';
import { sessionPages } from './features/sessions';
import { surveyPages } from './features/surveys';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RouteError } from './layout/RouteError';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      {
        // Inside the layout: a page that fails to load (or to render) keeps the top bar and offers a reload.
        errorElement: <RouteError />,
        // Shown in the layout while a deep link's page chunk downloads (AppLayout shows it on later visits).
        hydrateFallbackElement: <Loading>Loading the page…</Loading>,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'sign-up', lazy: authPages.SignUpPage },
          { path: 'forgot-password', lazy: authPages.ForgotPasswordPage },
          { path: 'reset-password', lazy: authPages.ResetPasswordPage },
          { path: 'activate', lazy: authPages.ActivatePage },
          { path: 'invite/:token', lazy: invitationPages.InvitationPage },
          { path: 'connection-test', lazy: connectionPages.ConnectionTestPage },
          { path: 'certificates/verify/:code?', lazy: certificatePages.VerifyCertificatePage },
          { path: 'register/:programId', lazy: registrationPages.RegisterPage },
          {
            element: <RequireAuth />,
            children: [
              { path: 'account', lazy: authPages.AccountPage },
              { path: 'programs', element: <ProgramsPage /> },
              { path: 'programs/:programId', lazy: programPages.ProgramDashboardPage },
              { path: 'programs/:programId/sessions/new', lazy: sessionPages.ScheduleSessionPage },
              { path: 'sessions/:sessionId', lazy: sessionPages.SessionPage },
              { path: 'sessions/:sessionId/live', lazy: livePages.LiveSessionPage },
              { path: 'programs/:programId/recordings', lazy: recordingPages.RecordingsPage },
              { path: 'sessions/:sessionId/cases/new', lazy: casePages.NewCasePage },
              { path: 'cases/:caseId', lazy: casePages.CasePage },
              { path: 'cases/:caseId/edit', lazy: casePages.EditCasePage },
              { path: 'cases/:caseId/follow-up', lazy: casePages.FollowUpPage },
              { path: 'programs/:programId/my-cases', lazy: casePages.MyCasesPage },
              { path: 'calendar', lazy: calendarPages.CalendarPage },
              { path: 'community', lazy: communityPages.CommunityHome },
              { path: 'programs/:programId/community', lazy: communityPages.CommunityPage },
              { path: 'programs/:programId/community/search', lazy: communityPages.SearchPage },
              { path: 'programs/:programId/community/moderation', lazy: communityPages.ModerationPage },
              { path: 'groups/:groupId', lazy: communityPages.GroupPage },
              { path: 'threads/:threadId', lazy: communityPages.ThreadPage },
              { path: 'notifications', lazy: communityPages.NotificationsPage },
              { path: 'programs/:programId/impact', lazy: impactPages.ImpactPage },
              { path: 'surveys/:surveyId', lazy: surveyPages.SurveyPage },
              // issue 20 A: the programme around the sessions
              { path: 'programs/:programId/assessment', lazy: assessmentPages.AssessmentPage },
              { path: 'programs/:programId/exchanges', lazy: exchangePages.ExchangesPage },
              { path: 'programs/:programId/coproduction', lazy: coproductionPages.PaymentsPage },
              // The admin area (issue 22): the server answers instance admins only.
              { path: 'admin', lazy: adminPages.AdminUsersPage },
              { path: 'admin/users', lazy: adminPages.AdminUsersPage },
              { path: 'admin/audit', lazy: adminPages.AdminAuditPage },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
