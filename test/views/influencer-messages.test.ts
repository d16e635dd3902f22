import { describe, expect, it } from 'vitest';
import { collaborationStartedMessage, influencerMessage, isToldStage } from '../../src/views/influencer-messages.js';
import { STAGES } from '../../src/domain/participation.js';
import { mrkdwnTexts } from '../support/block-kit.js';
import { campaignFixture } from '../support/factories.js';

const evil = '```<!channel> & <@U0BOSS>```'.repeat(200);

describe('ready-to-send influencer messages', () => {
  it('are drafted for the decisions influencers hear about, and no other stage', () => {
    expect(STAGES.filter(isToldStage)).toEqual(['invited', 'approved', 'agreement_sent', 'collaborating', 'not_selected']);
  });

  it('keep user text escaped and inside one whole code block, however long', () => {
    const campaign = campaignFixture({ title: evil, advertiser: evil, postRequirements: evil, trackingUrl: `https://x.example.com/${evil}` });
    for (const message of [influencerMessage(campaign, 'invited', [evil]), collaborationStartedMessage(campaign, [evil, evil], [evil])]) {
      const texts = mrkdwnTexts(message);
      for (const text of texts) {
        expect(text).not.toMatch(/<!channel>|<@U0BOSS>/);
        expect(text.length).toBeLessThanOrEqual(3000);
      }
      const drafts = texts.filter((text) => text.startsWith('```'));
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) expect(draft.match(/```/g)).toHaveLength(2);
    }
  });

  it('a draft for several influencers greets them all; the declined one carries no campaign details', () => {
    const message = collaborationStartedMessage(campaignFixture(), ['Aiko Tanaka', 'Ben Ito'], ['Chie Mori']);
    const [collaborating, notSelected] = mrkdwnTexts(message).filter((text) => text.startsWith('```'));
    expect(collaborating).toMatch(/^```Hi,\n\nOur collaboration starts now on/);
    expect(collaborating).toContain('Dates: ');
    expect(notSelected).toMatch(/^```Hi Chie Mori,\n\nThank you for your interest in/);
    expect(notSelected).not.toContain('Dates: ');
  });
});
