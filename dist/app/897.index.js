export const id = 897;
export const ids = [897];
export const modules = {

/***/ 9897:
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
// EXTERNAL MODULE: ./src/github/fleet-action-items.ts
var fleet_action_items = __webpack_require__(5940);
;// CONCATENATED MODULE: ./src/github/read-action-item-debts.ts

/** The open action items the keeper's app opened that carry a priority and a due date. */
async function readActionItemDebts(client, owner, repo, keeper) {
    const items = await (0,fleet_action_items/* readOpenActionItems */.X)(client, owner, repo, keeper);
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


/***/ })

};
