// What other modules may use from the workbench: the shared approval pieces.
export { ApprovalPanel, ApprovalStatusTag, awaitedNames } from './components/ApprovalPanel';
export { DecisionModal } from './components/DecisionModal';
export { registerApprovalEntity, type ApprovalEntitySpec } from './approval-entities';
export { findApprovalOf, workbenchKeys, type ApprovalWithActions } from './api';
