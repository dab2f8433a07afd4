export const id = 207;
export const ids = [207];
export const modules = {

/***/ 3207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePolicy: () => (/* binding */ parsePolicy)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _policy_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5833);
/* harmony import */ var _policy_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7163);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9863);
/**
 * Parses and validates the policy file's text. Pure: the adapters read the file
 * (from the workspace, the API or disk) and pass its text in.
 */




/**
 * Parse policy YAML. An empty file is an empty policy (all defaults).
 * @throws PolicyError naming each invalid key
 */
function parsePolicy(text, source = '.github/deploy-governor.yml') {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, doc.errors.map((e) => ({ path: e.linePos ? `line ${e.linePos[0].line}` : '', message: `YAML syntax: ${e.message.split('\n')[0]}` })));
    }
    const data = doc.toJS() ?? {};
    const result = _schema_js__WEBPACK_IMPORTED_MODULE_2__/* .policyFileSchema */ .Yo.safeParse(data);
    if (!result.success)
        throw new _policy_error_js__WEBPACK_IMPORTED_MODULE_1__/* .PolicyError */ .p(source, (0,_policy_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .toPolicyIssues */ .e)(result.error, data));
    return result.data;
}


/***/ })

};
