/** Slack user IDs look like U012ABCDEF (W… on Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

export function isSlackUserId(value: string): boolean {
  return SLACK_USER_ID.test(value);
}
