export const id = 632;
export const ids = [632];
export const modules = {

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
