import type { AdminAction } from '@echo-hub/protocol';

export const ACTION_LABELS: Record<AdminAction, string> = {
  'user.disable': 'Disabled the account',
  'user.enable': 'Enabled the account',
  'user.reset_link': 'Issued a password reset link',
  'user.grant_admin': 'Made an admin',
  'user.revoke_admin': 'Removed as admin',
  'user.export': "Exported the person's data",
  'user.erase': "Erased the person's data",
};
