import { createBrowserRouter } from 'react-router-dom';
import { AccountPage } from './features/auth/components/AccountPage';
import { ForgotPasswordPage } from './features/auth/components/ForgotPasswordPage';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { ResetPasswordPage } from './features/auth/components/ResetPasswordPage';
import { SignInPage } from './features/auth/components/SignInPage';
import { SignUpPage } from './features/auth/components/SignUpPage';
import { CalendarPage } from './features/calendar/components/CalendarPage';
import { CommunityHome } from './features/community/components/CommunityHome';
import { CommunityPage } from './features/community/components/CommunityPage';
import { GroupPage } from './features/community/components/GroupPage';
import { ModerationPage } from './features/community/components/ModerationPage';
import { NotificationsPage } from './features/community/components/NotificationsPage';
import { SearchPage } from './features/community/components/SearchPage';
import { ThreadPage } from './features/community/components/ThreadPage';
import { RecordingsPage } from './features/recordings/components/RecordingsPage';
import { CasePage } from './features/cases/components/CasePage';
import { EditCasePage } from './features/cases/components/EditCasePage';
import { FollowUpPage } from './features/cases/components/FollowUpPage';
import { MyCasesPage } from './features/cases/components/MyCasesPage';
import { NewCasePage } from './features/cases/components/NewCasePage';
import { HomePage } from './features/health/components/HomePage';
import { ImpactPage } from './features/impact/components/ImpactPage';
import { SurveyPage } from './features/surveys/components/SurveyPage';
import { VerifyCertificatePage } from './features/certificates/components/VerifyCertificatePage';
import { InvitationPage } from './features/invitations/components/InvitationPage';
import { ProgramDashboardPage } from './features/programs/components/ProgramDashboardPage';
import { ProgramsPage } from './features/programs/components/ProgramsPage';
import { LiveSessionPage } from './features/live/components/LiveSessionPage';
import { ScheduleSessionPage } from './features/sessions/components/ScheduleSessionPage';
import { SessionPage } from './features/sessions/components/SessionPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      { path: 'forgot-password', element: <ForgotPasswordPage /> },
      { path: 'reset-password', element: <ResetPasswordPage /> },
      { path: 'invite/:token', element: <InvitationPage /> },
      { path: 'certificates/verify/:code', element: <VerifyCertificatePage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'account', element: <AccountPage /> },
          { path: 'programs', element: <ProgramsPage /> },
          { path: 'programs/:programId', element: <ProgramDashboardPage /> },
          { path: 'programs/:programId/sessions/new', element: <ScheduleSessionPage /> },
          { path: 'sessions/:sessionId', element: <SessionPage /> },
          { path: 'sessions/:sessionId/live', element: <LiveSessionPage /> },
          { path: 'programs/:programId/recordings', element: <RecordingsPage /> },
          { path: 'sessions/:sessionId/cases/new', element: <NewCasePage /> },
          { path: 'cases/:caseId', element: <CasePage /> },
          { path: 'cases/:caseId/edit', element: <EditCasePage /> },
          { path: 'cases/:caseId/follow-up', element: <FollowUpPage /> },
          { path: 'programs/:programId/my-cases', element: <MyCasesPage /> },
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'community', element: <CommunityHome /> },
          { path: 'programs/:programId/community', element: <CommunityPage /> },
          { path: 'programs/:programId/community/search', element: <SearchPage /> },
          { path: 'programs/:programId/community/moderation', element: <ModerationPage /> },
          { path: 'groups/:groupId', element: <GroupPage /> },
          { path: 'threads/:threadId', element: <ThreadPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: 'programs/:programId/impact', element: <ImpactPage /> },
          { path: 'surveys/:surveyId', element: <SurveyPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
