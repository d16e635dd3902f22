/** Slack user IDs look like U012ABCDEF (W… on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function isSlackUserId(value: string): boolean {
  return SLACK_USER_ID.test(value);
}

/**
 * Who may do what. Admins are app-wide; managers are a campaign's PICs (and admins);
 * approvers are the campaign's approvers; every workspace member is a member.
 */
export type Role = 'admin' | 'manager' | 'approver' | 'member';

export interface CampaignPeople {
  salesPicId: string;
  influencerPicId: string;
  approverIds: string[];
}

export function rolesOf(userId: string, campaign: CampaignPeople | undefined, isAdmin: boolean): Set<Role> {
  const roles = new Set<Role>(['member']);
  if (isAdmin) roles.add('admin').add('manager');
  if (campaign && (campaign.salesPicId === userId || campaign.influencerPicId === userId)) roles.add('manager');
  if (campaign?.approverIds.includes(userId)) roles.add('approver');
  return roles;
}

/** The people allowed to do each kind of action; read like the product's documentation. */
export const PERMISSIONS = {
  createCampaign: ['member'],
  editCampaign: ['manager'],
  deleteDraft: ['manager'],
  publishProposal: ['manager'],
  decideProposal: ['approver'],
  openRecruitment: ['manager'],
  closeRecruitment: ['manager'],
  startCollaboration: ['manager'],
  completeCampaign: ['manager'],
  archiveCampaign: ['manager'],
  configureStages: ['manager'],
  editBudgets: ['manager'],
  manageParticipants: ['member'],
  resendAgreement: ['manager'],
  addAtLaterStage: ['manager'],
  submitPost: ['member'],
  decidePost: ['approver'],
  recordPostResult: ['member'],
  finalApprovePost: ['approver'],
  manageAdmins: ['admin'],
  manageDeliveries: ['admin'],
  reopenDecision: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

const ROLE_NAMES: Record<Role, string> = {
  admin: 'an admin',
  manager: "the campaign's PICs or an admin",
  approver: "the campaign's approvers",
  member: 'any member',
};

const ACTION_NAMES: Record<Action, string> = {
  createCampaign: 'create campaigns',
  editCampaign: 'edit this campaign',
  deleteDraft: 'delete this draft',
  publishProposal: 'publish the proposal',
  decideProposal: 'approve or reject the proposal',
  openRecruitment: 'open recruitment',
  closeRecruitment: 'close recruitment',
  startCollaboration: 'start collaboration',
  completeCampaign: 'complete the campaign',
  archiveCampaign: 'archive the campaign',
  configureStages: 'change the optional stages',
  editBudgets: 'edit budgets and costs',
  manageParticipants: 'manage participants',
  resendAgreement: 'send an agreement again',
  reopenDecision: 'reopen a decision',
  addAtLaterStage: 'add an influencer at a later stage',
  submitPost: 'submit posts',
  decidePost: 'approve or reject posts',
  recordPostResult: 'record post results',
  finalApprovePost: 'give final approval to posts',
  manageAdmins: 'manage admins',
  manageDeliveries: 'see and retry what Slack has not shown yet',
};

/** Why `roles` may not do `action`, or undefined when they may. */
export function permissionRefusal(action: Action, roles: Set<Role>): string | undefined {
  const allowed: readonly Role[] = PERMISSIONS[action];
  if (allowed.some((role) => roles.has(role))) return undefined;
  return `Only ${allowed.map((role) => ROLE_NAMES[role]).join(' or ')} can ${ACTION_NAMES[action]}.`;
}
