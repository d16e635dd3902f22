import type { CampaignBrief } from '../../src/domain/brief.js';
import type { Prisma } from '../../src/store/database.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers } from '../../src/workflow/influencers.js';
import * as participants from '../../src/workflow/participants.js';
import { PEOPLE, T0, at, brief, influencer, ok } from './workflow.js';

const pic = at(PEOPLE.salesPic);

/** A campaign taken through the workflow with use cases only, up to recruiting with two candidates. */
export async function recruitingCampaign(prisma: Prisma, title = 'Spring skincare launch', overrides: Partial<CampaignBrief> = {}) {
  const created = await campaigns.createCampaign(prisma, brief({ title, ...overrides }), at(PEOPLE.member));
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const id = created.campaign.id;
  const suffix = `${id}`;
  const [aiko, ben] = ok(
    await addInfluencers(prisma, [influencer('Aiko Tanaka', `aiko${suffix}`, 120_000), influencer('Ben Ito', `ben${suffix}`, 45_000)], at(PEOPLE.member)),
  );
  ok(await campaigns.publishProposal(prisma, id, pic));
  ok(await campaigns.approveProposal(prisma, id, at(PEOPLE.approver)));
  ok(await campaigns.openRecruitment(prisma, id, pic));
  const added = ok(await participants.addParticipants(prisma, id, [{ influencerId: aiko!.id }, { influencerId: ben!.id }], at(PEOPLE.member)));
  return { id, influencers: [aiko!, ben!], participants: added };
}

/** Moves a participant along the pipeline to Signed. */
export async function sign(prisma: Prisma, participantId: number) {
  for (const stage of ['invited', 'applied', 'approved', 'deliverables', 'agreement_sent', 'signed'] as const) {
    ok(await participants.moveParticipant(prisma, participantId, stage, at(PEOPLE.member)));
  }
}

/** A campaign collaborating with one influencer (the first signed, the second not selected). */
export async function collaboratingCampaign(prisma: Prisma, title?: string, overrides: Partial<CampaignBrief> = {}) {
  const scenario = await recruitingCampaign(prisma, title, overrides);
  const [signed, other] = scenario.participants;
  await sign(prisma, signed!.id);
  ok(await campaigns.closeRecruitment(prisma, scenario.id, pic));
  ok(await campaigns.startCollaboration(prisma, scenario.id, pic));
  return { ...scenario, collaborator: signed!, notSelected: other!, account: scenario.influencers[0]!.accounts[0]! };
}

export { T0 };
