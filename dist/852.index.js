export const id = 852;
export const ids = [852];
export const modules = {

/***/ 7852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  classifyChange: () => (/* binding */ classifyChange),
  readChangeClass: () => (/* binding */ readChangeClass)
});

// EXTERNAL MODULE: ./src/core/evaluate/decide.ts
var decide = __webpack_require__(9803);
// EXTERNAL MODULE: ./src/core/change-class/change-class-policy.ts
var change_class_policy = __webpack_require__(5127);
;// CONCATENATED MODULE: ./src/core/change-class/apply-change-class.ts
/**
 * A blocked decision and the deploy's class (issue 16): a class the blocked
 * status lets through (`change-classes.allow`) allows the deploy, as an
 * override would, but granted by the policy; the status stays what it was, and
 * the report says which class, where it came from, and why it was allowed or
 * not. UNKNOWN lets nothing through, and an allowed deploy is left as it is
 * (the gate reads a class's evidence only for a blocked one).
 */


function listed(names) {
    return names.length === 0 ? 'no class' : names.join(', ');
}
/**
 * The role that may choose a class for this decision: the policy's, else the override level's that the status
 * needs (the blocked decision's `requiredOverride`; read from the status, so the app finds the same role again for
 * a report the class already let through).
 */
function classPermission(report, policy, classes) {
    return classes.permission ?? policy.overrides.levels[(0,decide/* requiredLevel */.WR)(report.decision.status)].permission;
}
function applyChangeClass(report, resolved, classes) {
    const d = report.decision;
    if (d.canDeploy)
        return report;
    const allowedAt = (0,change_class_policy/* classesAllowedAt */.KG)(classes, d.status);
    const passes = allowedAt.includes(resolved.name);
    const changeClass = {
        name: resolved.name,
        source: resolved.source,
        detail: resolved.detail,
        notes: resolved.notes,
        allowedThrough: passes,
    };
    if (!passes) {
        const why = d.status === 'UNKNOWN'
            ? `This is a ${resolved.name} deploy (${resolved.detail}); no class passes an evaluation that failed (UNKNOWN).`
            : `This is a ${resolved.name} deploy (${resolved.detail}); ${d.status} lets only ${listed(allowedAt)} through (change-classes.allow).`;
        return { ...report, decision: { ...d, changeClass, reasons: [...d.reasons, why] } };
    }
    const allowed = `Allowed as a ${resolved.name} deploy (${resolved.detail}): ${d.status} lets ${listed(allowedAt)} through (change-classes.allow). It is recorded like an override.`;
    return {
        ...report,
        decision: {
            ...d,
            canDeploy: true,
            changeClass,
            reasons: [allowed, ...d.reasons],
            nextSteps: ['Ship only the change its class names, and watch the deploy: the service is still at ' + d.status + '.'],
            requiredOverride: null,
            requiredPermission: null,
        },
    };
}

// EXTERNAL MODULE: ./src/core/override/decide-override.ts
var decide_override = __webpack_require__(3155);
;// CONCATENATED MODULE: ./src/core/change-class/resolve-change-class.ts
/**
 * Which class a deploy has (issue 16), from evidence the adapters gathered
 * from GitHub, consulted in a fixed order: the `change-class` input, the
 * `deploy-class:<name>` labels of the deployed pull requests, a `Deploy-Class:`
 * trailer of the deployed commits, then rollback detection; else `feature`.
 * Pure: the adapters read the facts (who applied a label and their role,
 * whether a commit is on the default branch, earlier deployments); this
 * decides. Evidence that could let a blocked deploy through only counts when
 * GitHub vouches for it: the input and a label need the role of the person
 * who chose them, a trailer only counts on reviewed commits (on the default
 * branch), and every deployed pull request or commit must agree.
 */

/** The one class that every item names, or null when they disagree or any names none. */
function agreed(names) {
    const first = names[0];
    return first !== undefined && first !== null && names.every((n) => n === first) ? first : null;
}
/**
 * The deploy's class. `needed` is the role that may choose a class by the input or a label (the policy's
 * `change-classes.permission`, else the role the blocked status's override level needs).
 */
function resolveChangeClass(evidence, policy, needed) {
    const notes = [];
    const may = (role) => role !== null && (0,decide_override/* hasPermission */._m)(role, needed);
    const known = (name) => policy.known.includes(name);
    for (const source of policy.sources) {
        switch (source) {
            case 'input': {
                const input = evidence.input;
                if (!input)
                    break;
                if (!known(input.name)) {
                    notes.push(`change-class ${JSON.stringify(input.name)} is not a class of this policy (${policy.known.join(', ')})`);
                }
                else if (!may(input.role)) {
                    notes.push(`change-class ${input.name} from ${input.actor} was not used: ${input.role === null ? 'their role could not be read' : `choosing a class needs the ${needed} role or higher`}`);
                }
                else {
                    return { name: input.name, source, detail: `the change-class input, by ${input.actor}`, notes };
                }
                break;
            }
            case 'label': {
                const pulls = evidence.pullRequests ?? [];
                if (pulls.length === 0 || pulls.every((p) => p.label === null))
                    break;
                const unauthorized = pulls.filter((p) => p.label !== null && !may(p.role));
                const unknown = pulls.filter((p) => p.label !== null && !known(p.label));
                const name = agreed(pulls.map((p) => p.label));
                if (unknown.length > 0)
                    notes.push(`unknown class label on ${unknown.map((p) => `#${p.number} (${p.label})`).join(', ')}`);
                if (unauthorized.length > 0)
                    notes.push(`deploy-class labels applied by someone below the ${needed} role were not used: ${unauthorized.map((p) => `#${p.number} by ${p.labeledBy ?? 'unknown'}`).join(', ')}`);
                if (name === null)
                    notes.push(`the deployed pull requests do not all carry the same deploy-class label (${pulls.map((p) => `#${p.number}: ${p.label ?? 'none'}`).join(', ')})`);
                if (name !== null && known(name) && unauthorized.length === 0) {
                    return { name, source, detail: `label deploy-class:${name} on ${pulls.map((p) => `#${p.number}`).join(', ')}`, notes };
                }
                break;
            }
            case 'trailer': {
                const t = evidence.trailers;
                if (!t || t.commits.length === 0 || t.commits.every((c) => c.trailer === null))
                    break;
                const name = agreed(t.commits.map((c) => c.trailer));
                if (!t.reviewed)
                    notes.push('Deploy-Class trailers only count on commits of the default branch; these are not all on it');
                else if (name === null)
                    notes.push('the deployed commits do not all carry the same Deploy-Class trailer');
                else if (!known(name))
                    notes.push(`Deploy-Class: ${name} is not a class of this policy (${policy.known.join(', ')})`);
                else
                    return { name, source, detail: `Deploy-Class: ${name} trailer on ${t.commits.map((c) => c.sha.slice(0, 7)).join(', ')}`, notes };
                break;
            }
            case 'rollback': {
                if (evidence.rollback?.detected)
                    return { name: 'rollback', source, detail: evidence.rollback.detail, notes };
                break;
            }
            default: {
                const never = source;
                throw new Error(`unknown class source ${String(never)}`);
            }
        }
    }
    return { name: 'feature', source: 'default', detail: 'no input, label, trailer or rollback named another class', notes };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
;// CONCATENATED MODULE: ./src/core/change-class/deploy-class-trailer.ts
/**
 * The `Deploy-Class:` trailer of a commit message (git's trailer convention:
 * `Key: value` lines in the message's last paragraph), and the
 * `deploy-class:<name>` label of a pull request. Case-insensitive keys, as git
 * treats trailers; the value is one class name or nothing.
 */
const TRAILER = /^deploy-class:\s*([A-Za-z0-9-]+)\s*$/i;
const TRAILER_LINE = /^[A-Za-z0-9-]+:\s/;
/** The class a commit message's trailer names, or null. Only the last paragraph is the trailer block. */
function deployClassTrailer(message) {
    const paragraphs = message
        .replace(/\r\n?/g, '\n')
        .trim()
        .split(/\n\s*\n/);
    if (paragraphs.length < 2)
        return null;
    const lines = paragraphs.at(-1).split('\n');
    // Git only reads a paragraph made of trailers (continuation lines aside) as the trailer block.
    if (!lines.every((l) => TRAILER_LINE.test(l) || /^\s/.test(l)))
        return null;
    const found = lines.map((l) => TRAILER.exec(l)?.[1]).filter((v) => v !== undefined);
    return found.length === 0 ? null : found.at(-1).toLowerCase();
}
/** The label prefix that names a pull request's class. */
const CLASS_LABEL_PREFIX = 'deploy-class:';
/** The class named by a pull request's labels: null when none, or when two labels name different classes (ambiguous). */
function deployClassLabel(labels) {
    const names = [
        ...new Set(labels
            .filter((l) => l.toLowerCase().startsWith(CLASS_LABEL_PREFIX))
            .map((l) => l.slice(CLASS_LABEL_PREFIX.length).trim().toLowerCase())),
    ];
    return names.length === 1 ? names[0] : null;
}

// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/read-override-authorization.ts
var read_override_authorization = __webpack_require__(2000);
;// CONCATENATED MODULE: ./src/github/read-class-evidence.ts
/**
 * The facts a deploy's change class is resolved from (issue 16), read from
 * GitHub, only for a blocked decision of a policy with `change-classes`:
 * the role of who gave the `change-class` input; the deployed commit's merged
 * pull requests, their `deploy-class:` label and who applied it (from the
 * issue's events, never from the label itself) with their role; the commit's
 * `Deploy-Class:` trailer and whether the commit is on the default branch
 * (reviewed); and whether the commit was deployed to the environment before
 * or is an ancestor of its latest successful deployment (a rollback).
 *
 * Sources are read in the policy's order and reading stops at the first that
 * settles the class (`settled`), so a labelled hotfix costs no deployment
 * reads. A source GitHub refuses to show (a token without the permission) is
 * no evidence, with a note naming the permission: evidence only ever loosens
 * a blocked decision, so missing evidence fails closed. Bounded: at most
 * MAX_PULLS pull requests, MAX_EVENT_PAGES pages of each one's events and
 * MAX_DEPLOYMENTS deployments are read.
 */




const MAX_PULLS = 10;
const MAX_DEPLOYMENTS = 10;
const EVENTS_PER_PAGE = 100;
/** An issue with more events than this many pages has its labeller read as unknown (its latest event may be past them). */
const MAX_EVENT_PAGES = 3;
const pullsShape = schemas/* array */.YOg(schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    merged_at: schemas/* string */.YjP().nullable().optional(),
    labels: schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP() })).optional(),
}));
const eventsShape = schemas/* array */.YOg(schemas/* object */.Ikc({
    event: schemas/* string */.YjP(),
    actor: schemas/* object */.Ikc({ login: schemas/* string */.YjP() }).nullable().optional(),
    label: schemas/* object */.Ikc({ name: schemas/* string */.YjP() }).optional(),
}));
const commitShape = schemas/* object */.Ikc({ commit: schemas/* object */.Ikc({ message: schemas/* string */.YjP() }) });
const compareShape = schemas/* object */.Ikc({ status: schemas/* string */.YjP() });
const repoShape = schemas/* object */.Ikc({ default_branch: schemas/* string */.YjP() });
const deploymentsShape = schemas/* array */.YOg(schemas/* object */.Ikc({ id: schemas/* number */.aig().int(), sha: schemas/* string */.YjP() }));
const statusesShape = schemas/* array */.YOg(schemas/* object */.Ikc({ state: schemas/* string */.YjP() }));
/** The permissions each source's reads need, for the note when GitHub refuses one. */
const NEEDS = {
    label: 'pull-requests: read and issues: read',
    trailer: 'contents: read',
    rollback: 'deployments: read and contents: read',
};
async function roleOf(client, r, login) {
    if (login === null)
        return null;
    const result = await (0,read_override_authorization/* readActorRole */.M)(client, r.owner, r.repo, login);
    return 'role' in result ? result.role : null;
}
/** Whether `ancestor` is `descendant` or one of its ancestors (compare: the descendant is ahead of it, or identical). */
async function isAncestor(client, r, ancestor, descendant) {
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
            owner: r.owner,
            repo: r.repo,
            basehead: `${ancestor}...${descendant}`,
            per_page: 1,
        });
        const { status } = compareShape.parse(data);
        return status === 'ahead' || status === 'identical';
    }
    catch (error) {
        // An unknown commit or ref, or commits with no common ancestor, is no evidence.
        if ((0,github_client/* httpStatusOf */.s_)(error) === 404)
            return false;
        throw error;
    }
}
/**
 * Who applied `label` last: the actor of the issue's latest `labeled` event for it. GitHub lists events oldest
 * first, so every page up to the last is read; past MAX_EVENT_PAGES full pages the labeller is unknown (null).
 */
async function labeller(client, r, issue, label) {
    let latest = null;
    for (let page = 1; page <= MAX_EVENT_PAGES; page++) {
        const { data } = await client.request('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
            owner: r.owner,
            repo: r.repo,
            issue_number: issue,
            per_page: EVENTS_PER_PAGE,
            page,
        });
        const events = eventsShape.parse(data);
        for (const e of events) {
            // The event's label read as the pull request's was (`deploy-class: Hotfix` is `hotfix`), so both name one class.
            if (e.event === 'labeled' && e.label && deployClassLabel([e.label.name]) === label)
                latest = e.actor?.login ?? null;
        }
        if (events.length < EVENTS_PER_PAGE)
            return latest;
    }
    return null;
}
async function labelEvidence(client, r, sha) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
        owner: r.owner,
        repo: r.repo,
        commit_sha: sha,
        per_page: MAX_PULLS,
    });
    // Merged pull requests only: an open one's commits can change after it was labelled, so its label vouches for nothing yet.
    const pulls = pullsShape.parse(data).filter((p) => Boolean(p.merged_at));
    return Promise.all(pulls.slice(0, MAX_PULLS).map(async (p) => {
        const label = deployClassLabel((p.labels ?? []).map((l) => l.name));
        if (label === null)
            return { number: p.number, label: null, labeledBy: null, role: null };
        // Who applied the label is GitHub's record of the `labeled` event, not anything on the label.
        const labeledBy = await labeller(client, r, p.number, label);
        return { number: p.number, label, labeledBy, role: await roleOf(client, r, labeledBy) };
    }));
}
async function rollbackEvidence(client, r, sha) {
    const { data } = await client.request('GET /repos/{owner}/{repo}/deployments', {
        owner: r.owner,
        repo: r.repo,
        environment: r.environment,
        per_page: MAX_DEPLOYMENTS,
    });
    const deployments = deploymentsShape.parse(data);
    let latestSuccessful = null;
    for (const d of deployments) {
        const { data: statuses } = await client.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
            owner: r.owner,
            repo: r.repo,
            deployment_id: d.id,
            per_page: 10,
        });
        if (!statusesShape.parse(statuses).some((s) => s.state === 'success'))
            continue;
        if (d.sha === sha)
            return { detected: true, detail: `already deployed to ${r.environment} successfully (deployment ${d.id})` };
        latestSuccessful ??= d;
    }
    if (latestSuccessful && (await isAncestor(client, r, sha, latestSuccessful.sha))) {
        return {
            detected: true,
            detail: `an ancestor of ${r.environment}'s latest successful deployment (${latestSuccessful.sha.slice(0, 7)}, deployment ${latestSuccessful.id})`,
        };
    }
    return { detected: false, detail: `not deployed to ${r.environment} before, nor an ancestor of its latest deployment` };
}
/**
 * Reads the evidence of each source in `r.sources`' order, until `settled` says the evidence so far decides the
 * class (absent: every source is read).
 */
async function readClassEvidence(client, r, settled = () => false) {
    const evidence = {};
    const notes = [];
    const sha = r.sha;
    // Whether the commit is on the default branch, read once for the trailer and the rollback.
    let reviewed;
    const onDefaultBranch = (commit) => (reviewed ??= client
        .request('GET /repos/{owner}/{repo}', { owner: r.owner, repo: r.repo })
        .then(({ data }) => isAncestor(client, r, commit, repoShape.parse(data).default_branch)));
    if (sha === null && r.sources.some((s) => s !== 'input'))
        notes.push('the deployed commit is not known (the CLI takes it from --sha), so no label, trailer or earlier deployment was read');
    for (const source of r.sources) {
        if (source === 'input') {
            if (r.input)
                evidence.input = { ...r.input, role: await roleOf(client, r, r.input.actor) };
        }
        else if (sha !== null) {
            try {
                if (source === 'label')
                    evidence.pullRequests = await labelEvidence(client, r, sha);
                else if (source === 'trailer') {
                    const { data } = await client.request('GET /repos/{owner}/{repo}/commits/{ref}', { owner: r.owner, repo: r.repo, ref: sha });
                    const trailer = deployClassTrailer(commitShape.parse(data).commit.message);
                    evidence.trailers = { commits: [{ sha, trailer }], reviewed: trailer !== null && (await onDefaultBranch(sha)) };
                }
                else {
                    // A rollback only ever goes back to reviewed code: deployment records can be written by any writer's workflow.
                    evidence.rollback = (await onDefaultBranch(sha))
                        ? await rollbackEvidence(client, r, sha)
                        : { detected: false, detail: 'the commit is not on the default branch, so it is not a rollback to reviewed code' };
                }
            }
            catch (error) {
                const status = (0,github_client/* httpStatusOf */.s_)(error);
                // Only GitHub's refusals are no evidence; anything else (a bug, a response of the wrong shape) fails the gate.
                if (status === undefined)
                    throw error;
                notes.push(`the ${source} evidence could not be read (GitHub answered ${status}: ${(0,github_client/* messageOf */.bD)(error)}); reading it needs ${NEEDS[source]} (the Action's github-token, the CLI's GITHUB_TOKEN, or the app's installation)`);
            }
        }
        if (settled(evidence))
            break;
    }
    return { evidence, notes };
}

;// CONCATENATED MODULE: ./src/gate/classify-change.ts
/**
 * A blocked decision of a policy with `change-classes` (issue 16): the
 * deploy's class, from the facts GitHub gives (src/github/read-class-evidence.ts),
 * resolved and applied by the core. Without a GitHub client nothing can vouch
 * for any evidence, so the deploy is a feature and the report says why.
 */



async function classifyChange(report, policy, r) {
    if (report.decision.canDeploy)
        return report;
    const classes = policy.changeClasses;
    return applyChangeClass(report, await readChangeClass(policy, r, classPermission(report, policy, classes)), classes);
}
/**
 * The deploy's class from GitHub's evidence, whoever asks: the blocked decision above, or the postmortem-debt rule
 * (debt-gate.ts) for a deploy the budget let through. `needed`: the role that may choose a class by input.
 */
async function readChangeClass(policy, r, needed) {
    const classes = policy.changeClasses;
    let evidence = {};
    const notes = [];
    if (r.inputUnavailable !== undefined && classes.sources.includes('input'))
        notes.push(r.inputUnavailable);
    if (r.github === null) {
        notes.push(`no GitHub access to read the change class's evidence${r.githubUnavailable ? `: ${r.githubUnavailable}` : ''}; the deploy counts as a feature`);
    }
    else {
        const read = await readClassEvidence(r.github.client, {
            owner: r.github.owner,
            repo: r.github.repo,
            sha: r.sha,
            environment: policy.environment,
            sources: classes.sources,
            ...(r.input ? { input: r.input } : {}),
        }, 
        // The first source that names a usable class decides (resolveChangeClass's order): the later ones need no reading.
        (so) => resolveChangeClass(so, classes, needed).source !== 'default');
        evidence = read.evidence;
        notes.push(...read.notes);
    }
    const resolved = resolveChangeClass(evidence, classes, needed);
    return { ...resolved, notes: [...notes, ...resolved.notes] };
}


/***/ })

};
