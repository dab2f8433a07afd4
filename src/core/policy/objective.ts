/**
 * Objectives are percentages everywhere (the policy file, the `slo-target` input,
 * Sloth specs): 99.9 means 99.9 %. A fraction such as 0.999, natural to anyone
 * who reads the generated rules (`vector(0.999)`) or OpenSLO, would mean
 * 0.999 % and let every deploy through, so anything at or below 1 is refused.
 */

/** Why `value` is not an objective in percent, or null when it is one (above 1, below 100). */
export function objectiveProblem(value: number): string | null {
  if (Number.isNaN(value)) return 'expected a percentage above 1 and below 100, e.g. 99.9';
  if (value >= 100) return 'expected a percentage below 100 (100% leaves no error budget), e.g. 99.9';
  if (value > 1) return null;
  const asPercent = Number((value * 100).toPrecision(10));
  const hint = value > 0 && value < 1 ? `did you mean ${asPercent}?` : 'did you mean 99.9?';
  return `expected a percentage above 1, e.g. 99.9: objectives are percentages, not fractions, so ${value} would mean ${value}%; ${hint}`;
}
