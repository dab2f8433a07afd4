export const id = 529;
export const ids = [529];
export const modules = {

/***/ 529:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveAlerting: () => (/* binding */ resolveAlerting)
/* harmony export */ });
/* harmony import */ var _policy_policy_error_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5833);
/* harmony import */ var _policy_resolve_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1061);
/* harmony import */ var _recorded_series_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7301);
/**
 * The policy's `alerting` section for one environment, with defaults: what
 * `generate rules` alerts on. Kept out of ResolvedPolicy because only the
 * generator reads it.
 */



const DEFAULT_MIN_TRAFFIC = 100;
/**
 * `alerting` of the file's top level merged with `environments.<environment>.alerting` (arrays replace).
 * @throws PolicyError when two pairs of one severity have the same windows (their alerts would have the same labels)
 */
function resolveAlerting(file, environment, source = '.github/deploy-governor.yml') {
    const cfg = (0,_policy_resolve_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .mergePolicy */ .VA)(file.alerting ?? {}, file.environments?.[environment]?.alerting);
    const factorScaling = cfg['factor-scaling'] ?? 'window';
    const pinned = factorScaling === 'pinned' ? { pinned: true } : {};
    const pairs = (cfg['burn-rate-alerts']?.map((p) => ({ long: p.long, short: p.short, factor: p.factor, severity: p.severity, for: p.for ?? '2m' })) ??
        _recorded_series_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_ALERT_PAIRS */ .vB).map((p) => ({ ...p, ...pinned }));
    const seen = new Map();
    for (const [i, p] of pairs.entries()) {
        const key = `${p.severity} ${p.long} ${p.short}`;
        const first = seen.get(key);
        if (first !== undefined) {
            const where = file.environments?.[environment]?.alerting?.['burn-rate-alerts']
                ? `environments.${environment}.alerting.burn-rate-alerts`
                : 'alerting.burn-rate-alerts';
            throw new _policy_policy_error_js__WEBPACK_IMPORTED_MODULE_0__/* .PolicyError */ .p(source, [
                {
                    path: `${where}[${i}]`,
                    message: `a second ${p.severity} pair over ${p.long} and ${p.short} (the first is [${first}]): each pair is its own alert, labelled by its windows, so two would be indistinguishable; keep one`,
                },
            ]);
        }
        seen.set(key, i);
    }
    return {
        minTraffic: cfg['min-traffic'] ?? DEFAULT_MIN_TRAFFIC,
        pairs,
        factorScaling,
        labels: Object.fromEntries(Object.entries(cfg.labels ?? {}).sort(([a], [b]) => a.localeCompare(b))),
    };
}


/***/ })

};
