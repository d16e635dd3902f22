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

/**
 * User text ready for mrkdwn and at most `max` characters once escaped (escaping makes text
 * longer, so cutting first is not enough); never cuts an escape such as `&lt;` in half.
 */
export function userText(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp > cut.length - 5 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/** User text on one line (runs of whitespace become one space), escaped and at most `max` characters. */
export function oneLine(text: string, max: number): string {
  return userText(text.replace(/\s+/g, ' ').trim(), max);
}

/** A whole mrkdwn text kept under a block's limit, cut at a line break when one is near. */
export function clampMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 2);
  const lineBreak = cut.lastIndexOf('\n');
  return `${lineBreak > max / 2 ? cut.slice(0, lineBreak) : cut}\n…`;
}

/** A link Slack will not misread: `<url|text>` with the URL's own `|` and `>` percent-encoded; `text` is mrkdwn already. */
export function link(url: string, text: string): string {
  return `<${encodeURI(url).replaceAll('|', '%7C').replaceAll('>', '%3E')}|${text}>`;
}
