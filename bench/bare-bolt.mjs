// The baseline of `npm run bench`: a bare Bolt 5.1 app with the same @slack/bolt and receiver as
// the app, one command and one button that only ack, and GET /healthz. Plain JS, run by node alone.
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  customRoutes: [
    { path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}') },
  ],
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/campaign', async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
await app.start(Number(process.env.PORT ?? 3000));
console.log(`Listening on port ${process.env.PORT}`);
