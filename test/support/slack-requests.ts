// Requests shaped and signed the way Slack sends them. Shapes follow Slack's references:
// - slash commands: https://docs.slack.dev/interactivity/implementing-slash-commands (and bolt-js `SlashCommand`)
// - Events API envelope: https://docs.slack.dev/apis/events-api/#callback-field; app_home_opened: https://api.slack.com/events/app_home_opened
// - block_actions: https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
// - view_submission / view_closed: https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload
// - signing: https://docs.slack.dev/authentication/verifying-requests-from-slack
import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.js';

export const TEAM_ID = 'T0TEST';
export const APP_ID = 'A0TEST';

export interface SlackResponse {
  status: number;
  /** The JSON body, or the raw text when the body is not JSON (or empty). */
  body: unknown;
}

export function signature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Seconds since the epoch written in X-Slack-Request-Timestamp; default now. */
  timestamp?: number;
  /** Sign with another secret, as a forger would. */
  signingSecret?: string;
  headers?: Record<string, string>;
}

/** Sends Slack's requests to the app under test, signed exactly as Slack signs them. */
export class SlackSender {
  private sequence = 0;
  private last: { body: string; contentType: string; timestamp: number } | undefined;

  constructor(
    private readonly appUrl: string,
    private readonly signingSecret: string,
    private readonly fakeSlack: FakeSlack,
  ) {}

  /** POSTs a raw body to /slack/events with Slack's signature headers. */
  async post(body: string, contentType: string, options: SendOptions = {}): Promise<SlackResponse> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    this.last = { body, contentType, timestamp };
    const response = await fetch(`${this.appUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature(options.signingSecret ?? this.signingSecret, timestamp, body),
        ...options.headers,
      },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : text;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body: parsed };
  }

  /** Sends the previous request again, byte for byte and with its timestamp: a retry or a double submit. */
  replay(): Promise<SlackResponse> {
    if (!this.last) throw new Error('nothing to replay');
    const { body, contentType, timestamp } = this.last;
    return this.post(body, contentType, { timestamp });
  }

  /** `/campaign <text>` typed by `userId` in `channelId`. */
  command(
    text: string,
    {
      userId = 'U0MEMBER',
      channelId = 'C0GENERAL',
      responseUrl = this.fakeSlack.responseUrl(),
      ...options
    }: { userId?: string; channelId?: string; responseUrl?: string } & SendOptions = {},
  ) {
    const form = new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: TEAM_ID,
      team_domain: 'test-workspace',
      channel_id: channelId,
      channel_name: 'general',
      user_id: userId,
      user_name: userId.toLowerCase(),
      command: '/campaign',
      text,
      api_app_id: APP_ID,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: this.triggerId(),
    });
    return this.post(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /**
   * `/campaign <text>` and the app's answer to it: the acknowledgement's body when it has one (help),
   * otherwise the first message the app posted to the command's response_url.
   */
  async answer(text: string, options: { userId?: string; channelId?: string } & SendOptions = {}): Promise<unknown> {
    const responseUrl = this.fakeSlack.responseUrl();
    const acked = await this.command(text, { ...options, responseUrl });
    if (acked.status !== 200 || acked.body !== '') return acked.body;
    return (await this.fakeSlack.waitFor('response_url', (call) => call.url === responseUrl)).args;
  }

  /** An Events API `event_callback` envelope around `event`. */
  event(
    event: Record<string, unknown>,
    { eventId = `Ev${++this.sequence}`, retryNum, ...options }: { eventId?: string; retryNum?: number } & SendOptions = {},
  ) {
    const body = JSON.stringify({
      token: 'deprecated-verification-token',
      team_id: TEAM_ID,
      api_app_id: APP_ID,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
      event_context: `4-${eventId}`,
    });
    const retryHeaders: Record<string, string> =
      retryNum === undefined ? {} : { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' };
    return this.post(body, 'application/json', { ...options, headers: { ...retryHeaders, ...options.headers } });
  }

  appHomeOpened(userId: string, options: SendOptions & { eventId?: string; retryNum?: number } = {}) {
    return this.event({ type: 'app_home_opened', user: userId, channel: 'D0APPHOME', tab: 'home', event_ts: `${Date.now() / 1000}` }, options);
  }

  /**
   * A file shared in a thread: a `message` event with subtype `file_share`
   * (https://docs.slack.dev/reference/events/message/file_share, @slack/types `FileShareMessageEvent`).
   */
  fileShare(
    {
      channelId,
      threadTs,
      userId = 'U0MEMBER',
      fileId,
      name = 'insights.png',
    }: { channelId: string; threadTs: string; userId?: string; fileId: string; name?: string },
    options: SendOptions & { eventId?: string; retryNum?: number } = {},
  ) {
    const ts = `${(Date.now() / 1000).toFixed(6)}`;
    const file = {
      id: fileId,
      created: Math.floor(Date.now() / 1000),
      timestamp: Math.floor(Date.now() / 1000),
      name,
      title: name,
      mimetype: 'image/png',
      filetype: 'png',
      pretty_type: 'PNG',
      user: userId,
      user_team: TEAM_ID,
      editable: false,
      size: 48213,
      mode: 'hosted',
      is_external: false,
      external_type: '',
      is_public: true,
      public_url_shared: false,
      display_as_bot: false,
      username: '',
      url_private: `https://files.slack.com/files-pri/${TEAM_ID}-${fileId}/${name}`,
      url_private_download: `https://files.slack.com/files-pri/${TEAM_ID}-${fileId}/download/${name}`,
      permalink: `https://test-workspace.slack.com/files/${userId}/${fileId}/${name}`,
      permalink_public: `https://slack-files.com/${TEAM_ID}-${fileId}-0ce8936320`,
    };
    return this.event(
      {
        type: 'message',
        subtype: 'file_share',
        text: '',
        files: [file],
        upload: false,
        user: userId,
        display_as_bot: false,
        ts,
        thread_ts: threadTs,
        parent_user_id: 'U0BOT',
        channel: channelId,
        event_ts: ts,
        channel_type: 'channel',
      },
      options,
    );
  }

  /** An interactivity payload (block_actions, view_submission, view_closed), form-encoded as `payload=`. */
  interaction(payload: Record<string, unknown>, options: SendOptions = {}) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  /** A click on a button, in a channel message. */
  blockAction(
    action: { action_id: string; block_id?: string; value?: string },
    {
      userId = 'U0MEMBER',
      channelId = 'C0GENERAL',
      messageTs = '1700000000.000100',
      fromHome = false,
      ...options
    }: { userId?: string; channelId?: string; messageTs?: string; fromHome?: boolean } & SendOptions = {},
  ) {
    // A click in the App Home comes from a view: no channel, no message, no response_url.
    const where = fromHome
      ? {
          container: { type: 'view', view_id: 'V0HOME' },
          view: { id: 'V0HOME', type: 'home', blocks: [], private_metadata: '', callback_id: '', state: { values: {} }, hash: 'h' },
        }
      : {
          container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
          channel: { id: channelId, name: 'general' },
          message: { type: 'message', ts: messageTs, text: '', blocks: [] },
          response_url: this.fakeSlack.responseUrl(),
        };
    return this.interaction(
      {
        type: 'block_actions',
        user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
        api_app_id: APP_ID,
        token: 'deprecated-verification-token',
        ...where,
        trigger_id: this.triggerId(),
        team: { id: TEAM_ID, domain: 'test-workspace' },
        enterprise: null,
        is_enterprise_install: false,
        state: { values: {} },
        actions: [
          {
            type: 'button',
            block_id: action.block_id ?? 'actions',
            action_id: action.action_id,
            value: action.value,
            action_ts: `${Date.now() / 1000}`,
            text: { type: 'plain_text', text: action.action_id },
          },
        ],
      },
      options,
    );
  }

  /**
   * The user acts inside an open modal (a button, or a select that dispatches): Slack sends the view
   * with what is typed so far and its hash. Returns the view the app drew with `views.update`, after
   * checking that the update carries that hash (so it cannot overwrite a newer view).
   */
  async inModal<V>(
    modal: { blocks: unknown[]; private_metadata?: string; callback_id: string },
    action: Record<string, unknown> & { action_id: string; block_id: string },
    { values = {}, userId = 'U0MEMBER' }: { values?: Record<string, Record<string, unknown>>; userId?: string } = {},
  ): Promise<V & { id: string }> {
    const viewId = `VMODAL${++this.sequence}`;
    const hash = `1700000000.modal${this.sequence}`;
    await this.interaction({
      type: 'block_actions',
      user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
      api_app_id: APP_ID,
      token: 'deprecated-verification-token',
      container: { type: 'view', view_id: viewId },
      trigger_id: this.triggerId(),
      team: { id: TEAM_ID, domain: 'test-workspace' },
      enterprise: null,
      is_enterprise_install: false,
      view: {
        id: viewId,
        team_id: TEAM_ID,
        type: 'modal',
        blocks: modal.blocks,
        private_metadata: modal.private_metadata ?? '',
        callback_id: modal.callback_id,
        state: { values },
        hash,
        app_id: APP_ID,
        bot_id: 'B0BOT',
      },
      actions: [{ type: 'button', action_ts: `${Date.now() / 1000}`, ...action }],
    });
    const call = await this.fakeSlack.waitFor('views.update', (c) => c.args.view_id === viewId);
    if (call.args.hash !== hash) throw new Error('the update must carry the hash of the view it replaces');
    return { ...(call.args.view as V), id: viewId };
  }

  /** Submits a modal; `values` is `view.state.values` (block_id → action_id → element state). */
  viewSubmission(
    view: { callback_id: string; private_metadata?: string; values: Record<string, Record<string, unknown>>; id?: string },
    { userId = 'U0MEMBER', ...options }: { userId?: string } & SendOptions = {},
  ) {
    return this.interaction(
      {
        type: 'view_submission',
        team: { id: TEAM_ID, domain: 'test-workspace' },
        user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: TEAM_ID },
        api_app_id: APP_ID,
        token: 'deprecated-verification-token',
        trigger_id: this.triggerId(),
        view: this.viewOutput(view),
        response_urls: [],
        is_enterprise_install: false,
        enterprise: null,
      },
      options,
    );
  }

  viewClosed(view: { callback_id: string; private_metadata?: string }, { userId = 'U0MEMBER' }: { userId?: string } = {}) {
    return this.interaction({
      type: 'view_closed',
      team: { id: TEAM_ID, domain: 'test-workspace' },
      user: { id: userId, name: userId.toLowerCase(), team_id: TEAM_ID },
      api_app_id: APP_ID,
      token: 'deprecated-verification-token',
      view: this.viewOutput({ ...view, values: {} }),
      is_cleared: false,
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  private viewOutput(view: { callback_id: string; private_metadata?: string; values: Record<string, Record<string, unknown>>; id?: string }) {
    const id = view.id ?? `V${++this.sequence}`;
    return {
      id,
      team_id: TEAM_ID,
      type: 'modal',
      blocks: [],
      private_metadata: view.private_metadata ?? '',
      callback_id: view.callback_id,
      state: { values: view.values },
      hash: `${Date.now()}.hash`,
      title: { type: 'plain_text', text: 'Modal' },
      clear_on_close: false,
      notify_on_close: true,
      close: null,
      submit: null,
      previous_view_id: null,
      root_view_id: id,
      app_id: APP_ID,
      external_id: '',
      app_installed_team_id: TEAM_ID,
      bot_id: 'B0BOT',
    };
  }

  private triggerId(): string {
    return `${++this.sequence}.${Date.now()}.trigger`;
  }
}
