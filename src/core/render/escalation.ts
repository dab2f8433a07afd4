/**
 * The policy's `escalation` as a real mention (issue 16): the one name in a
 * rendered report that is deliberately not made inert, because the policy
 * chose it to be notified. Adapters pass it only from a policy they trust for
 * decisions (the app: the default branch's; never a check run's report), and
 * it is checked again here against the form the schema accepts, so nothing
 * else can ride along.
 */

const ESCALATION = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;

/** The line that names who decides disagreements, or null when there is nobody (or the value is not a login or team). */
export function escalationLine(escalation: string | null | undefined, lead = 'Disagree with this decision?'): string | null {
  if (escalation === null || escalation === undefined || !ESCALATION.test(escalation)) return null;
  return `**${lead}** The policy names @${escalation} to decide (escalation).`;
}
