import type { Listeners } from '../listeners.js';
import { refusalModal } from '../../views/refusals.js';
import { ADMINS_BLOCK, DIGEST_FIELDS, SETTINGS } from '../../views/settings.js';
import { setAdmins } from '../../workflow/admins.js';
import { digestSettingsErrors, updateDigestSettings } from '../../workflow/digests.js';
import type { HandlerContext } from '../context.js';
import { parseDigestSettings } from './campaign-brief.js';
import { read } from './form.js';

/** The app's settings: its admins and the digest schedule. */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(SETTINGS, async ({ ack, body, view }) => {
    const acting = { userId: body.user.id, now: now() };
    const chosenAdmins = read(view.state.values, ADMINS_BLOCK).selected_users ?? [];
    const schedule = parseDigestSettings(view.state.values);
    // Every fault at once, checked before anything is saved, so the two settings change together or not at all.
    const errors = {
      ...(chosenAdmins.length === 0 ? { [ADMINS_BLOCK]: 'Keep at least one admin.' } : {}),
      ...Object.fromEntries(
        Object.entries(digestSettingsErrors(schedule)).map(([field, message]) => [DIGEST_FIELDS[field as keyof typeof DIGEST_FIELDS], message]),
      ),
    };
    if (Object.keys(errors).length) return ack({ response_action: 'errors', errors });
    const digest = await updateDigestSettings(prisma, schedule, acting);
    if (!digest.ok) return ack({ response_action: 'update', view: refusalModal('Settings', digest) });
    const saved = await setAdmins(prisma, chosenAdmins, acting);
    if (!saved.ok) return ack({ response_action: 'update', view: refusalModal('Settings', saved) });
    await ack();
  });
}
