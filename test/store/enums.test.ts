import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/domain/brief.js';
import { CAMPAIGN_STATUSES } from '../../src/domain/campaign.js';
import { STAGES } from '../../src/domain/participation.js';
import { POST_STATUSES } from '../../src/domain/posts.js';
import { CampaignStatus, Platform, PostStatus, Stage } from '../../src/generated/prisma/enums.js';

describe('database enums', () => {
  it('hold exactly the domain names, in the domain order', () => {
    expect(Object.values(CampaignStatus)).toEqual([...CAMPAIGN_STATUSES]);
    expect(Object.values(Stage)).toEqual([...STAGES]);
    expect(Object.values(PostStatus)).toEqual([...POST_STATUSES]);
    expect(Object.values(Platform)).toEqual([...PLATFORMS]);
  });
});
