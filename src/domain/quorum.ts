// Who must approve a draft post before it counts as approved: any one approver (the default), a
// number of the approvers, or named groups (Client, Legal…) that must each approve. Pure.
import { type Decision, allow, refuse } from './decision.js';

export interface ApproverGroup {
  name: string;
  memberIds: string[];
}

export type Quorum = { kind: 'any' } | { kind: 'count'; count: number } | { kind: 'groups'; groups: ApproverGroup[] };

export const ANY_APPROVER: Quorum = { kind: 'any' };
export const MAX_GROUPS = 3;

/** Where a post's approvals stand: met or not, and in words ("Approved 1 of 2", each group). */
export interface QuorumProgress {
  met: boolean;
  approved: number;
  needed: number;
  /** For named groups: who approved for each (null while it waits). */
  groups: Array<{ name: string; approvedBy: string | null }>;
}

/** The approvals so far (each approver once, in order) against the quorum. */
export function quorumProgress(quorum: Quorum, approvals: readonly string[]): QuorumProgress {
  const distinct = [...new Set(approvals)];
  if (quorum.kind === 'any') return { met: distinct.length >= 1, approved: Math.min(distinct.length, 1), needed: 1, groups: [] };
  if (quorum.kind === 'count')
    return { met: distinct.length >= quorum.count, approved: Math.min(distinct.length, quorum.count), needed: quorum.count, groups: [] };
  // Each approval counts for one group, matched so that as many groups as possible are covered
  // (someone in Client and Legal who approved first does not block Legal's only other member).
  const approvedBy = coverGroups(quorum.groups, distinct);
  const groups = quorum.groups.map((group) => ({ name: group.name, approvedBy: approvedBy.get(group.name) ?? null }));
  return { met: groups.every((g) => g.approvedBy !== null), approved: approvedBy.size, needed: quorum.groups.length, groups };
}

/** Group name → the approver counted for it: a maximum matching of approvers to the groups they belong to (augmenting paths). */
function coverGroups(groups: ApproverGroup[], approvers: readonly string[]): Map<string, string> {
  const holder = new Map<string, string>();
  const place = (userId: string, tried: Set<string>): boolean => {
    for (const group of groups) {
      if (!group.memberIds.includes(userId) || tried.has(group.name)) continue;
      tried.add(group.name);
      const current = holder.get(group.name);
      if (current === undefined || place(current, tried)) {
        holder.set(group.name, userId);
        return true;
      }
    }
    return false;
  };
  for (const userId of approvers) place(userId, new Set());
  return holder;
}

/**
 * May this approver add their approval? Each approver decides once per revision; with named groups,
 * only a member of a group still waiting. (Whether they are an approver at all is checked by roles.)
 */
export function mayApprove(quorum: Quorum, userId: string, approvals: readonly string[]): Decision<true> {
  const once = decidesOnce(userId, approvals);
  if (!once.ok || quorum.kind !== 'groups') return once;
  if (!quorum.groups.some((group) => group.memberIds.includes(userId))) {
    return refuse(
      'not-in-an-approver-group',
      `This campaign's posts are approved by ${quorum.groups.map((g) => g.name).join(' and ')}, and you are in none of those groups.`,
    );
  }
  // Counts only if it covers one more group than the approvals so far.
  if (quorumProgress(quorum, [...approvals, userId]).approved === quorumProgress(quorum, approvals).approved) {
    const waiting = quorumProgress(quorum, approvals)
      .groups.filter((g) => g.approvedBy === null)
      .map((g) => g.name);
    return refuse('group-already-approved', `Your group already approved this revision; it waits for ${waiting.join(' and ')}.`);
  }
  return allow(true);
}

/** Each approver decides a revision once: who approved it can neither approve again nor send it back. */
export function decidesOnce(userId: string, approvals: readonly string[]): Decision<true> {
  return approvals.includes(userId)
    ? refuse('already-approved-by-you', 'You already approved this revision; the post waits for the other approvals.')
    : allow(true);
}

/** Of `approverIds`, who can still move the post toward approval (the App Home queue). */
export function stillToDecide(quorum: Quorum, approverIds: readonly string[], approvals: readonly string[]): string[] {
  if (quorumProgress(quorum, approvals).met) return [];
  return approverIds.filter(
    (userId) => mayApprove(quorum, userId, approvals).ok && (quorum.kind !== 'groups' || quorum.groups.some((g) => g.memberIds.includes(userId))),
  );
}

/** The quorum's rules, for a form's errors: a count within the approvers, groups named and made of approvers. */
export function quorumErrors(quorum: Quorum, approverIds: readonly string[]): string | undefined {
  if (quorum.kind === 'count') {
    if (!Number.isInteger(quorum.count) || quorum.count < 1) return 'Ask for at least one approval.';
    if (quorum.count > approverIds.length)
      return `The campaign has ${approverIds.length} approver${approverIds.length === 1 ? '' : 's'}: ask for at most that many approvals.`;
  }
  if (quorum.kind === 'groups') {
    if (quorum.groups.length === 0) return 'Name at least one group and choose its members.';
    const names = quorum.groups.map((g) => g.name.trim().toLowerCase());
    if (new Set(names).size !== names.length) return 'Give each group a different name.';
    const outsider = quorum.groups.flatMap((g) => g.memberIds).find((id) => !approverIds.includes(id));
    if (outsider) return `<@${outsider}> is in a group but not an approver of the campaign: add them to the approvers first.`;
    if (quorum.groups.some((g) => g.memberIds.length === 0)) return 'Choose at least one member for each group.';
  }
  return undefined;
}

/** The quorum in words: "any one approver", "2 of the approvers", "Client (<@U1>, <@U2>) and Legal (<@U3>)". */
export function quorumText(quorum: Quorum): string {
  if (quorum.kind === 'any') return 'any one approver';
  if (quorum.kind === 'count') return `${quorum.count} of the approvers`;
  return quorum.groups.map((group) => `${group.name} (${group.memberIds.map((id) => `<@${id}>`).join(', ')})`).join(' and ');
}
