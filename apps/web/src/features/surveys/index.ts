/** Surveys sent after sessions: the pending notice, the link from a session and the survey page. */
export { PendingSurveysNotice } from './components/PendingSurveysNotice';
export { SessionSurveyLink } from './components/SessionSurveyLink';
export { surveyPages } from './pages';
