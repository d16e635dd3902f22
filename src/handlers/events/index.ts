import type { App } from '@slack/bolt';
import type { HandlerContext } from '../context.js';
import * as appHomeOpened from './app-home-opened.js';
import * as fileShared from './file-shared.js';

export function register(app: App, context: HandlerContext): void {
  for (const listeners of [appHomeOpened, fileShared]) listeners.register(app, context);
}
