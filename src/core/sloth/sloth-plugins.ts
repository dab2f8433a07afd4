/**
 * Sloth SLO plugins (`slo_plugins` of a spec, `plugins` of one SLO): which ones
 * deploy-governor may ignore and which change the SLO's maths.
 *
 * A Sloth SLO plugin transforms the rules Sloth generates. The gate and
 * `generate rules` do not run Sloth: they measure the SLO from its queries and
 * objective. A plugin that only touches Sloth's own rule files (labels,
 * intervals, alerts, validation) leaves that measurement what Sloth's is, so it
 * is ignored with a warning. A plugin that changes what the SLI or the budget
 * means would make the gate judge another SLO than the one Sloth reports, so it
 * is refused. A plugin Sloth does not ship is refused too: a custom plugin can
 * rewrite the SLI rules, and deploy-governor cannot run it to find out.
 *
 * The list is Sloth's own plugins (slok/sloth internal/plugin/slo/core and
 * internal/plugin/slo/contrib, with their READMEs).
 */

export type SlothPluginVerdict = { effect: 'ignored'; why: string } | { effect: 'refused'; why: string };

const IGNORED: Readonly<Record<string, string>> = {
  'sloth.dev/core/validate/v1': 'it validates the spec for Sloth (deploy-governor validates it too)',
  'sloth.dev/core/sli_rules/v1':
    "it writes Sloth's own SLI recording rules (with disableOptimized, its period window from the raw queries instead of an average of 5m ratios); deploy-governor measures the SLI from the same queries, traffic-weighted either way",
  'sloth.dev/core/metadata_rules/v1':
    "it writes Sloth's objective, burn-rate and budget recordings; deploy-governor computes its own from the same objective",
  'sloth.dev/core/alert_rules/v1': "it writes Sloth's burn-rate alerts; `generate rules` writes its own",
  'sloth.dev/core/noop/v1': 'it does nothing',
  'sloth.dev/core/debug/v1': 'it only logs',
  'sloth.dev/contrib/error_budget_exhausted_alert/v1':
    "it adds an alert on Sloth's budget series; `generate rules` writes SLOErrorBudgetExhausted",
  'sloth.dev/contrib/info_labels/v1': "it adds labels to Sloth's info series",
  'sloth.dev/contrib/remove_labels/v1': "it removes labels from Sloth's series",
  'sloth.dev/contrib/rule_intervals/v1': "it sets the evaluation interval of Sloth's rule groups",
  'sloth.dev/contrib/validate_victoria_metrics/v1': 'it validates the queries as MetricsQL for Sloth',
};

const REFUSED: Readonly<Record<string, string>> = {
  'sloth.dev/contrib/denominator_corrected_rules/v1':
    "it replaces the SLI with a denominator-corrected one (each window's errors divided by the whole period's traffic), which is not the error/total ratio the gate and `generate rules` measure",
};

/** What deploy-governor does with a Sloth SLO plugin, and why. */
export function slothPluginVerdict(id: string): SlothPluginVerdict {
  if (Object.hasOwn(IGNORED, id)) return { effect: 'ignored', why: IGNORED[id]! };
  if (Object.hasOwn(REFUSED, id)) return { effect: 'refused', why: REFUSED[id]! };
  return {
    effect: 'refused',
    why: 'it is not one of the plugins Sloth ships, and a custom plugin can rewrite the SLI rules, which deploy-governor cannot run to find out',
  };
}

/** Every plugin id with a known verdict, for the docs and the tests. */
export const KNOWN_SLOTH_PLUGINS = { ignored: Object.keys(IGNORED), refused: Object.keys(REFUSED) } as const;
