export const id = 632;
export const ids = [632];
export const modules = {

/***/ 7139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseExtends),
/* harmony export */   Nc: () => (/* binding */ EXTENDS_FORM),
/* harmony export */   Xn: () => (/* binding */ specKey),
/* harmony export */   l9: () => (/* binding */ describeSpec)
/* harmony export */ });
/**
 * The `extends` value of a policy file: `<owner>/<repo>[:<path>][@<ref>]`, as
 * Probot's `_extends` names a base file. The path defaults to the policy's own
 * path in that repository (`.github/deploy-governor.yml`, the organisation's
 * `.github` repository by convention) and the ref to its default branch. Pure:
 * parsing and normalising only; reading is the host's (src/github/read-parent-policy.ts).
 */
/** The default path of a parent policy in its repository. */
const DEFAULT_PARENT_PATH = '.github/deploy-governor.yml';
/** The accepted form, quoted by every refusal. */
const EXTENDS_FORM = 'owner/repo, optionally followed by :path/inside/the/repo.yml and @ref, e.g. acme/.github or acme/.github:policies/deploy.yml@main';
// GitHub's own limits: an owner is 1-39 letters, digits or single dashes; a repository 1-100 of letters, digits, ., _ and -.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]{1,255}$/;
const REF = /^[A-Za-z0-9._/-]{1,255}$/;
/** Why `path` is not a path inside a repository; null when it is. */
function pathProblem(path) {
    if (path.length > 1024)
        return `the path has ${path.length} characters; at most 1024`;
    if (path.startsWith('/'))
        return 'the path must be relative to the repository root, without a leading /';
    const segments = path.split('/');
    if (segments.some((s) => s === '..'))
        return 'the path must stay inside the repository: no .. segment';
    if (segments.some((s) => s === '' || s === '.'))
        return 'the path has an empty or . segment';
    if (!segments.every((s) => PATH_SEGMENT.test(s)))
        return 'each path segment may have only letters, digits, ., _ and -';
    return null;
}
/** Why `ref` is not a branch, tag or commit name git accepts (a conservative subset); null when it is. */
function refProblem(ref) {
    if (!REF.test(ref))
        return 'a ref may have only letters, digits, ., _, - and / (1-255 characters)';
    if (ref.startsWith('/') || ref.endsWith('/') || ref.startsWith('-') || ref.endsWith('.') || ref.endsWith('.lock'))
        return 'a ref may not start with / or -, or end with /, . or .lock';
    if (ref.includes('..') || ref.includes('//') || ref.split('/').some((s) => s.startsWith('.')))
        return 'a ref may not contain .., // or a segment that starts with .';
    return null;
}
/** Parses `owner/repo[:path][@ref]`; the problem names what is wrong (the caller names the file, the key and the value). */
function parseExtends(value) {
    const at = value.indexOf('@');
    const head = at === -1 ? value : value.slice(0, at);
    const ref = at === -1 ? null : value.slice(at + 1);
    const colon = head.indexOf(':');
    const repoPart = colon === -1 ? head : head.slice(0, colon);
    const path = colon === -1 ? DEFAULT_PARENT_PATH : head.slice(colon + 1);
    const slash = repoPart.indexOf('/');
    if (slash === -1)
        return { problem: `expected ${EXTENDS_FORM}: the owner is missing` };
    const owner = repoPart.slice(0, slash);
    const repo = repoPart.slice(slash + 1);
    if (!OWNER.test(owner))
        return { problem: `"${owner}" is not a GitHub owner name (1-39 letters, digits or single dashes)` };
    if (!REPO.test(repo) || repo === '.' || repo === '..')
        return { problem: `"${repo}" is not a repository name (1-100 letters, digits, ., _ or -)` };
    if (colon !== -1 && path === '')
        return { problem: 'the path after : is empty; leave the : out for the default path' };
    const badPath = pathProblem(path);
    if (badPath !== null)
        return { problem: badPath };
    if (ref !== null) {
        if (ref === '')
            return { problem: 'the ref after @ is empty; leave the @ out for the default branch' };
        const badRef = refProblem(ref);
        if (badRef !== null)
            return { problem: badRef };
    }
    return { spec: { owner, repo, path, ref } };
}
/** The one spelling of a file of the chain, for messages and provenance: `owner/repo:path@ref` (`@default` for the default branch). */
function describeSpec(spec) {
    return `${spec.owner}/${spec.repo}:${spec.path}@${spec.ref ?? 'default'}`;
}
/** Identity for cycle detection: GitHub's owner and repository names are case-insensitive, paths and refs are not. */
function specKey(spec) {
    return `${spec.owner.toLowerCase()}/${spec.repo.toLowerCase()}:${spec.path}@${spec.ref ?? ''}`;
}


/***/ }),

/***/ 1632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parentPolicyReader: () => (/* binding */ parentPolicyReader)
});

// EXTERNAL MODULE: ./src/core/policy/inherit/extends-spec.ts
var extends_spec = __webpack_require__(7139);
// EXTERNAL MODULE: ./src/github/client.ts
var github_client = __webpack_require__(6584);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 13 modules
var schemas = __webpack_require__(5491);
;// CONCATENATED MODULE: ./src/github/read-repo-file.ts
/**
 * Reads one text file from a repository through the contents API. Above 1 MB
 * the contents API answers with `encoding: "none"` and an empty `content`: the
 * text then comes from the git blob API (up to 100 MB), so a large audit log is
 * never mistaken for an empty one.
 */


const fileResponse = schemas/* object */.Ikc({
    type: schemas/* string */.YjP().optional(),
    sha: schemas/* string */.YjP(),
    encoding: schemas/* string */.YjP().optional(),
    content: schemas/* string */.YjP().optional(),
});
const blobResponse = schemas/* object */.Ikc({ encoding: schemas/* literal */.euz('base64'), content: schemas/* string */.YjP() });
/** The file's text and sha; null when it does not exist (404). */
async function readRepoFile(client, at) {
    let file;
    try {
        const { data } = await client.request('GET /repos/{owner}/{repo}/contents/{path}', {
            owner: at.owner,
            repo: at.repo,
            path: at.path,
            ...(at.ref ? { ref: at.ref } : {}),
        });
        if (Array.isArray(data))
            throw new Error(`${at.path} is a directory, not a file`);
        file = fileResponse.parse(data);
    }
    catch (error) {
        if ((0,github_client/* httpStatusOf */.s_)(error) === 404)
            return null;
        throw error;
    }
    if (file.type !== undefined && file.type !== 'file')
        throw new Error(`${at.path} is a ${file.type}, not a file`);
    if (file.encoding === 'base64' && file.content !== undefined)
        return { text: Buffer.from(file.content, 'base64').toString('utf8'), sha: file.sha };
    const { data } = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
        owner: at.owner,
        repo: at.repo,
        file_sha: file.sha,
    });
    return { text: Buffer.from(blobResponse.parse(data).content, 'base64').toString('utf8'), sha: file.sha };
}

;// CONCATENATED MODULE: ./src/github/read-parent-policy.ts
/**
 * Reads a parent policy (`extends: owner/repo[:path][@ref]`) through the contents API, for the chain in
 * src/core/policy/inherit/resolve-chain.ts. The parent is read at its repository's default branch, or at the
 * ref the `extends` value pins: never at a ref the run chose. What GitHub refuses becomes a message that says
 * which permission is missing and, for the Action, which token to give.
 */



const TOKEN_ADVICE = {
    action: (s) => `the job's GITHUB_TOKEN can read only the repository the workflow runs in: give the policy-token input a GitHub App installation token or a fine-grained token with contents: read on ${s.owner}/${s.repo}`,
    cli: (s) => `set GITHUB_TOKEN (or GH_TOKEN) to a token with contents: read on ${s.owner}/${s.repo}`,
    app: (s) => `install the deploy-governor app on ${s.owner}/${s.repo} too (it needs contents: read there), or extend a repository it is installed on`,
};
function parentPolicyReader(client, reader) {
    return async (spec) => {
        const name = (0,extends_spec/* describeSpec */.l9)(spec);
        const advice = TOKEN_ADVICE[reader](spec);
        let file;
        try {
            file = await readRepoFile(client, { owner: spec.owner, repo: spec.repo, path: spec.path, ...(spec.ref ? { ref: spec.ref } : {}) });
        }
        catch (error) {
            const status = (0,github_client/* httpStatusOf */.s_)(error);
            if (status === 401)
                throw new Error(`GitHub refused the token (401): ${advice}`, { cause: error });
            if (status === 403)
                throw new Error(`GitHub refused to read it (403: ${(0,github_client/* messageOf */.bD)(error)}): the token needs contents: read on ${spec.owner}/${spec.repo}; ${advice}`, { cause: error });
            throw new Error(`the request failed: ${(0,github_client/* messageOf */.bD)(error)}`, { cause: error });
        }
        if (!file) {
            throw new Error(`not found, or not visible to this token (GitHub answers 404 for both)${spec.ref ? `; check that the ref ${spec.ref} exists` : ''}; ${advice}`);
        }
        return { text: file.text, source: name };
    };
}


/***/ })

};
