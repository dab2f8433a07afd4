export const id = 78;
export const ids = [78];
export const modules = {

/***/ 1078:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderNotification: () => (/* binding */ renderNotification)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/render/format-values.ts
var format_values = __webpack_require__(3796);
;// CONCATENATED MODULE: ./src/core/notify/chat-text.ts
/**
 * Text for chat messages, shared by the formats: user text made one clean line
 * (control characters and bidirectional overrides removed, line breaks as
 * spaces) and cut to a length with a marker, and the figures as the PR comment
 * prints them. Each format adds its own escaping on top (slack.ts, teams.ts).
 */


/** What a cut text ends with. */
const CUT_MARKER = '…';
/** One line without control characters or bidirectional embeddings, overrides and isolates (they reorder what follows). */
function oneLine(text) {
    return (text
        .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
        .replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));
}
/** At most `max` UTF-16 units, ending with the marker when cut (never half a surrogate pair). */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let cut = text.slice(0, Math.max(0, max - CUT_MARKER.length));
    if (/[\ud800-\udbff]$/.test(cut))
        cut = cut.slice(0, -1);
    return `${cut}${CUT_MARKER}`;
}
/** The headline of a notification, without markup; `environment` is how the format shows user text. */
function headline(n, environment) {
    switch (n.kind) {
        case 'blocked':
            return `Deploys to ${environment(n.environment)} are blocked: ${n.status}`;
        case 'override':
            return `Deploys to ${environment(n.environment)} went ahead under an override: ${n.status}`;
        case 'held-released':
            return `A held deploy to ${environment(n.environment)} was released after ${(0,duration/* humanDuration */.UU)(n.heldSeconds)}: ${n.status}`;
        case 'held-expired':
            return `A held deploy to ${environment(n.environment)} was rejected after ${(0,duration/* humanDuration */.UU)(n.heldSeconds)}, its hold's limit: ${n.status}`;
        case 'postmortem-overdue':
            return `${n.items.length} postmortem action item${n.items.length === 1 ? ' is' : 's are'} overdue`;
        case 'freeze-started':
        case 'freeze-ended': {
            const what = n.scope === 'all' ? 'all environments' : environment(n.scope);
            const where = n.organisation !== null ? ` in every repository of ${environment(n.organisation)}` : '';
            return n.kind === 'freeze-started'
                ? `Deploys to ${what} are frozen${where} until ${n.until}`
                : `The freeze of ${what}${where} has ended`;
        }
    }
}
/** Label and value of a freeze notification's facts (the reason is shown apart: it is longer user text). */
function freezeFigures(n) {
    return [
        ['Scope', n.scope === 'all' ? 'all environments' : n.scope],
        [n.kind === 'freeze-started' ? 'Until' : 'Was until', n.until],
        ['Frozen by', n.by],
    ];
}
/** The headline's mark for a deploy notification. */
function deployIcon(n) {
    return { blocked: '🚫', override: '⚠️', 'held-released': '✅', 'held-expired': '⌛' }[n.kind];
}
/** Label and value of the figures a deploy notification lists (our own text: no user input). */
function deployFigures(n) {
    return [
        ['Status', n.kind === 'blocked' ? `${n.status} (blocks at ${n.blockOn})` : n.status],
        ['Budget remaining', (0,format_values/* formatPercent */.l9)(n.budgetRemaining)],
        ['Burn rate (1h)', (0,format_values/* formatBurnRate */.Tr)(n.burnRate)],
        ...(n.kind === 'override' ? [['Override level', n.level]] : []),
        ...(n.kind === 'blocked' && n.requiredOverride ? [['Override needed', n.requiredOverride]] : []),
        ...(n.kind === 'held-released' || n.kind === 'held-expired'
            ? [['Held for', (0,duration/* humanDuration */.UU)(n.heldSeconds)]]
            : []),
    ];
}
/** Most reasons listed; the rest are counted. */
const MAX_REASONS = 10;
/** Longest reason shown. */
const MAX_REASON_CHARS = 300;
/** Most overdue items listed. */
const MAX_ITEMS = 15;
/** The reasons to list, each clipped, with a count of the rest. */
function shownReasons(reasons) {
    return {
        shown: reasons.slice(0, MAX_REASONS).map((r) => clip(oneLine(r), MAX_REASON_CHARS)),
        more: Math.max(0, reasons.length - MAX_REASONS),
    };
}

;// CONCATENATED MODULE: ./src/core/notify/slack.ts
/**
 * Slack incoming webhooks (and the Slack-compatible ones of Mattermost and
 * Rocket.Chat): `{ text, blocks }`. Block Kit renders in Slack; `text` is the
 * notification's fallback there and what Mattermost and Rocket.Chat show.
 *
 * User text is inert in both:
 * - in `blocks` it is only ever a `plain_text` text object with `emoji: false`:
 *   Slack parses formatting, links and mentions in `mrkdwn` text only
 *   (https://docs.slack.dev/reference/block-kit/composition-objects/text-object);
 * - in `text` (mrkdwn for Slack, Markdown for Mattermost and Rocket.Chat) it is
 *   an inline code span: no formatting, link or mention inside one in either.
 * Both also get `&`, `<` and `>` escaped, as Slack requires of every text
 * (https://docs.slack.dev/messaging/formatting-message-text#escaping), so
 * `<!here>`, `<!channel>`, `<@U123>` and `<https://x|label>` never reach the
 * parser, and a zero-width space after `@` keeps Mattermost's `@channel`,
 * `@here`, `@all` and `@user` from pinging anyone.
 *
 * Limits (https://docs.slack.dev/reference/block-kit/blocks): at most 50 blocks
 * in a message; a header's plain_text at most 150 characters; a section's text
 * at most 3000, its fields at most 10 of at most 2000; a context block at most 10
 * elements. Everything is cut with a marker below them.
 */

const SLACK_LIMITS = {
    blocks: 50,
    header: 150,
    sectionText: 3000,
    field: 2000,
    fields: 10,
    text: 3000,
};
const ZWSP = '\u200b';
/** `&`, `<`, `>` as entities, and no `@` mention: the escaping every Slack text gets. */
function escapeSlack(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, `@${ZWSP}`);
}
/** Cut escaped text without splitting an entity (or the zero-width space after an @). */
function clipEscaped(text, max) {
    if (text.length <= max)
        return text;
    const cut = text
        .slice(0, max - CUT_MARKER.length)
        .replace(/[\ud800-\udbff]$/, '')
        .replace(/&[a-z]{0,3}$/, '')
        .replace(/@$/, '');
    return `${cut}${CUT_MARKER}`;
}
/** User text as a Block Kit `plain_text` object of at most `max` characters. */
function plain(text, max = SLACK_LIMITS.sectionText) {
    const value = clipEscaped(escapeSlack(oneLine(text)), max);
    return { type: 'plain_text', text: value === '' ? ' ' : value, emoji: false };
}
/** Lines of user text, each made one line (so no user text adds a line), in one `plain_text` object. */
function plainLines(lines, max = SLACK_LIMITS.sectionText) {
    const value = clipEscaped(lines.map((l) => escapeSlack(oneLine(l))).join('\n'), max);
    return { type: 'plain_text', text: value.trim() === '' ? ' ' : value, emoji: false };
}
/** Our own mrkdwn (labels, figures, links we build): never user text. */
function mrkdwn(text, max = SLACK_LIMITS.sectionText) {
    return { type: 'mrkdwn', text: clip(text, max) };
}
/** User text inside mrkdwn or Markdown: an inline code span, backticks replaced so it cannot close. */
function code(text, max = 300) {
    const inner = clipEscaped(escapeSlack(oneLine(text).replace(/`/g, 'ˋ')), max);
    return inner.trim() === '' ? '(empty)' : `\`${inner}\``;
}
/** An http(s) URL as a Slack link `<url|label>`; `|` and `>` cannot appear in a parsed URL's href. */
function slack_link(url, label) {
    if (!url)
        return null;
    try {
        const u = new URL(url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:')
            return null;
        return `<${u.href.replace(/\|/g, '%7C').replace(/>/g, '%3E')}|${label}>`;
    }
    catch {
        return null;
    }
}
function deployBlocks(n) {
    const blocks = [
        { type: 'header', text: plain(`${deployIcon(n)} ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
        {
            type: 'section',
            fields: [
                mrkdwn('*Repository*'),
                plain(n.repository, SLACK_LIMITS.field),
                ...deployFigures(n).flatMap(([label, value]) => [mrkdwn(`*${label}*`), plain(value, SLACK_LIMITS.field)]),
            ].slice(0, SLACK_LIMITS.fields),
        },
    ];
    if (n.kind === 'override') {
        blocks.push({ type: 'section', text: mrkdwn('*Overridden by*') }, { type: 'section', text: plain(`${n.actor}: ${n.reason}`) });
    }
    const { shown, more } = shownReasons(n.reasons);
    if (shown.length > 0) {
        blocks.push({ type: 'section', text: mrkdwn('*Why*') }, { type: 'section', text: plainLines([...shown.map((r) => `• ${r}`), ...(more > 0 ? [`… and ${more} more`] : [])]) });
    }
    const run = slack_link(n.runUrl, 'Workflow run');
    blocks.push({ type: 'context', elements: [...(run ? [mrkdwn(run)] : []), plain(`evaluated ${n.evaluatedAt} · deploy-governor`, 200)] });
    return blocks;
}
function overdueBlocks(n) {
    const items = n.items.slice(0, MAX_ITEMS);
    return [
        { type: 'header', text: plain(`⏰ ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
        { type: 'section', fields: [mrkdwn('*Repository*'), plain(n.repository, SLACK_LIMITS.field)] },
        ...items.map((i) => ({
            type: 'section',
            fields: [
                mrkdwn(slack_link(i.url, `#${i.issue}`) ?? `#${i.issue}`),
                plain(`due ${i.due}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue${i.owner ? `, owner ${i.owner}` : ''}`, 300),
            ],
        })),
        ...(n.items.length > items.length
            ? [{ type: 'context', elements: [plain(`… and ${n.items.length - items.length} more`)] }]
            : []),
    ];
}
function freezeBlocks(n) {
    const issue = slack_link(n.issueUrl, 'Freeze issue');
    return [
        { type: 'header', text: plain(`${n.kind === 'freeze-started' ? '🧊' : '🌤️'} ${headline(n, (e) => e)}`, SLACK_LIMITS.header) },
        {
            type: 'section',
            fields: [
                mrkdwn('*Repository*'),
                plain(n.repository, SLACK_LIMITS.field),
                ...freezeFigures(n).flatMap(([label, value]) => [mrkdwn(`*${label}*`), plain(value, SLACK_LIMITS.field)]),
            ].slice(0, SLACK_LIMITS.fields),
        },
        { type: 'section', text: mrkdwn('*Reason*') },
        { type: 'section', text: plain(n.reason) },
        { type: 'context', elements: [...(issue ? [mrkdwn(issue)] : []), plain('deploy-governor', 200)] },
    ];
}
/** The fallback text (and Mattermost's and Rocket.Chat's message): user text in code spans. */
function fallback(n) {
    switch (n.kind) {
        case 'blocked':
        case 'override':
        case 'held-released':
        case 'held-expired': {
            const lines = [`*${headline(n, (e) => code(e, 100))}* in ${code(n.repository, 140)}`];
            if (n.kind === 'override')
                lines.push(`Overridden by ${code(n.actor, 60)} at level ${n.level}: ${code(n.reason, 500)}`);
            const { shown, more } = shownReasons(n.reasons);
            lines.push(...shown.map((r) => `- ${code(r)}`), ...(more > 0 ? [`- … and ${more} more`] : []));
            const run = slack_link(n.runUrl, 'Workflow run');
            if (run)
                lines.push(run);
            return lines.join('\n');
        }
        case 'freeze-started':
        case 'freeze-ended': {
            const issue = slack_link(n.issueUrl, 'Freeze issue');
            return [
                `*${headline(n, (e) => code(e, 100))}* (${code(n.repository, 140)})`,
                `Frozen by ${code(n.by, 60)}: ${code(n.reason, 500)}`,
                ...(issue ? [issue] : []),
            ].join('\n');
        }
        case 'postmortem-overdue':
            return [
                `*${headline(n, (e) => e)}* in ${code(n.repository, 140)}`,
                ...n.items
                    .slice(0, MAX_ITEMS)
                    .map((i) => `- #${i.issue}: due ${code(i.due, 20)}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue`),
                ...(n.items.length > MAX_ITEMS ? [`- … and ${n.items.length - MAX_ITEMS} more`] : []),
            ].join('\n');
    }
}
/** Cut the fallback at a line break below the limit. */
function clipLines(text, max) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - 2);
    const at = cut.lastIndexOf('\n');
    return `${at > 0 ? cut.slice(0, at) : ''}\n${CUT_MARKER}`;
}
function renderSlack(n) {
    const blocks = (() => {
        switch (n.kind) {
            case 'postmortem-overdue':
                return overdueBlocks(n);
            case 'freeze-started':
            case 'freeze-ended':
                return freezeBlocks(n);
            default:
                return deployBlocks(n);
        }
    })();
    return { text: clipLines(fallback(n), SLACK_LIMITS.text), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

;// CONCATENATED MODULE: ./src/core/notify/teams.ts
/**
 * Microsoft Teams workflow webhooks ("Post to a channel when a webhook request
 * is received"): `{ type: 'message', attachments: [{ contentType:
 * 'application/vnd.microsoft.card.adaptive', content: <Adaptive Card> }] }`.
 *
 * The card is version 1.4 (Teams renders up to 1.5:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference#adaptive-card).
 * User text is only ever a `TextRun` inside a `RichTextBlock`, which Adaptive
 * Cards never read as Markdown (https://adaptivecards.io/explorer/TextRun.html:
 * unlike TextBlock, no Markdown), so no link, emphasis or list comes from it;
 * Teams mentions need `<at>` with an entity in `msteams.entities`, which the
 * card has none of. Our own labels and figures are TextBlocks and a FactSet,
 * and the only link is the workflow run, as an `Action.OpenUrl` with an http(s) URL.
 * Teams refuses messages over about 28 KB: the lists are cut well below that.
 */

/** Longest user text in one run. */
const MAX_RUN = 1000;
/** User text: a TextRun, one clean line, cut with a marker. */
function run(text, style = {}) {
    return { type: 'TextRun', text: clip(oneLine(text), MAX_RUN), ...style };
}
function rich(...inlines) {
    return { type: 'RichTextBlock', inlines };
}
/** Our own text (never user input). */
function label(text) {
    return { type: 'TextBlock', text, wrap: true, weight: 'Bolder' };
}
function httpUrl(url) {
    if (!url)
        return null;
    try {
        const u = new URL(url);
        return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    }
    catch {
        return null;
    }
}
function deployBody(n) {
    const body = [
        // The environment is user text: the whole headline is a run, weighted like a heading.
        rich(run(`${deployIcon(n)} ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
        rich(run(n.repository)),
        { type: 'FactSet', facts: deployFigures(n).map(([title, value]) => ({ title, value })) },
    ];
    if (n.kind === 'override')
        body.push(label('Overridden by'), rich(run(`${n.actor}: `, { weight: 'Bolder' }), run(n.reason)));
    const { shown, more } = shownReasons(n.reasons);
    if (shown.length > 0) {
        body.push(label('Why'), ...shown.map((r) => rich(run(`• ${r}`))));
        if (more > 0)
            body.push({ type: 'TextBlock', text: `… and ${more} more`, wrap: true, isSubtle: true });
    }
    body.push(rich(run(`evaluated ${n.evaluatedAt} · deploy-governor`)));
    return body;
}
function overdueBody(n) {
    const items = n.items.slice(0, MAX_ITEMS);
    return [
        rich(run(`⏰ ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
        rich(run(n.repository)),
        {
            type: 'FactSet',
            facts: items.map((i) => ({
                title: `#${i.issue}`,
                value: `due ${clip(oneLine(i.due), 20).replace(/[^0-9-]/g, '')}, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue`,
            })),
        },
        ...(n.items.length > items.length
            ? [{ type: 'TextBlock', text: `… and ${n.items.length - items.length} more`, wrap: true, isSubtle: true }]
            : []),
    ];
}
function freezeBody(n) {
    return [
        rich(run(`${n.kind === 'freeze-started' ? '🧊' : '🌤️'} ${headline(n, (e) => e)}`, { weight: 'Bolder', size: 'Medium' })),
        rich(run(n.repository)),
        // The scope and who froze are user text: runs, never facts (a fact's value is markdown in Teams).
        ...freezeFigures(n).map(([title, value]) => rich(run(`${title}: `, { weight: 'Bolder' }), run(value))),
        label('Reason'),
        rich(run(n.reason)),
    ];
}
function renderTeams(n) {
    const freeze = n.kind === 'freeze-started' || n.kind === 'freeze-ended';
    const [body, url] = (() => {
        switch (n.kind) {
            case 'postmortem-overdue':
                return [overdueBody(n), null];
            case 'freeze-started':
            case 'freeze-ended':
                return [freezeBody(n), httpUrl(n.issueUrl)];
            default:
                return [deployBody(n), httpUrl(n.runUrl)];
        }
    })();
    const card = {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.4',
        body,
        ...(url ? { actions: [{ type: 'Action.OpenUrl', title: freeze ? 'Freeze issue' : 'Workflow run', url }] } : {}),
    };
    return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}

;// CONCATENATED MODULE: ./src/core/notify/notify-formats.ts


/** The JSON body to POST to a webhook of `format`. */
function renderNotification(format, n) {
    switch (format) {
        case 'slack':
            return renderSlack(n);
        case 'teams':
            return renderTeams(n);
        default: {
            const unknown = format;
            throw new Error(`unknown notification format ${String(unknown)}`);
        }
    }
}


/***/ })

};
