// After a decision about influencers, the influencer PIC gets the message to send them. Runs after
// the change is saved and acknowledged; a Slack failure is logged and changes nothing.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Campaign } from '../domain/brief.js';
import { type Participant, agreementExpiresAt } from '../domain/participation.js';
import type { Prisma } from '../workflow/database.js';
import type { SlackMessage } from '../views/help.js';
import { collaborationStartedMessage, influencerMessage, isToldStage, signByText } from '../views/influencer-messages.js';
import { getCampaign } from '../workflow/campaigns.js';
import { digestSettings } from '../workflow/digests.js';
import { listParticipants } from '../workflow/participants.js';
import { slackErrorCode } from '../slack-client.js';

/** Ephemerally to the influencer PIC when they acted (in the campaign's channel), else by direct message to them. */
async function toInfluencerPic(client: WebClient, logger: Logger, campaign: Campaign, actorId: string, message: SlackMessage): Promise<void> {
  const pic = campaign.influencerPicId;
  try {
    if (actorId === pic) {
      const shown = await client.chat.postEphemeral({ channel: campaign.channelId, user: pic, ...message }).then(
        () => true,
        () => false,
      ); // not in the channel: a DM instead
      if (shown) return;
    }
    const opened = await client.conversations.open({ users: pic });
    await client.chat.postMessage({ channel: opened.channel?.id as string, ...message });
  } catch (error) {
    logger.warn(`Could not send the influencer message of campaign ${campaign.id} to ${pic}:`, slackErrorCode(error) ?? error);
  }
}

/** One message per stage the moved participants arrived in, when influencers must hear about it. */
export async function tellAboutMoves(
  client: WebClient,
  prisma: Prisma,
  logger: Logger,
  campaignId: number,
  moved: Participant[],
  actorId: string,
): Promise<void> {
  const told = moved.filter((p) => isToldStage(p.stage));
  const campaign = told.length ? await getCampaign(prisma, campaignId) : undefined;
  if (!campaign) return;
  const { timeZone } = await digestSettings(prisma);
  for (const stage of new Set(told.map((p) => p.stage))) {
    if (!isToldStage(stage)) continue;
    const group = told.filter((p) => p.stage === stage);
    const expires = stage === 'agreement_sent' ? agreementExpiresAt(group[0]!, campaign) : null;
    const message = influencerMessage(
      campaign,
      stage,
      group.map((p) => p.influencerName),
      expires ? signByText(expires, timeZone) : undefined,
    );
    await toInfluencerPic(client, logger, campaign, actorId, message);
  }
}

/** After collaboration starts: who collaborates, who was not selected, and what to tell each. */
export async function tellAboutCollaboration(client: WebClient, prisma: Prisma, logger: Logger, campaign: Campaign, actorId: string): Promise<void> {
  const participants = await listParticipants(prisma, campaign.id);
  const names = (stage: Participant['stage']) => participants.filter((p) => p.stage === stage).map((p) => p.influencerName);
  await toInfluencerPic(client, logger, campaign, actorId, collaborationStartedMessage(campaign, names('collaborating'), names('not_selected')));
}
