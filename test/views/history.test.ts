import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HistoryEntry, historyNames } from '../../src/domain/history.js';
import { mention } from '../../src/views/format.js';
import { historySentence, roleName } from '../../src/views/history.js';
import { whatHappened } from '../../src/views/refusals.js';

const at = new Date('2026-11-23T09:00:00Z');
const names = historyNames('USD', [{ id: 4, influencerName: 'Aiko Tanaka' }], [{ id: 3, participationId: 4 }]);

/** Every history action the code writes: each `'<entity>.<action>'` literal outside the renderer itself. */
function writtenActions(): string[] {
  const files = (readdirSync('src', { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts') && !f.startsWith('generated') && f !== join('views', 'history.ts'),
  );
  const actions = files.flatMap((file) =>
    [...readFileSync(join('src', file), 'utf8').matchAll(/'((?:campaign|participant|post|influencer|admin|settings)\.[a-z_]+)'/g)].map((m) => m[1]!),
  );
  return [...new Set(actions)].sort();
}

/** An event of `action` as the code writes it: on its entity, with a from → to and the details it records. */
function eventOf(action: string): HistoryEntry {
  const entityType = action.split('.')[0]!;
  const entity = { campaign: '12', participant: '4', post: '3', admin: 'U0NEWADMIN', influencer: '9', settings: 'digest' }[entityType] ?? '1';
  const states = { campaign: ['recruiting', 'recruitment_closed'], participant: ['content_in_review', 'posted'], post: ['pending_approval', 'approved'] }[
    entityType
  ];
  return {
    actor: 'U0ANA',
    at,
    entityType,
    entityId: entity,
    action,
    ...(states ? { from: states[0], to: states[1] } : {}),
    details: {
      revision: 2,
      changed: ['budgetMinor', 'endDate'],
      before: { budgetMinor: 100_000 },
      after: { budgetMinor: 120_000 },
      name: 'Ben Ito',
      invited: true,
      applications: false,
      deliverables: true,
    },
  };
}

describe('history as sentences', () => {
  const actions = writtenActions();

  it('finds the actions the code writes', () => {
    expect(actions).toEqual(
      expect.arrayContaining(['campaign.created', 'participant.moved', 'post.rejected', 'participant.agreement_expired', 'admin.granted']),
    );
  });

  it.each(actions)('%s reads as a sentence with names, never as codes', (action) => {
    const sentence = historySentence(eventOf(action), names, mention);
    expect(sentence).toMatch(/^(<@U0ANA>|[A-Z])/);
    expect(sentence).not.toContain(action);
    expect(sentence).not.toMatch(/_|participant #|\bundefined\b|\[object/);
    if (action.startsWith('participant.')) expect(sentence).toContain('*Aiko Tanaka*');
    if (action.startsWith('post.')) expect(sentence).toContain('post #3 by *Aiko Tanaka*');
  });

  it('a participant moved by a post names the stages and what the post did', () => {
    const entry: HistoryEntry = {
      actor: 'U0ANA',
      at,
      entityType: 'participant',
      entityId: '4',
      action: 'participant.moved',
      from: 'content_in_review',
      to: 'posted',
      reason: 'post #3 posted',
      details: { postId: 3, postStatus: 'posted' },
    };
    expect(historySentence(entry, names, mention)).toBe('<@U0ANA> moved *Aiko Tanaka* from Content in review to Posted (post #3 went live)');
  });

  it('money changes read in the campaign currency; reasons are quoted and escaped', () => {
    const costs: HistoryEntry = {
      ...eventOf('participant.costs_changed'),
      details: {
        before: { budgetMinor: 100_000, influencerCostMinor: 50_000, shippingCostMinor: 0 },
        after: { budgetMinor: 120_000, influencerCostMinor: 50_000, shippingCostMinor: 1_500 },
      },
    };
    expect(historySentence(costs, names, mention)).toBe(
      '<@U0ANA> changed the money of *Aiko Tanaka*: budget $1,000.00 → $1,200.00, shipping cost $0.00 → $15.00',
    );
    const rejected: HistoryEntry = { ...eventOf('post.rejected'), reason: 'Logo <!channel> & blurry' };
    expect(historySentence(rejected, names, mention)).toBe('<@U0ANA> sent post #3 by *Aiko Tanaka* back: it needs work — “Logo &lt;!channel&gt; &amp; blurry”');
    const corrected: HistoryEntry = { ...eventOf('post.approved'), reason: 'Move the <logo> up', details: { revision: 1, corrections: true } };
    expect(historySentence(corrected, names, mention)).toBe('<@U0ANA> approved post #3 by *Aiko Tanaka* with corrections — “Move the &lt;logo&gt; up”');
    expect(historySentence({ ...eventOf('post.approved'), details: { revision: 1 } }, names, mention)).toBe('<@U0ANA> approved post #3 by *Aiko Tanaka*');
  });

  it('an action nobody taught the renderer reads as words, with its states', () => {
    const entry: HistoryEntry = {
      actor: 'system',
      at,
      entityType: 'participant',
      entityId: '4',
      action: 'participant.contract_archived',
      from: 'signed',
      to: 'collaborating',
    };
    expect(historySentence(entry, names, mention)).toBe('The scheduler recorded “contract archived” for *Aiko Tanaka* from Signed to Collaborating');
  });

  it('a stale click names what happened in words, even for an action without a sentence', () => {
    expect(whatHappened({ ...eventOf('post.contract_archived'), at })).toMatch(/^Already changed \(contract archived\) by <@U0ANA> /);
  });

  it('a brief edited field by field says old → new', () => {
    const entry: HistoryEntry = { ...eventOf('campaign.brief_edited'), from: '2026-06-30', to: '2026-07-15', details: { field: 'endDate' } };
    expect(historySentence(entry, names, mention)).toBe('<@U0ANA> changed the end date from “2026-06-30” to “2026-07-15”');
  });

  it('in a channel, people are named by role so nobody is pinged', () => {
    const who = roleName({ salesPicId: 'U0SALES', influencerPicId: 'U0INF', approverIds: ['U0APP'] });
    expect(['U0SALES', 'U0INF', 'U0APP', 'U0ANA', 'system', 'deadline'].map(who)).toEqual([
      'the sales PIC',
      'the influencer PIC',
      'an approver',
      'a team member',
      'the scheduler',
      'the deadline',
    ]);
    expect(historySentence(eventOf('campaign.completed'), names, who)).toBe('A team member completed the campaign');
    // A reminder names whom it reached the same way, and the deadline acts as itself.
    const reminded: HistoryEntry = { ...eventOf('post.reminded'), actor: 'deadline', details: { to: 'U0APP', reason: 'approval' } };
    expect(historySentence(reminded, names, who)).toBe('Reminded an approver about post #3 by *Aiko Tanaka* (waiting for approval)');
    expect(historySentence(reminded, names, mention)).toBe('Reminded <@U0APP> about post #3 by *Aiko Tanaka* (waiting for approval)');
    expect(historySentence({ ...eventOf('post.approved'), actor: 'deadline', details: { automatic: true } }, names, mention)).toBe(
      'The deadline approved post #3 by *Aiko Tanaka* (nobody decided before the deadline)',
    );
  });
});
