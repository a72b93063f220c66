/** Learning outside sessions (exchanges, study visits, mentoring) and its block in the impact report (issue #20 A). */
export { LearningActivitiesBlock } from './components/LearningActivitiesBlock';
export { exchangePages } from './pages';
