export const id = 642;
export const ids = [642];
export const modules = {

/***/ 9642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NOTIFICATION_KINDS: () => (/* binding */ NOTIFICATION_KINDS),
/* harmony export */   blockedNotification: () => (/* binding */ blockedNotification),
/* harmony export */   freezeNotification: () => (/* binding */ freezeNotification),
/* harmony export */   heldNotification: () => (/* binding */ heldNotification),
/* harmony export */   overdueNotification: () => (/* binding */ overdueNotification),
/* harmony export */   overrideNotification: () => (/* binding */ overrideNotification)
/* harmony export */ });
/** The notification kinds a policy may subscribe to (`notify.on`). */
const NOTIFICATION_KINDS = [
    'blocked',
    'override',
    'postmortem-overdue',
    'held-released',
    'held-expired',
    'freeze-started',
    'freeze-ended',
];
function deployFacts(report, repository, runUrl) {
    return {
        repository,
        environment: report.environment,
        status: report.decision.status,
        budgetRemaining: report.budget.remaining,
        burnRate: report.budget.burnRate,
        reasons: report.decision.reasons,
        runUrl,
        evaluatedAt: report.evaluatedAt,
    };
}
/** A deploy the gate blocked. */
function blockedNotification(report, repository, runUrl) {
    return {
        kind: 'blocked',
        ...deployFacts(report, repository, runUrl),
        blockOn: report.decision.blockOn,
        requiredOverride: report.decision.requiredOverride,
    };
}
/** A blocked deploy let through by an override (the app sends it only once the override verified); null without one. */
function overrideNotification(report, repository, runUrl) {
    const o = report.override;
    if (!report.decision.overridden || !o)
        return null;
    return { kind: 'override', ...deployFacts(report, repository, runUrl), actor: o.actor, level: o.level, reason: o.reason };
}
/** The overdue action items a sweep reminded (one reminder per item and day); null when none. */
function overdueNotification(repository, actions) {
    const items = actions.flatMap(({ action, outcome }) => action.kind === 'remind-overdue' && outcome === 'done'
        ? [{ issue: action.issue, url: null, owner: action.owner, due: action.due, daysOverdue: action.daysOverdue }]
        : []);
    if (items.length === 0)
        return null;
    return { kind: 'postmortem-overdue', repository, items: items.sort((a, b) => b.daysOverdue - a.daysOverdue) };
}
/** A held deployment released (approved) or expired (rejected at its limit), from the evaluation that decided it. */
function heldNotification(kind, report, repository, runUrl, heldSeconds) {
    return { kind, ...deployFacts(report, repository, runUrl), heldSeconds };
}
/** A freeze on command that started or ended, kept in the issue `issue` of `owner/repo`. */
function freezeNotification(o) {
    return {
        kind: o.change === 'started' ? 'freeze-started' : 'freeze-ended',
        repository: `${o.owner}/${o.repo}`,
        organisation: o.repo === '.github' ? o.owner : null,
        scope: o.record.scope,
        until: o.record.until,
        reason: o.record.reason,
        by: o.record.by,
        issueUrl: `${o.serverUrl ?? 'https://github.com'}/${o.owner}/${o.repo}/issues/${o.issue}`,
    };
}


/***/ })

};
