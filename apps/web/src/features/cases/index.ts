/** Case presentations: the form and its de-identification findings, the queue, recommendations, follow-up. */
export { getCase } from './api/cases';
export { FIELD_LABELS, sexLabel, shiftPosition } from './caseForm';
export { CaseAttachmentList } from './components/CaseAttachments';
export { CaseQueue } from './components/CaseQueue';
export { isWaiting } from './components/CaseStatusBadge';
export { SCAN_DELAY_MS } from './hooks/useCaseFindings';
export { useDebounced } from './hooks/useDebounced';
export { casePages } from './pages';
