/**
 * The chat formats a webhook may take, one module each, dispatched by an
 * exhaustive switch: a format without a case is a type error.
 */
import type { Notification } from './notification.js';
import type { NotifyFormat } from './notify-format-names.js';
import { renderSlack } from './slack.js';
import { renderTeams } from './teams.js';

/** The JSON body to POST to a webhook of `format`. */
export function renderNotification(format: NotifyFormat, n: Notification): unknown {
  switch (format) {
    case 'slack':
      return renderSlack(n);
    case 'teams':
      return renderTeams(n);
    default: {
      const unknown: never = format;
      throw new Error(`unknown notification format ${String(unknown)}`);
    }
  }
}
