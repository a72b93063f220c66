/** A programme's maturity self-assessment, its agreed priorities and the learning plan (issue #20 A). */
export { assessmentPages } from './pages';
