import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import {
  type Participant,
  STAGE_LABELS,
  agreementExpired,
  agreementExpiresAt,
  describeDeliverable,
  mayEditDeliverables,
  needsFollowUp,
  resendAgreement,
} from '../domain/participation.js';
import { button, context, input, modal, option, plain, section, textModal } from './blocks.js';
import { OPEN_DELIVERABLES } from './deliverables.js';
import { zonedDateTime } from './format.js';
import { truncate, userText } from './mrkdwn.js';
import { campaignParticipants, metadataOf } from './metadata.js';

/** The "Send agreement again" button on a declined or expired agreement: value "<participantId>:<version>". */
export const RESEND_AGREEMENT = 'agreement_resend';
export const RESEND_FORM = 'agreement_resend_form';
export const RESEND_PICK = 'resend_participant';
const MAX_OPTIONS = 100;

/** Whether a PIC may send this participant's agreement again now (expired or declined, before collaboration). */
export function mayResend(participant: Participant, campaign: Campaign, now: Date): boolean {
  return resendAgreement(participant, campaign, now).ok;
}

/**
 * The line about a participant's agreement, with its clock in the workspace's time zone
 * ("sign by Sun 6 Dec, 09:00", or that it passed), or when it was declined or signed.
 * Undefined before one was sent.
 */
export function agreementLine(participant: Participant, campaign: Campaign, now: Date, timeZone: string): string | undefined {
  const expiresAt = agreementExpiresAt(participant, campaign);
  if (!expiresAt) return undefined;
  const when = zonedDateTime(expiresAt, timeZone);
  if (participant.stage === 'agreement_sent') {
    return agreementExpired(participant, campaign, now)
      ? `:warning: Agreement expired unsigned (sign by ${when} passed)`
      : `:memo: Agreement sent · sign by ${when}`;
  }
  if (participant.stage === 'declined' && participant.agreementDeclinedAt)
    return `:x: Agreement declined ${zonedDateTime(participant.agreementDeclinedAt, timeZone)}`;
  if (participant.agreementSignedAt) return `:white_check_mark: Agreement signed ${zonedDateTime(participant.agreementSignedAt, timeZone)}`;
  return undefined;
}

/**
 * One section per participant: its stage, agreement clock and deliverables, with the button that
 * acts on it (send the agreement again, or edit the deliverables while they are editable).
 */
function followUpBlocks(
  items: Array<{ campaign: Campaign; participant: Participant }>,
  now: Date,
  timeZone: string,
  { withCampaign = false } = {},
): KnownBlock[] {
  return items.map(({ campaign, participant: p }) => {
    const where = withCampaign ? ` in *${campaignReference(campaign.id)}* ${userText(campaign.title, 60)}` : '';
    const lines = [
      `*${userText(p.influencerName, 80)}*${where} · ${STAGE_LABELS[p.stage]}`,
      agreementLine(p, campaign, now, timeZone),
      ...p.deliverables.map((d) => `• ${userText(describeDeliverable(d), 300)}`),
    ].filter(Boolean);
    const value = `${p.id}:${p.version}`;
    const accessory = mayResend(p, campaign, now)
      ? button(RESEND_AGREEMENT, 'Send agreement again', value)
      : mayEditDeliverables(p, campaign).ok
        ? button(OPEN_DELIVERABLES, 'Deliverables', value)
        : undefined;
    return section(lines.join('\n'), { accessory });
  });
}

/**
 * "Agreements and deliverables": a heading, one section per participant to follow up, and how to
 * see the rest, within `maxBlocks` (what is left of the surface's block limit).
 */
export function followUpSection(
  items: Array<{ campaign: Campaign; participant: Participant }>,
  now: Date,
  timeZone: string,
  maxBlocks: number,
  options: { withCampaign?: boolean; more: string },
): KnownBlock[] {
  const followed = items.filter(({ participant }) => needsFollowUp(participant));
  if (followed.length === 0 || maxBlocks < 3) return [];
  const shown = followed.slice(0, maxBlocks - 2);
  const rest = followed.length - shown.length;
  return [
    section(`*Agreements and deliverables* (${followed.length}) · times in ${userText(timeZone, 60)}`),
    ...followUpBlocks(shown, now, timeZone, options),
    ...(rest > 0 ? [context(`+${rest} more — ${options.more}`)] : []),
  ];
}

/** `/campaign resend`: choose whose declined or expired agreement to send again. */
export function resendModal(campaign: Campaign, resendable: Participant[]): ModalView {
  const shown = resendable.slice(0, MAX_OPTIONS);
  const options: PlainTextOption[] = shown.map((p) => {
    const stage = p.stage === 'declined' ? 'declined' : 'expired';
    return option(String(p.id), `${truncate(p.influencerName, 75 - stage.length - 3)} · ${stage}`);
  });
  return modal({
    callback_id: RESEND_FORM,
    private_metadata: metadataOf(campaignParticipants, { campaignId: campaign.id, versions: Object.fromEntries(shown.map((p) => [p.id, p.version])) }),
    title: 'Send agreement again',
    submit: 'Send again',
    blocks: [
      section(
        `Send the agreement again in *${campaignReference(campaign.id)} ${userText(campaign.title, 200)}*: the participant is back in Agreement sent with a new signing window of ${campaign.agreementWindowDays} days.`,
      ),
      input(RESEND_PICK, 'Participant', { type: 'static_select', placeholder: plain('Declined or expired agreements'), options }),
    ],
  });
}

/** What the PIC sees after sending again: to whom, and the new clock. */
export function resentText(participant: Participant, campaign: Campaign, timeZone: string): string {
  const expiresAt = agreementExpiresAt(participant, campaign);
  return `:memo: Agreement sent again to *${userText(participant.influencerName, 100)}*${expiresAt ? ` · sign by ${zonedDateTime(expiresAt, timeZone)}` : ''}.`;
}

export function resentModal(text: string): ModalView {
  return textModal('Send agreement again', text, 'Done');
}
