import type { Listeners } from '../listeners.js';
import type { HandlerContext } from '../context.js';
import * as appHomeOpened from './app-home-opened.js';
import * as fileShared from './file-shared.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  for (const file of [appHomeOpened, fileShared]) file.register(listeners, context);
}
