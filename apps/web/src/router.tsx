import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Loading } from './components/Status';
import { RequireAuth } from './features/auth/components/RequireAuth';
import { SignInPage } from './features/auth/components/SignInPage';
import { HomePage } from './features/health/components/HomePage';
import { ProgramsPage } from './features/programs/components/ProgramsPage';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { RouteError } from './layout/RouteError';

/**
 * A page whose code is a chunk of its own, downloaded when the page is first visited (the live room,
 * charts, Markdown and the de-identification scanner stay out of the first download).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

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
          { path: 'sign-up', lazy: page(() => import('./features/auth/components/SignUpPage'), 'SignUpPage') },
          {
            path: 'forgot-password',
            lazy: page(() => import('./features/auth/components/ForgotPasswordPage'), 'ForgotPasswordPage'),
          },
          {
            path: 'reset-password',
            lazy: page(() => import('./features/auth/components/ResetPasswordPage'), 'ResetPasswordPage'),
          },
          {
            path: 'invite/:token',
            lazy: page(() => import('./features/invitations/components/InvitationPage'), 'InvitationPage'),
          },
          {
            path: 'certificates/verify/:code',
            lazy: page(
              () => import('./features/certificates/components/VerifyCertificatePage'),
              'VerifyCertificatePage',
            ),
          },
          {
            element: <RequireAuth />,
            children: [
              { path: 'account', lazy: page(() => import('./features/auth/components/AccountPage'), 'AccountPage') },
              { path: 'programs', element: <ProgramsPage /> },
              {
                path: 'programs/:programId',
                lazy: page(() => import('./features/programs/components/ProgramDashboardPage'), 'ProgramDashboardPage'),
              },
              {
                path: 'programs/:programId/sessions/new',
                lazy: page(() => import('./features/sessions/components/ScheduleSessionPage'), 'ScheduleSessionPage'),
              },
              {
                path: 'sessions/:sessionId',
                lazy: page(() => import('./features/sessions/components/SessionPage'), 'SessionPage'),
              },
              {
                path: 'sessions/:sessionId/live',
                lazy: page(() => import('./features/live/components/LiveSessionPage'), 'LiveSessionPage'),
              },
              {
                path: 'programs/:programId/recordings',
                lazy: page(() => import('./features/recordings/components/RecordingsPage'), 'RecordingsPage'),
              },
              {
                path: 'sessions/:sessionId/cases/new',
                lazy: page(() => import('./features/cases/components/NewCasePage'), 'NewCasePage'),
              },
              { path: 'cases/:caseId', lazy: page(() => import('./features/cases/components/CasePage'), 'CasePage') },
              {
                path: 'cases/:caseId/edit',
                lazy: page(() => import('./features/cases/components/EditCasePage'), 'EditCasePage'),
              },
              {
                path: 'cases/:caseId/follow-up',
                lazy: page(() => import('./features/cases/components/FollowUpPage'), 'FollowUpPage'),
              },
              {
                path: 'programs/:programId/my-cases',
                lazy: page(() => import('./features/cases/components/MyCasesPage'), 'MyCasesPage'),
              },
              {
                path: 'calendar',
                lazy: page(() => import('./features/calendar/components/CalendarPage'), 'CalendarPage'),
              },
              {
                path: 'community',
                lazy: page(() => import('./features/community/components/CommunityHome'), 'CommunityHome'),
              },
              {
                path: 'programs/:programId/community',
                lazy: page(() => import('./features/community/components/CommunityPage'), 'CommunityPage'),
              },
              {
                path: 'programs/:programId/community/search',
                lazy: page(() => import('./features/community/components/SearchPage'), 'SearchPage'),
              },
              {
                path: 'programs/:programId/community/moderation',
                lazy: page(() => import('./features/community/components/ModerationPage'), 'ModerationPage'),
              },
              {
                path: 'groups/:groupId',
                lazy: page(() => import('./features/community/components/GroupPage'), 'GroupPage'),
              },
              {
                path: 'threads/:threadId',
                lazy: page(() => import('./features/community/components/ThreadPage'), 'ThreadPage'),
              },
              {
                path: 'notifications',
                lazy: page(() => import('./features/community/components/NotificationsPage'), 'NotificationsPage'),
              },
              {
                path: 'programs/:programId/impact',
                lazy: page(() => import('./features/impact/components/ImpactPage'), 'ImpactPage'),
              },
              // The admin area (issue 22): the server answers instance admins only.
              { path: 'admin', lazy: page(() => import('./features/admin'), 'AdminUsersPage') },
              { path: 'admin/users', lazy: page(() => import('./features/admin'), 'AdminUsersPage') },
              { path: 'admin/audit', lazy: page(() => import('./features/admin'), 'AdminAuditPage') },
              {
                path: 'surveys/:surveyId',
                lazy: page(() => import('./features/surveys/components/SurveyPage'), 'SurveyPage'),
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
