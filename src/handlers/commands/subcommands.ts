import type { SubcommandUsage } from '../../views/help.js';

/** Every /campaign subcommand, in the order `help` lists them. */
export const SUBCOMMANDS: SubcommandUsage[] = [{ usage: 'help', summary: 'show this list of subcommands' }];

/** Splits `/campaign <name> <rest>`; no text means help. */
export function parseSubcommand(text: string): { name: string; args: string } {
  const [name = 'help', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  return { name: name.toLowerCase(), args: rest.join(' ') };
}
