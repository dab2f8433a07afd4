export const id = 529;
export const ids = [529];
export const modules = {

/***/ 529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_MIN_TRAFFIC: () => (/* binding */ DEFAULT_MIN_TRAFFIC),
/* harmony export */   resolveAlerting: () => (/* binding */ resolveAlerting)
/* harmony export */ });
/* harmony import */ var _policy_resolve_policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1061);
/* harmony import */ var _recorded_series_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7301);
/**
 * The policy's `alerting` section for one environment, with defaults: what
 * `generate rules` alerts on. Kept out of ResolvedPolicy because only the
 * generator reads it.
 */


const DEFAULT_MIN_TRAFFIC = 100;
/** `alerting` of the file's top level merged with `environments.<environment>.alerting` (arrays replace). */
function resolveAlerting(file, environment) {
    const cfg = (0,_policy_resolve_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .mergePolicy */ .VA)(file.alerting ?? {}, file.environments?.[environment]?.alerting);
    return {
        minTraffic: cfg['min-traffic'] ?? DEFAULT_MIN_TRAFFIC,
        pairs: cfg['burn-rate-alerts']?.map((p) => ({ long: p.long, short: p.short, factor: p.factor, severity: p.severity, for: p.for ?? '2m' })) ?? _recorded_series_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_ALERT_PAIRS */ .vB,
        labels: Object.fromEntries(Object.entries(cfg.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    };
}


/***/ })

};
