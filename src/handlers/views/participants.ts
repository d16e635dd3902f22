import type { App } from '@slack/bolt';
import type { HandlerContext } from '../context.js';

export function register(_app: App, _context: HandlerContext): void {}
