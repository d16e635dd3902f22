import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ApproverGroup, type Quorum, mayApprove, quorumErrors, quorumProgress, stillToDecide } from '../../src/domain/quorum.js';

const PEOPLE = ['U1', 'U2', 'U3', 'U4', 'U5'];
const person = fc.constantFrom(...PEOPLE);
const approvals = fc.array(person, { maxLength: 8 });
const groups = fc.uniqueArray(
  fc.record({ name: fc.constantFrom('Client', 'Legal', 'Brand'), memberIds: fc.uniqueArray(person, { minLength: 1, maxLength: 3 }) }),
  { minLength: 1, maxLength: 3, selector: (g) => g.name },
);

/** The oracle: can the distinct approvers be assigned one per group, each to a group of theirs, covering every group? */
function everyGroupCovered(all: ApproverGroup[], approved: readonly string[]): boolean {
  const people = [...new Set(approved)];
  const cover = (index: number, used: Set<string>): boolean =>
    index === all.length || people.some((p) => !used.has(p) && all[index]!.memberIds.includes(p) && cover(index + 1, new Set([...used, p])));
  return cover(0, new Set());
}

describe('quorum rules (properties)', () => {
  it('any one approver: met by the first approval', () => {
    fc.assert(
      fc.property(approvals, (given) => {
        expect(quorumProgress({ kind: 'any' }, given).met).toBe(given.length > 0);
      }),
    );
  });

  it('N of the approvers: met by N different approvers; an approver counts once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), approvals, (count, given) => {
        const progress = quorumProgress({ kind: 'count', count }, given);
        expect(progress.met).toBe(new Set(given).size >= count);
        expect(quorumProgress({ kind: 'count', count }, [...given, ...given]).approved).toBe(progress.approved);
      }),
    );
  });

  it('named groups: met exactly when each group can be given an approver of its own', () => {
    fc.assert(
      fc.property(groups, approvals, (all, given) => {
        expect(quorumProgress({ kind: 'groups', groups: all }, given).met).toBe(everyGroupCovered(all, given));
      }),
    );
  });

  it('the order of the approvals never changes the outcome', () => {
    const quorum: fc.Arbitrary<Quorum> = fc.oneof(
      fc.constant({ kind: 'any' as const }),
      fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: 'count' as const, count })),
      groups.map((g) => ({ kind: 'groups' as const, groups: g })),
    );
    fc.assert(
      fc.property(quorum, approvals, fc.func(fc.integer()), (q, given, key) => {
        const shuffled = [...given].sort((a, b) => key(a) - key(b));
        expect(quorumProgress(q, shuffled).met).toBe(quorumProgress(q, given).met);
        expect(quorumProgress(q, shuffled).approved).toBe(quorumProgress(q, given).approved);
      }),
    );
  });

  it('each approver decides once; with groups an allowed approval always covers one more group, and nobody is left to decide once met', () => {
    fc.assert(
      fc.property(groups, approvals, person, (all, given, userId) => {
        const quorum: Quorum = { kind: 'groups', groups: all };
        const decided = [...new Set(given)].filter((id) => all.some((g) => g.memberIds.includes(id)));
        const allowed = mayApprove(quorum, userId, decided);
        if (decided.includes(userId)) expect(allowed.ok).toBe(false);
        if (allowed.ok) expect(quorumProgress(quorum, [...decided, userId]).approved).toBe(quorumProgress(quorum, decided).approved + 1);
        if (quorumProgress(quorum, decided).met) expect(stillToDecide(quorum, PEOPLE, decided)).toEqual([]);
        for (const id of stillToDecide(quorum, PEOPLE, decided)) expect(mayApprove(quorum, id, decided).ok).toBe(true);
      }),
    );
  });
});

describe('quorum examples', () => {
  const clientAndLegal: Quorum = {
    kind: 'groups',
    groups: [
      { name: 'Client', memberIds: ['U1', 'U2'] },
      { name: 'Legal', memberIds: ['U2', 'U3'] },
    ],
  };

  it('someone in both groups who approved first does not block the other group', () => {
    expect(quorumProgress(clientAndLegal, ['U2']).groups).toEqual([
      { name: 'Client', approvedBy: 'U2' },
      { name: 'Legal', approvedBy: null },
    ]);
    expect(mayApprove(clientAndLegal, 'U1', ['U2']).ok).toBe(true);
    expect(quorumProgress(clientAndLegal, ['U2', 'U1'])).toEqual({
      met: true,
      approved: 2,
      needed: 2,
      groups: [
        { name: 'Client', approvedBy: 'U1' },
        { name: 'Legal', approvedBy: 'U2' },
      ],
    });
  });

  it('refusals say why', () => {
    expect(mayApprove(clientAndLegal, 'U2', ['U2'])).toMatchObject({
      ok: false,
      reason: 'You already approved this revision; the post waits for the other approvals.',
    });
    expect(mayApprove(clientAndLegal, 'U4', [])).toMatchObject({
      ok: false,
      reason: "This campaign's posts are approved by Client and Legal, and you are in none of those groups.",
    });
    const onlyClient: Quorum = {
      kind: 'groups',
      groups: [
        { name: 'Client', memberIds: ['U1', 'U2'] },
        { name: 'Legal', memberIds: ['U3'] },
      ],
    };
    expect(mayApprove(onlyClient, 'U2', ['U1'])).toMatchObject({ ok: false, reason: 'Your group already approved this revision; it waits for Legal.' });
  });

  it('form errors: a count within the approvers, named groups of approvers', () => {
    expect(quorumErrors({ kind: 'count', count: 3 }, ['U1', 'U2'])).toBe('The campaign has 2 approvers: ask for at most that many approvals.');
    expect(quorumErrors({ kind: 'count', count: 0 }, ['U1'])).toBe('Ask for at least one approval.');
    expect(quorumErrors({ kind: 'groups', groups: [] }, ['U1'])).toBe('Name at least one group and choose its members.');
    expect(quorumErrors({ kind: 'groups', groups: [{ name: 'Legal', memberIds: ['U9'] }] }, ['U1'])).toBe(
      '<@U9> is in a group but not an approver of the campaign: add them to the approvers first.',
    );
    expect(
      quorumErrors(
        {
          kind: 'groups',
          groups: [
            { name: 'Legal', memberIds: ['U1'] },
            { name: 'legal', memberIds: ['U1'] },
          ],
        },
        ['U1'],
      ),
    ).toBe('Give each group a different name.');
    expect(quorumErrors(clientAndLegal, ['U1', 'U2', 'U3'])).toBeUndefined();
  });
});
