// The outbox, from the app's side: a created campaign's card reaches Slack after the ack, and is
// retried when Slack fails once. (Figures of the earlier bench, now against the app as a child process.)
import { CREATE_CAMPAIGN } from '../src/views/campaign-form.js';
import type { FakeSlack } from '../test/support/fake-slack.js';
import { campaignFormValues } from '../test/support/factories.js';
import type { SlackSender } from '../test/support/slack-requests.js';
import { figure, sleep, spread } from './support.js';

const CREATED = 20;
const RETRIED = 5;
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

export async function outbox(app: SlackSender, fakeSlack: FakeSlack): Promise<void> {
  // The n-th post of the card (a failed try is a post too).
  const cardPosted = async (title: string, n: number) => {
    const posts = () => fakeSlack.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes(title)).length;
    for (const deadline = Date.now() + 30_000; posts() < n && Date.now() < deadline; ) await sleep(10);
    if (posts() < n) throw new Error(`the card of "${title}" was not posted within 30 s`);
  };
  const submit = (title: string) =>
    app.viewSubmission({
      callback_id: CREATE_CAMPAIGN,
      values: campaignFormValues({ title, startDate: isoDay(7), endDate: isoDay(37), recruitmentCloseDate: isoDay(3) }),
    });

  const acked: number[] = [];
  const posted: number[] = [];
  for (let i = 0; i < CREATED; i++) {
    const start = performance.now();
    await submit(`Outbox bench ${i}`);
    acked.push(performance.now() - start);
    await cardPosted(`Outbox bench ${i}`, 1);
    posted.push(performance.now() - start);
  }
  figure('create-campaign modal submitted → acknowledged', spread(acked));
  figure('… → its card posted by the outbox', spread(posted));

  const retried: number[] = [];
  for (let i = 0; i < RETRIED; i++) {
    fakeSlack.fail('chat.postMessage', { error: 'internal_error', times: 1 });
    const start = performance.now();
    await submit(`Outbox retried ${i}`);
    await cardPosted(`Outbox retried ${i}`, 2);
    retried.push(performance.now() - start);
  }
  figure('… with Slack answering internal_error once: card posted on the retry', spread(retried));
}
