/** Co-production (issue #20): roles on sessions and in groups, payments and expenses, representation by role. */
export { AccessibilityNeeds } from './components/AccessibilityNeeds';
export { CoproductionBadge } from './components/CoproductionBadge';
export { CoproductionBlock } from './components/CoproductionBlock';
export { CoproductionRoles } from './components/CoproductionRoles';
export { coproductionPages } from './pages';
