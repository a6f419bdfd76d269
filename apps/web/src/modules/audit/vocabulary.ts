/** Record types and actions the audit log holds; a module that writes new ones adds them here. */
export const AUDIT_ENTITIES = ['user', 'department', 'api_token', 'system'] as const;

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'activate',
  'deactivate',
  'login',
  'change-password',
  'update-profile',
  'reset-password',
  'revoke',
  'seed-demo',
] as const;

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  activate: 'cyan',
  deactivate: 'red',
  revoke: 'red',
  'reset-password': 'orange',
  'change-password': 'orange',
  login: 'default',
};

export function actionColor(action: string): string {
  return ACTION_COLORS[action] ?? 'default';
}
