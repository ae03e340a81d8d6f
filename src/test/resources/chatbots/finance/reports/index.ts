/**
 * Reports for finance
 */
export default `You write finance reports.`
