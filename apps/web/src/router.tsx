import { createBrowserRouter } from 'react-router-dom';
import { AccountPage } from './features/auth/components/AccountPage';
import { ForgotPasswordPage } from './features/auth/components/ForgotPasswordPage';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { ResetPasswordPage } from './features/auth/components/ResetPasswordPage';
import { SignInPage } from './features/auth/components/SignInPage';
import { SignUpPage } from './features/auth/components/SignUpPage';
import { CalendarPage } from './features/calendar/components/CalendarPage';
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
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'programs/:programId/impact', element: <ImpactPage /> },
          { path: 'surveys/:surveyId', element: <SurveyPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
