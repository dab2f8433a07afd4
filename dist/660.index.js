export const id = 660;
export const ids = [660];
export const modules = {

/***/ 7887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aW: () => (/* binding */ renderMeta),
/* harmony export */   eE: () => (/* binding */ readMeta)
/* harmony export */ });
/* unused harmony export writeMeta */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
/* harmony import */ var _priorities_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4624);
/**
 * Machine-readable facts the app keeps in the issues it opens (postmortems,
 * action items, incidents), as one hidden HTML comment at the end of the body:
 * `<!-- deploy-governor:<kind> {json} -->`. The JSON is escaped so that nothing
 * inside can end the comment, and it is validated with zod when read back: the
 * body is editable by people with write access, so a marker is a hint the app
 * checks, never an authority on who may do what.
 */


const isoDate = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO 8601 time' });
/** A postmortem issue. */
const postmortemMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    /** The incident issue (number in this repository), or null when opened from a pull request or a plain issue. */
    incident: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive().nullable(),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    /** Login of whoever opened it; null when Alertmanager did. */
    author: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    startedAt: isoTime.nullable(),
    /** When the incident ended: the alert's endsAt, or the incident issue's closed_at. */
    endedAt: isoTime.nullable(),
    /** Set when the postmortem was published (every approval ticked). */
    publishedAt: isoTime.nullable().optional(),
    /** Dedup key of the Alertmanager group that opened it. */
    alertKey: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    /**
     * The app's own measurement when it opened the postmortem: percentage points of each SLO's budget the incident
     * consumed (burn-rule.ts). Absent when nothing was measured, and in postmortems opened before it was recorded.
     */
    budget: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ slo: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1), consumed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite() })).optional(),
});
/** An action-item issue. */
const actionItemMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    postmortem: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    /** The item's identity in its postmortem (see action-items.ts). */
    key: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    horizon: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['short', 'medium', 'long']).nullable(),
    owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
    due: isoDate.nullable(),
    /** `P0`..`P3` from the item's line (absent in issues opened before priorities, and when the line has none). */
    priority: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(_priorities_js__WEBPACK_IMPORTED_MODULE_1__/* .PRIORITIES */ .B).nullable().optional(),
});
/** An incident issue opened from Alertmanager. */
const incidentMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    alertKey: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1),
    startedAt: isoTime,
    endedAt: isoTime.nullable(),
    severity: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable(),
});
/** An incident issue the app's sweep opened for a burn of error budget (burn-incident-plan.ts). */
const burnIncidentMetaSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    slo: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(200),
    environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100),
    /** Percentage points of the budget consumed over `from`..`to`. */
    consumed: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite(),
    threshold: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().finite(),
    from: isoTime,
    to: isoTime,
});
/**
 * A freeze on command (src/core/freeze/freeze-command.ts), in a `deploy-freeze`
 * issue. Strict: a hand-edited record with any other key is no record.
 */
const freezeRecordSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    /** An environment name, or `all`. */
    scope: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().regex(/^[A-Za-z0-9._-]{1,100}$/),
    /** When the freeze ends (ISO 8601, exclusive). */
    until: isoTime,
    reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(300),
    /** Login of whoever froze. */
    by: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100),
    /** When the freeze was set. */
    at: isoTime,
});
const schemas = {
    postmortem: postmortemMetaSchema,
    'action-item': actionItemMetaSchema,
    incident: incidentMetaSchema,
    'burn-incident': burnIncidentMetaSchema,
    freeze: freezeRecordSchema,
};
const prefix = (kind) => `<!-- deploy-governor:${kind} `;
/**
 * The hidden marker for a body. `<` and `>` are \u-escaped, so the JSON can never close the comment, and so is
 * `@`, so that user text in it (a freeze's reason) holds no mention even where the comment is shown raw.
 */
function renderMeta(kind, data) {
    const json = JSON.stringify(schemas[kind].parse(data)).replace(/[<>@]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${prefix(kind)}${json} -->`;
}
/** The last valid marker of this kind in a body; null when there is none or it does not validate. */
function readMeta(kind, body) {
    if (!body)
        return null;
    const start = body.lastIndexOf(prefix(kind));
    if (start < 0)
        return null;
    const end = body.indexOf(' -->', start);
    if (end < 0)
        return null;
    try {
        const parsed = schemas[kind].safeParse(JSON.parse(body.slice(start + prefix(kind).length, end)));
        return parsed.success ? parsed.data : null;
    }
    catch {
        // Not JSON: someone edited the marker by hand; treat it as absent.
        return null;
    }
}
/** The body with its marker of this kind replaced (or appended). */
function writeMeta(kind, body, data) {
    const marker = renderMeta(kind, data);
    const start = body.lastIndexOf(prefix(kind));
    const end = start < 0 ? -1 : body.indexOf(' -->', start);
    if (start < 0 || end < 0)
        return `${body.replace(/\s+$/, '')}\n\n${marker}`;
    return `${body.slice(0, start)}${marker}${body.slice(end + 4)}`;
}


/***/ }),

/***/ 5660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FEATURE_BY_DEFAULT: () => (/* binding */ FEATURE_BY_DEFAULT),
  applyDebts: () => (/* binding */ applyDebts)
});

// EXTERNAL MODULE: ./src/core/policy/policy-error.ts
var policy_error = __webpack_require__(5833);
// EXTERNAL MODULE: ./src/core/status.ts
var core_status = __webpack_require__(5009);
;// CONCATENATED MODULE: ./src/core/postmortem/debt-rule.ts

/** The rule's id in findings and advisory counts. */
const DEBT_RULE = 'action-items';
/** The only class an overdue debt blocks. */
const BLOCKED_CLASS = 'feature';
const DAY_MS = 86_400_000;
/** Items named in the reasons; the rest are counted, so that a backlog cannot flood the check run. */
const MAX_NAMED = 5;
/** When the item starts to block: the end of its due day (UTC) plus the grace. */
function blocksFrom(debt, rule) {
    return Date.parse(`${debt.due}T00:00:00Z`) + DAY_MS + rule.graceMs;
}
/** The debts that block under the rule at `now`: a blocking priority, past the end of the due day and the grace. */
function overdueDebts(debts, rule, now) {
    return debts
        .filter((d) => rule.blockOnOverdue.includes(d.priority) && now.getTime() >= blocksFrom(d, rule))
        .sort((a, b) => a.due.localeCompare(b.due) || a.issue - b.issue);
}
function describe(debt) {
    // The owner is user text from the postmortem's line: capped here, rendered inert (no mention) by every renderer of reasons.
    const owner = debt.owner === null ? 'no owner' : `owner @${debt.owner.length > 100 ? `${debt.owner.slice(0, 100)}…` : debt.owner}`;
    return `#${debt.issue} (${debt.priority}, postmortem #${debt.postmortem}, ${owner}, due ${debt.due})`;
}
function message(overdue) {
    const named = overdue.slice(0, MAX_NAMED).map(describe).join('; ');
    const more = overdue.length > MAX_NAMED ? `; and ${overdue.length - MAX_NAMED} more` : '';
    const items = overdue.length === 1 ? 'Overdue postmortem action item' : `${overdue.length} overdue postmortem action items:`;
    return `${items} ${named}${more}: feature deploys are blocked until ${overdue.length === 1 ? 'it is' : 'they are'} closed (postmortems.action-items).`;
}
/**
 * The report with the overdue debts applied for a deploy of class `deployClass`. A feature deploy that the budget let
 * through is blocked at FREEZE at least (as a freeze blocks: an override at `freeze` passes it); an advisory rule only
 * records that it would have blocked; another class passes, with a note that says so. Unchanged when nothing is overdue.
 */
function applyDebtRule(report, overdue, policy, deployClass) {
    const rule = policy.actionItems;
    if (overdue.length === 0)
        return report;
    const text = message(overdue);
    const blocksThis = deployClass.name === BLOCKED_CLASS;
    const finding = {
        source: 'debt',
        status: blocksThis ? 'FREEZE' : 'NORMAL',
        message: blocksThis
            ? text
            : `${text} This is a ${deployClass.name} deploy (${deployClass.detail}), which overdue action items do not block.`,
        rule: DEBT_RULE,
        blocksClasses: [BLOCKED_CLASS],
        ...(rule.advisory ? { enforcement: 'advisory' } : {}),
    };
    const d = report.decision;
    const withFinding = { ...report, findings: [...report.findings, finding] };
    if (!blocksThis)
        return withFinding;
    if (rule.advisory) {
        const wouldHaveBlocked = [...(d.wouldHaveBlocked ?? []), { rule: DEBT_RULE, status: 'FREEZE', message: text }];
        return { ...withFinding, decision: { ...d, wouldHaveBlocked } };
    }
    const why = `This is a ${deployClass.name} deploy (${deployClass.detail}). ${text}`;
    if (!d.canDeploy)
        return { ...withFinding, decision: { ...d, reasons: [...d.reasons, why] } };
    const status = (0,core_status/* worstStatus */.A4)([d.status, 'FREEZE']);
    const level = status === 'FREEZE' ? 'freeze' : 'exhausted';
    return {
        ...withFinding,
        decision: {
            ...d,
            canDeploy: false,
            status,
            reasons: [why, ...d.reasons],
            nextSteps: [
                'Close the overdue action items (or move their due dates with the postmortem’s owners), or ship the change as a rollback, security fix or hotfix (change-class); an override at freeze passes it too.',
                ...d.nextSteps,
            ],
            requiredOverride: level,
            requiredPermission: policy.overrides.levels[level].permission,
        },
    };
}

// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
// EXTERNAL MODULE: ./src/core/postmortem/issue-metadata.ts
var issue_metadata = __webpack_require__(7887);
;// CONCATENATED MODULE: ./src/core/postmortem/sweep-plan.ts
/** Labels with fixed names (the incident and postmortem labels come from the policy). */
const SWEEP_LABELS = {
    actionItem: 'action-item',
    published: 'published',
    overdue: 'overdue',
    reliabilityReport: 'reliability-report',
};
const sweep_plan_DAY_MS = 86_400_000;
const REMINDER_MARKER = /<!-- deploy-governor:reminder date=(\d{4}-\d{2}-\d{2}) -->/g;
/** The hidden marker of a reminder comment; the date is what makes "at most once a day" hold across runs. */
function reminderMarker(today) {
    return `<!-- deploy-governor:reminder date=${today} -->`;
}
/** The latest reminder date in some comment bodies; null when none carries the marker. */
function lastReminderDateIn(bodies) {
    let last = null;
    for (const body of bodies) {
        for (const match of (body ?? '').matchAll(REMINDER_MARKER))
            if (last === null || match[1] > last)
                last = match[1];
    }
    return last;
}
/** The UTC date of a time, YYYY-MM-DD. */
function utcDate(time) {
    return time.toISOString().slice(0, 10);
}
/** Whole days from one YYYY-MM-DD date to another (positive when `to` is later). */
function daysBetweenDates(from, to) {
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / sweep_plan_DAY_MS);
}
/** Who owns an action item: its marker's owner, else its first assignee. */
function ownerOf(item) {
    return item.meta?.owner ?? item.assignees[0] ?? null;
}
/** True when the item is open and its due date is before today (UTC). Due today is not overdue. */
function isOverdue(item, today) {
    const due = item.meta?.due;
    return item.state === 'open' && due !== null && due !== undefined && due < today;
}
/** True when the postmortem carries the `published` label (the app adds it once every approval is ticked). */
function isPublished(postmortem) {
    return postmortem.labels.includes(SWEEP_LABELS.published);
}
/**
 * When the postmortem's incident ended: its marker's `endedAt`, else the
 * `closed_at` of the incident issue its marker names; null when unknown.
 */
function incidentEndOf(postmortem, incidents) {
    if (postmortem.meta?.endedAt)
        return postmortem.meta.endedAt;
    const incident = postmortem.meta?.incident ? incidents.get(postmortem.meta.incident) : undefined;
    return incident?.closedAt ?? null;
}
/** True when a reminder was already posted today (a date later than today, from a skewed clock, counts too). */
function remindedToday(lastReminderDate, today) {
    return lastReminderDate !== null && lastReminderDate >= today;
}
/**
 * The sweep's actions, in issue order: action items first, then postmortems.
 * - an open item whose due date has passed: `label-overdue` when the label is
 *   missing, and `remind-overdue` unless it was reminded today;
 * - a closed item, or one no longer overdue (due date moved or removed), that
 *   still carries the label: `unlabel-overdue`;
 * - an open, unpublished postmortem whose incident ended at least
 *   `policy.publishReminderAfterMs` ago: `remind-unpublished` unless reminded today.
 */
function planSweep({ now, policy, incidents, postmortems, actionItems }) {
    const today = utcDate(now);
    const actions = [];
    for (const item of [...actionItems].sort((a, b) => a.number - b.number)) {
        const labelled = item.labels.includes(SWEEP_LABELS.overdue);
        if (!isOverdue(item, today)) {
            if (labelled)
                actions.push({ kind: 'unlabel-overdue', issue: item.number });
            continue;
        }
        const due = item.meta.due;
        if (!labelled)
            actions.push({ kind: 'label-overdue', issue: item.number });
        if (!remindedToday(item.lastReminderDate, today)) {
            actions.push({ kind: 'remind-overdue', issue: item.number, owner: ownerOf(item), due, daysOverdue: daysBetweenDates(due, today) });
        }
    }
    const incidentsByNumber = new Map(incidents.map((i) => [i.number, i]));
    for (const postmortem of [...postmortems].sort((a, b) => a.number - b.number)) {
        if (postmortem.state !== 'open' || isPublished(postmortem))
            continue;
        const endedAt = incidentEndOf(postmortem, incidentsByNumber);
        if (endedAt === null)
            continue;
        const sinceEnd = now.getTime() - Date.parse(endedAt);
        if (sinceEnd < policy.publishReminderAfterMs || remindedToday(postmortem.lastReminderDate, today))
            continue;
        actions.push({
            kind: 'remind-unpublished',
            issue: postmortem.number,
            incidentEndedAt: endedAt,
            days: Math.floor(sinceEnd / sweep_plan_DAY_MS),
            author: postmortem.meta?.author ?? null,
        });
    }
    return actions;
}

// EXTERNAL MODULE: ./src/github/open-issue.ts
var open_issue = __webpack_require__(6849);
;// CONCATENATED MODULE: ./src/github/fleet-action-items.ts
/**
 * A repository's open action-item issues that this app opened, with their
 * hidden records (due date, owner, priority), for the fleet's overdue count and
 * the gate's postmortem debts (read-action-item-debts.ts). Only issues
 * the app opened count (`performed_via_github_app`): anyone who can open an
 * issue could paste a record with a due date in the past.
 */




const issueSchema = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    title: schemas/* string */.YjP(),
    state: schemas/* enum */.k5n(['open', 'closed']),
    created_at: schemas/* string */.YjP(),
    closed_at: schemas/* string */.YjP().nullable().optional(),
    state_reason: schemas/* string */.YjP().nullable().optional(),
    labels: schemas/* array */.YOg(schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* object */.Ikc({ name: schemas/* string */.YjP().optional() })])),
    assignees: schemas/* array */.YOg(schemas/* object */.Ikc({ login: schemas/* string */.YjP() }))
        .nullable()
        .optional(),
    body: schemas/* string */.YjP().nullable().optional(),
    pull_request: schemas/* unknown */.L5J().optional(),
    performed_via_github_app: schemas/* object */.Ikc({ id: schemas/* number */.aig().int(), slug: schemas/* string */.YjP().optional() }).nullable().optional(),
});
const MAX_PAGES = 10;
async function readOpenActionItems(client, owner, repo, keeper) {
    const items = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
            owner,
            repo,
            labels: SWEEP_LABELS.actionItem,
            state: 'open',
            per_page: 100,
            page,
        });
        const batch = schemas/* array */.YOg(issueSchema).parse(data);
        for (const i of batch) {
            if (i.pull_request !== undefined || !(0,open_issue/* openedByKeeper */.Xo)(i, keeper))
                continue;
            items.push({
                number: i.number,
                title: i.title,
                state: i.state,
                createdAt: i.created_at,
                closedAt: i.closed_at ?? null,
                stateReason: i.state_reason ?? null,
                labels: i.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : [])),
                assignees: (i.assignees ?? []).map((a) => a.login),
                meta: (0,issue_metadata/* readMeta */.eE)('action-item', i.body),
                lastReminderDate: null,
            });
        }
        if (batch.length < 100)
            break;
    }
    return items;
}

;// CONCATENATED MODULE: ./src/github/read-action-item-debts.ts

/** The open action items the keeper's app opened that carry a priority and a due date. */
async function readActionItemDebts(client, owner, repo, keeper) {
    const items = await readOpenActionItems(client, owner, repo, keeper);
    return items.flatMap(({ number, meta }) => meta?.priority && meta.due
        ? [{ issue: number, postmortem: meta.postmortem, priority: meta.priority, owner: meta.owner, due: meta.due }]
        : []);
}

;// CONCATENATED MODULE: ./src/gate/debt-gate.ts
/**
 * Postmortem debts (issue 16, item 2) as every host's gate applies them, after
 * the change class: the repository's open action items that the app opened
 * (read-action-item-debts.ts), the overdue ones of a blocking priority
 * (core/postmortem/debt-rule.ts), and the deploy's class, read only when some
 * debt is overdue. Off when the policy has no `postmortems` section. A read
 * that fails fails closed, naming the permission to give.
 */




/**
 * The report with the policy's debt rule applied; unchanged when the rule is off or blocks no priority.
 * @throws PolicyError when the items cannot be read (the gate fails closed)
 */
async function applyDebts(report, policy, source, access, now, classOfDeploy) {
    const rule = policy.actionItems;
    if (rule === null || rule.blockOnOverdue.length === 0)
        return report;
    const refuse = (message) => new policy_error/* PolicyError */.p(source, [{ path: 'postmortems.action-items', message: `the gate reads the open postmortem action items: ${message}` }]);
    const { client, owner, repo } = access;
    if (!client || !owner || !repo) {
        throw refuse(`${client ? 'the repository is unknown' : 'there is no GitHub token to read them with'}; ${access.advice}`);
    }
    let debts;
    try {
        debts = await readActionItemDebts(client, owner, repo, access.keeper);
    }
    catch (error) {
        const status = (0,github_client/* httpStatusOf */.s_)(error);
        const why = status === undefined ? (0,github_client/* messageOf */.bD)(error) : `${status}: ${(0,github_client/* messageOf */.bD)(error)}`;
        throw refuse(`listing the action-item issues of ${owner}/${repo} failed (${why}), so the gate fails closed: the token needs issues: read; ${access.advice}`);
    }
    const overdue = overdueDebts(debts, rule, now);
    if (overdue.length === 0)
        return report;
    const known = report.decision.changeClass;
    const deployClass = known ? { name: known.name, detail: known.detail } : await classOfDeploy();
    return applyDebtRule(report, overdue, { overrides: policy.overrides, actionItems: rule }, deployClass);
}
/** The class of a deploy when the policy has no `change-classes`: nothing can name another, so a feature. */
const FEATURE_BY_DEFAULT = {
    name: 'feature',
    detail: 'the policy has no change-classes, so every deploy is a feature',
};


/***/ }),

/***/ 6849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xn: () => (/* binding */ openIssueOnce),
/* harmony export */   Xo: () => (/* binding */ openedByKeeper),
/* harmony export */   of: () => (/* binding */ openedByApp)
/* harmony export */ });
/* unused harmony export issueMarker */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5491);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
/**
 * Opens an issue once per key: the key travels as a hidden marker in the body,
 * and an issue (open or closed) with the first label and that marker, opened by
 * this app, means it was opened already, so redeliveries and retries open
 * nothing new while titles may repeat. Only issues the app itself opened count
 * (`performed_via_github_app`, set by GitHub, never by the author): anyone who
 * can open an issue can paste the marker, and anyone with triage can label it,
 * and such a planted issue must not suppress a real review or alert issue.
 */


const issueShape = zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
    number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int(),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable().optional(),
    performed_via_github_app: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int() }).nullable().optional(),
});
const issues = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(issueShape);
const MAX_PAGES = 10;
function issueMarker(key) {
    return `<!-- deploy-governor:issue key=${key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200)} -->`;
}
/** Whether GitHub says this app opened the issue. */
function openedByApp(issue, appId) {
    return issue.performed_via_github_app?.id === appId;
}
/** Whether GitHub says the keeper's app opened the issue. */
function openedByKeeper(issue, keeper) {
    return 'appId' in keeper ? openedByApp(issue, keeper.appId) : issue.performed_via_github_app?.slug === keeper.appSlug;
}
/** The issue of `kind` (first label), opened by this app, whose body carries the key's marker, if any. */
async function findIssueByKey(client, owner, repo, label, key, appId) {
    const marker = issueMarker(key);
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues', {
            owner,
            repo,
            state: 'all',
            labels: label,
            per_page: 100,
            page,
        });
        const batch = issues.parse(data);
        const found = batch.find((i) => openedByApp(i, appId) && (i.body ?? '').includes(marker));
        if (found)
            return { number: found.number, id: found.id };
        if (batch.length < 100)
            break;
    }
    return null;
}
/** `appId`: this app's id; only issues it opened count as opened already. */
async function openIssueOnce(client, owner, repo, issue, appId) {
    const earlier = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
    if (earlier)
        return { outcome: 'exists', ...earlier };
    // No automatic resend: a POST that timed out after succeeding would open a second issue.
    const create = () => client.request('POST /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        title: issue.title,
        body: `${issue.body}\n\n${issueMarker(issue.key)}`,
        labels: issue.labels,
        ...(issue.assignees?.length ? { assignees: issue.assignees } : {}),
        request: { retries: 0 },
    });
    let response;
    try {
        response = await create();
    }
    catch (error) {
        const status = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .httpStatusOf */ .s_)(error);
        if (status === undefined || status < 500)
            throw error;
        // A 5xx or a dropped connection (Octokit reports it as 500) may still have opened it: look before
        // trying once more. The webhook may have been answered already (202 after 9 s): no redelivery would.
        const landed = await findIssueByKey(client, owner, repo, issue.labels[0], issue.key, appId);
        if (landed)
            return { outcome: 'opened', ...landed };
        response = await create();
    }
    const created = issueShape.parse(response.data);
    return { outcome: 'opened', number: created.number, id: created.id };
}


/***/ })

};
