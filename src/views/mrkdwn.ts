/**
 * Escapes user text for mrkdwn. Slack reads `<…>` as links and mentions, so a campaign titled
 * `<!channel>` would ping everyone; `&`, `<` and `>` are the only characters Slack asks to escape.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Cuts text to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
