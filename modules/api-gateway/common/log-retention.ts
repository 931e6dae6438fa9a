/** Retention values CloudWatch Logs accepts, in days (0: never expire). */
export const LOG_RETENTION_DAYS = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The accepted value nearest to `days`, for the error's fix. */
export function nearestRetention(days: number): number {
  return LOG_RETENTION_DAYS.reduce((best, v) => (Math.abs(v - days) < Math.abs(best - days) ? v : best), 14);
}
