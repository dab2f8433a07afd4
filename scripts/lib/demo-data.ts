/**
 * 30 days of traffic for a `checkout` service: diurnal load of 200-1200 requests
 * a minute, 0.02% background errors, a 40-minute incident nine days ago, a
 * latency histogram, and the DR gauges a team would push after its drills.
 */
import { OpenMetricsWriter } from './openmetrics.js';
import { writeGauge, writeHistogram, writeRequestCounters, type Steps } from './traffic.js';

const DAY = 86_400;

export async function writeDemoData(file: string, { end }: { end: Date }): Promise<void> {
  const e = Math.floor(end.getTime() / 1000 / 60) * 60;
  const steps: Steps = { from: e - 31 * DAY, to: e, step: 60 };
  const requests = (t: number) => 700 + 500 * Math.sin((2 * Math.PI * (t - 6 * 3600)) / DAY);
  const incidentStart = e - 9 * DAY;
  const labels = { job: 'checkout', service: 'checkout' };
  const writer = new OpenMetricsWriter(file);
  await writeRequestCounters(
    writer,
    'http_requests',
    [{ labels, requests, errorShare: (t) => (t >= incidentStart && t < incidentStart + 40 * 60 ? 0.25 : 0.0002) }],
    steps,
  );
  await writeHistogram(
    writer,
    'http_request_duration_seconds',
    [
      {
        labels,
        requests,
        buckets: [
          { le: 0.1, share: 0.55 },
          { le: 0.25, share: 0.9 },
          { le: 0.5, share: 0.996 },
          { le: 1, share: 0.999 },
          { le: 2.5, share: 0.9999 },
        ],
        meanSeconds: 0.11,
      },
    ],
    steps,
  );
  const recent = (value: number) => {
    const points: { t: number; value: number }[] = [];
    for (let t = e - 4 * DAY; t <= e; t += 300) points.push({ t, value });
    return points;
  };
  await writeGauge(writer, 'dr_last_test_timestamp', [{ labels: { service: 'checkout' }, points: recent(e - 3 * DAY) }]);
  await writeGauge(writer, 'probe_success', [{ labels: { job: 'dr-backup-check', service: 'checkout' }, points: recent(1) }]);
  await writeGauge(writer, 'dr_last_recovery_time_seconds', [{ labels: { service: 'checkout' }, points: recent(900) }]);
  await writeGauge(writer, 'dr_last_data_loss_seconds', [{ labels: { service: 'checkout' }, points: recent(60) }]);
  await writer.close();
}
